import Foundation
import PhasesplitTestSupport
import Testing

/// `phasesplit analyze` end to end on fixture derivations instantiated by Nix.
@Suite(.tags(.nix), .requiresNix) struct AnalyzeTests {
  private func json(_ text: String) throws -> [String: Any] {
    try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
  }

  @Test func jsonReportDescribesPhasesSegmentsAndAttributes() async throws {
    let derivation = try await PlanningCLI.fixtureDerivation("plainMake")
    let run = try PlanningCLI.phasesplit(["analyze", derivation, "--json"])
    #expect(run.status == 0, "\(run.standardError)")
    let report = try json(run.standardOutput)
    #expect(report["schemaVersion"] as? Int == 2)
    #expect(report["splittable"] as? Bool == true)
    let package = try #require(report["package"] as? [String: Any])
    #expect(package["name"] as? String == "plain-greet-1.0")
    #expect(package["derivation"] as? String == derivation)
    let segments = try #require(report["segments"] as? [[String: Any]])
    #expect(
      segments.compactMap { $0["name"] as? String } == ["unpack", "configure", "build", "check", "install"])
    #expect(segments.first?["derivationName"] as? String == "plain-greet-1.0-seg-unpack")
    let unpackAttributes = try #require(segments.first?["attributes"] as? [String])
    #expect(unpackAttributes.contains("src") && !unpackAttributes.contains("makeFlags"))
    let phases = try #require(report["phases"] as? [[String: Any]])
    let installCheck = try #require(phases.first { $0["name"] as? String == "installCheckPhase" })
    #expect(installCheck["runs"] as? Bool == false)
    #expect((installCheck["skip"] as? [String: Any])?["flag"] as? String == "doInstallCheck")
  }

  @Test func humanReportOfCustomPhasesNamesCarriedState() async throws {
    let run = try PlanningCLI.phasesplit(["analyze", "-f", PlanningCLI.fixturesPath, "-A", "customPhases"])
    #expect(run.status == 0, "\(run.standardError)")
    #expect(run.standardOutput.contains("checkStatePhase"))
    #expect(run.standardOutput.contains("[stateCarried] writeConfigPhase"))
    #expect(
      run.standardOutput.contains(
        "[couldBeDeclaredLate] chooseTagPhase is read only by scripts of segment build and later"))
    #expect(run.standardOutput.contains("defines function addPhaseNote"))
  }

  @Test func fewerBoundariesGiveFewerSegments() async throws {
    let derivation = try await PlanningCLI.fixtureDerivation("hello")
    let run = try PlanningCLI.phasesplit(["analyze", derivation, "--boundaries", "build", "--json"])
    #expect(run.status == 0, "\(run.standardError)")
    let segments = try #require(try json(run.standardOutput)["segments"] as? [[String: Any]])
    #expect(segments.compactMap { $0["name"] as? String } == ["build", "install"])
  }

  @Test func boundaryListIgnoresOrderAndSpaces() async throws {
    let derivation = try await PlanningCLI.fixtureDerivation("plainMake")
    let run = try PlanningCLI.phasesplit(["analyze", derivation, "--boundaries", "check, unpack", "--json"])
    #expect(run.status == 0, "\(run.standardError)")
    let segments = try #require(try json(run.standardOutput)["segments"] as? [[String: Any]])
    #expect(segments.compactMap { $0["name"] as? String } == ["unpack", "check", "install"])
    #expect(segments[1]["phases"] as? [String] == ["configurePhase", "buildPhase", "checkPhase"])
  }

  @Test func buildCommandDerivationIsReportedNotSplittable() async throws {
    let derivation = try await PlanningCLI.fixtureDerivation("buildCommandPkg")
    let run = try PlanningCLI.phasesplit(["analyze", derivation, "--json"])
    #expect(run.status == 1)
    let report = try json(run.standardOutput)
    #expect(report["splittable"] as? Bool == false)
    #expect((report["refusal"] as? String)?.contains("buildCommand") == true)
  }

  @Test(arguments: ["install", "fixup", "unpack,bogus"])
  func boundariesOutsideTheValidSetAreRefused(boundaries: String) async throws {
    let derivation = try await PlanningCLI.fixtureDerivation("plainMake")
    let run = try PlanningCLI.phasesplit(["analyze", derivation, "--boundaries", boundaries])
    #expect(run.status != 0)
    #expect(run.standardError.contains("valid boundaries are: unpack configure build check"))
  }
}
