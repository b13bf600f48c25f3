import Foundation
import PhasesplitTestSupport
import Testing

/// `phasesplit build` against real sandboxed Nix builds.
@Suite(.tags(.nix), .requiresNix) struct BuildTests {
  typealias Support = SessionTestSupport

  @Test func buildsThenReusesEverySegment() throws {
    let salt = Support.uniqueSalt()
    let drv = try Support.instantiate(Support.syntheticChain, stringArguments: ["salt": salt])
    let directory = try Support.temporaryDirectory()
    defer { try? FileManager.default.removeItem(atPath: directory) }
    let link = directory + "/result"

    let first = try Support.phasesplit(["build", drv, "--out-link", link])
    #expect(first.status == 0, "\(first.standardError)")
    #expect(first.standardOutput.contains("demo-\(salt): 0 reused, 4 built"))
    #expect(first.standardError.contains("demo-\(salt) configure: building (configurePhase)"))
    #expect(first.standardError.contains("demo-\(salt) install: built in"))
    #expect(!first.standardError.contains("\u{1B}["), "plain progress in a pipe")
    let target = try FileManager.default.destinationOfSymbolicLink(atPath: link)
    #expect(try String(contentsOfFile: target + "/result", encoding: .utf8) == "done\n")

    // analyze of the result describes the split package instead of calling it not splittable.
    let analysed = try Support.phasesplit(["analyze", link])
    #expect(analysed.status == 0, "\(analysed.standardOutput)\n\(analysed.standardError)")
    #expect(
      analysed.standardOutput.contains("package demo-\(salt) is already split by phasesplit into 4 segments"))
    #expect(analysed.standardOutput.contains("configure  configurePhase"))
    #expect(!analysed.standardOutput.contains("not splittable"))

    let second = try Support.phasesplit(["build", drv, "--no-out-link", "--json"])
    #expect(second.status == 0, "\(second.standardError)")
    let report = try Support.buildReport(second)
    #expect(report.schemaVersion == 2)
    #expect(report.success)
    #expect(report.package == "demo-\(salt)")
    #expect(report.segments.map(\.segment) == ["unpack", "configure", "build", "install"])
    #expect(report.segments.map(\.status) == ["reused", "reused", "reused", "reused"])
    #expect(report.segments.map(\.archiveBytes) == [3000, 3000, 3000, nil])
    #expect(report.segments[0].phases == ["unpackPhase", "patchPhase"])
    #expect(report.outputs["out"] == target)
    #expect(report.outLinks.isEmpty)
  }

  @Test func failureNamesSegmentPhaseAndNextCommands() throws {
    let salt = Support.uniqueSalt()
    let file = Support.syntheticChain
    let arguments = [
      "-f", file, "--argstr", "salt", salt, "--argstr", "failIn", "installPhase", "--no-out-link",
    ]
    let failed = try Support.phasesplit(["build"] + arguments)
    #expect(failed.status != 0)
    #expect(failed.standardOutput.contains("segment install of demo-\(salt) failed in installPhase"))
    #expect(failed.standardOutput.contains("  | installPhase: simulated failure"))
    #expect(
      failed.standardOutput.contains(
        "phasesplit enter -f \(file) --argstr salt \(salt) --argstr failIn installPhase --segment build"))
    #expect(failed.standardOutput.contains("phasesplit build " + arguments.joined(separator: " ")))
    #expect(failed.standardError.contains("demo-\(salt) install: FAILED in installPhase"))

    let json = try Support.phasesplit(["build", "--json"] + arguments)
    #expect(json.status != 0)
    let report = try Support.buildReport(json)
    #expect(!report.success)
    #expect(report.segments.map(\.status) == ["reused", "reused", "reused", "failed"])
    #expect(report.segments.last?.failedPhase == "installPhase")

    let fixed = try Support.phasesplit(["build", "-f", file, "--argstr", "salt", salt, "--no-out-link"])
    #expect(fixed.status == 0, "\(fixed.standardError)")
    #expect(fixed.standardOutput.contains("3 reused, 1 built"))
  }

  @Test func unsplitDerivationIsRefused() throws {
    let salt = Support.uniqueSalt()
    let chain = try Support.instantiate(Support.syntheticChain, stringArguments: ["salt": salt])
    let graph = try Support.run(["nix-store", "--query", "--references", chain])
    let first = try #require(
      graph.standardOutput.split(separator: "\n").map(String.init).first { $0.hasSuffix("-seg-build.drv") })
    let result = try Support.phasesplit(["build", first, "--no-out-link"])
    #expect(result.status != 0)
    #expect(result.standardError.contains("is not a split package"))
  }
}
