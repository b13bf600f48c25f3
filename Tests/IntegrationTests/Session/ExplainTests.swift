import BuildSession
import Foundation
import PhasesplitTestSupport
import Testing

/// `phasesplit explain` on real instantiated split packages.
@Suite(.tags(.nix), .requiresNix) struct ExplainTests {
  typealias Support = SessionTestSupport

  func explain(_ arguments: [String]) throws -> ExplainReport {
    let result = try Support.phasesplit(["explain", "--json"] + arguments)
    try #require(result.status == 0, "\(result.standardError)")
    return try Support.explainReport(result)
  }

  @Test(.enabled(if: SessionTestSupport.fixturesHave("hello")))
  func postInstallEditRebuildsOnlyTheFinalSegmentAndNamesIt() throws {
    let nameSuffix = "explain\(Support.uniqueSalt().prefix(8))"
    let report = try explain([
      "-f", Support.fixtures, "-A", "hello", "--argstr", "nameSuffix", nameSuffix, "--argstr",
      "postInstallExtra",
      "echo edited", "--against-argstr", "postInstallExtra", "",
    ])
    #expect(report.schemaVersion == 1)
    #expect(report.segments.last?.segment == "install")
    #expect(report.segments.dropLast().allSatisfy { $0.verdict == "reused" && $0.reasons.isEmpty })
    let final = try #require(report.segments.last)
    #expect(final.verdict == "rebuilt")
    #expect(final.reasons.map(\.subject) == ["postInstall"])
  }

  @Test(.enabled(if: SessionTestSupport.fixturesHave("hello")))
  func configureFlagsEditNamesTheFlagsAndAttributesLaterSegmentsToTheirInput() throws {
    let nameSuffix = "explain\(Support.uniqueSalt().prefix(8))"
    let common = ["-f", Support.fixtures, "-A", "hello", "--argstr", "nameSuffix", nameSuffix]
    let report = try explain(
      common + [
        "--arg", "configureFlagsExtra", #"[ "--disable-nls" ]"#, "--against-arg", "configureFlagsExtra",
        "[ ]",
      ])
    let bySegment = Dictionary(uniqueKeysWithValues: report.segments.map { ($0.segment, $0) })
    #expect(bySegment["unpack"]?.verdict == "reused")
    #expect(bySegment["configure"]?.verdict == "rebuilt")
    #expect(bySegment["configure"]?.reasons.map(\.subject) == ["configureFlags"])
    // configureFlags is carried from configure on, so build sees the edit itself too
    #expect(bySegment["build"]?.reasons.map(\.kind) == ["inputSegmentRebuilt", "attributeChanged"])
    #expect(bySegment["build"]?.reasons.map(\.subject) == ["configure", "configureFlags"])

    let text = try Support.phasesplit(
      ["explain"] + common + [
        "--arg", "configureFlagsExtra", #"[ "--disable-nls" ]"#, "--against-arg", "configureFlagsExtra",
        "[ ]",
      ])
    #expect(text.standardOutput.contains("build      rebuilt because its input segment configure rebuilt"))
    #expect(text.standardOutput.contains("configure  rebuilt: attribute configureFlags added"))
  }

  @Test func againstAnOlderDerivationPath() throws {
    let salt = Support.uniqueSalt()
    let old = try Support.instantiate(
      Support.syntheticChain, stringArguments: ["salt": salt, "postInstall": "a"])
    let new = try Support.instantiate(
      Support.syntheticChain, stringArguments: ["salt": salt, "postInstall": "b"])
    let report = try explain([new, "--against", old])
    #expect(report.segments.map(\.verdict) == ["reused", "reused", "reused", "rebuilt"])
    #expect(report.segments.last?.reasons.map(\.subject) == ["postInstall"])
  }

  @Test func unsplitDerivationsAreSplitOnTheFly() throws {
    let nameSuffix = "explain\(Support.uniqueSalt().prefix(8))"
    func plainGreet(postInstallExtra: String) throws -> String {
      let result = try Support.run([
        "nix-instantiate", Support.fixtures, "-A", "plainMake", "--argstr", "nameSuffix", nameSuffix,
        "--argstr", "postInstallExtra", postInstallExtra,
      ])
      try #require(result.status == 0, "\(result.standardError)")
      return try #require(result.standardOutput.split(separator: "\n").last.map(String.init))
    }
    let old = try plainGreet(postInstallExtra: "")
    let new = try plainGreet(postInstallExtra: "echo edited")
    let report = try explain([new, "--against", old])
    #expect(report.segments.count > 1, "both packages are split into segments")
    #expect(report.segments.last?.segment == "install")
    #expect(report.segments.dropLast().allSatisfy { $0.verdict == "reused" && $0.reasons.isEmpty })
    #expect(report.segments.last?.verdict == "rebuilt")
    #expect(report.segments.last?.reasons.map(\.subject) == ["postInstall"])
  }
}
