import Foundation
import PhasesplitTestSupport
import Testing

/// Acceptance: every output of a split build is byte-identical to the unsplit build's, and the
/// final segment of a compiled package compiles nothing (the work happened in earlier segments).
@Suite("split builds are identical to unsplit builds", .tags(.nix), .requiresNix, .timeLimit(.minutes(20)))
struct SplitIdentityTests {
  /// The fixtures of `fixtures/default.nix` built both ways.
  static let fixtures = [
    "hello", "plainMake", "cmakeProject", "cmakeNinjaProject", "mesonProject", "customPhases", "multiOutput",
    "structuredAttrs", "autotoolsMultiOutput", "customBuilder",
  ]
  /// The make- and ninja-based fixtures, whose `build` segment compiles C: their logs must show
  /// compiler lines in the build segment and none in the final segment.
  static let compiledFixtures: Set<String> = [
    "hello", "plainMake", "cmakeProject", "cmakeNinjaProject", "mesonProject", "multiOutput",
    "structuredAttrs", "autotoolsMultiOutput",
  ]

  @Test("outputs written before the final segment are carried to it")
  func earlyOutputsAreCarried() throws {
    let harness = try NixHarness.make()
    defer { harness.cleanUp() }
    // The build phase writes into $out (at its stand-in path); the final segment must get it back.
    let request = SplitRequest(
      fixture: "plainMake",
      attributeOverrides:
        #"{ pname = "early-output"; postBuild = "mkdir -p $out/share; echo \"built by $out\" > $out/share/early"; }"#
    )
    let unsplit = try harness.instantiate("unsplit", request)
    let split = try harness.instantiate("split", request)
    for derivation in [unsplit, split] {
      let build = try harness.realise(derivation)
      try #require(build.succeeded, Comment(rawValue: build.failureSummary))
    }
    let buildSegment = try harness.instantiate("split.segments.build", request)
    let buildArchive = try #require(try harness.outputPaths(buildSegment)["out"])
    #expect(FileManager.default.fileExists(atPath: buildArchive + "/output-out.pst"))
    let output = try #require(try harness.outputPaths(split)["out"])
    let early = try String(contentsOfFile: output + "/share/early", encoding: .utf8)
    #expect(early == "built by \(output)\n")
    let differences = try OutputComparison.differences(
      split: harness.outputPaths(split), unsplit: harness.outputPaths(unsplit), harness: harness)
    #expect(differences.isEmpty, "\(differences)")
  }

  @Test("split outputs equal unsplit outputs", arguments: fixtures)
  func outputsAreIdentical(fixture: String) throws {
    let harness = try NixHarness.make()
    defer { harness.cleanUp() }
    let request = SplitRequest(fixture: fixture)
    let unsplit = try harness.instantiate("unsplit", request)
    let split = try harness.instantiate("split", request)
    #expect(split != unsplit)

    let segmentNames = try harness.evaluateJSON("split.segmentNames", request)
    try #require(segmentNames.succeeded, Comment(rawValue: segmentNames.failureSummary))
    let names = try JSONDecoder().decode([String].self, from: Data(segmentNames.standardOutput.utf8))
    #expect(names.count > 1, "the split has segments \(names)")
    #expect(names.last == "install")

    for derivation in [unsplit, split] {
      let build = try harness.realise(derivation)
      try #require(build.succeeded, Comment(rawValue: build.failureSummary))
    }
    let differences = try OutputComparison.differences(
      split: harness.outputPaths(split), unsplit: harness.outputPaths(unsplit), harness: harness)
    #expect(differences.isEmpty, "\(differences)")
    // The final segment scanned its outputs for stand-in remnants and found none.
    let finalLog = try harness.buildLog(split)
    #expect(finalLog.contains("Running phase: phasesplitStandInScanPhase"))
    #expect(finalLog.contains("for stand-in remnants in") && finalLog.contains(": 0 found\n"))

    if Self.compiledFixtures.contains(fixture) {
      let buildSegment = try harness.instantiate("split.segments.build", request)
      let compiledInBuild = BuildLog.compilerInvocations(in: try harness.buildLog(buildSegment))
      #expect(!compiledInBuild.isEmpty, "the build segment's log shows no compiler invocation")
      let compiledInFinal = BuildLog.compilerInvocations(in: try harness.buildLog(split))
      #expect(compiledInFinal.isEmpty, "the final segment compiled: \(compiledInFinal.prefix(5))")
    }
  }
}
