import Foundation
import PhasesplitTestSupport
import Testing

/// Acceptance: an edit read only by late phases rebuilds only the late segments, and a failed
/// final segment names itself and leaves the earlier segments cached.
@Suite("edits rebuild only the segments that read them", .tags(.nix), .requiresNix, .timeLimit(.minutes(20)))
struct IncrementalRebuildTests {
  /// Text unique to one test run, so that the edited derivations are new to the store.
  private static func uniqueMarker() -> String {
    "phasesplit-test-\(UUID().uuidString.lowercased())"
  }

  @Test("an edited postInstall builds only the final segment")
  func postInstallEditBuildsOnlyTheFinalSegment() throws {
    let harness = try NixHarness.make()
    defer { harness.cleanUp() }
    let original = SplitRequest(fixture: "plainMake")
    let first = try harness.realise(try harness.instantiate("split", original))
    try #require(first.succeeded, Comment(rawValue: first.failureSummary))

    let marker = Self.uniqueMarker()
    let edited = SplitRequest(fixture: "plainMake", postInstallExtra: "echo \(marker) > $out/marker")
    let editedFinal = try harness.instantiate("split", edited)
    #expect(try harness.derivationsToBuild(editedFinal) == [editedFinal])

    let build = try harness.realise(editedFinal)
    try #require(build.succeeded, Comment(rawValue: build.failureSummary))
    #expect(BuildLog.builtDerivations(in: build.standardError) == [editedFinal])
    let output = try #require(try harness.outputPaths(editedFinal)["out"])
    let marked = try String(contentsOfFile: output + "/marker", encoding: .utf8)
    #expect(marked == marker + "\n")
  }

  @Test("a failing install names its segment; the fixed package builds only the final segment")
  func failingInstallReportsAndResumes() throws {
    let harness = try NixHarness.make()
    defer { harness.cleanUp() }
    // A fresh postInstall keeps the failing final segment new to the store, so it really runs.
    let marker = Self.uniqueMarker()
    let failing = SplitRequest(fixture: "failingInstall", postInstallExtra: "echo \(marker)")
    let failingFinal = try harness.instantiate("split", failing)
    let failed = try harness.realise(failingFinal)
    #expect(!failed.succeeded)
    let packageName = try JSONDecoder().decode(
      String.self, from: Data(try harness.evaluateJSON("split.name", failing).standardOutput.utf8))
    #expect(
      failed.standardError.contains(
        "phasesplit: segment install failed in installPhase (package \(packageName))"),
      "\(failed.failureSummary)")
    #expect(failed.standardError.contains("phasesplit enter"))

    let fixed = SplitRequest(fixture: "failingInstallFixed", postInstallExtra: "echo \(marker)")
    let fixedFinal = try harness.instantiate("split", fixed)
    #expect(try harness.derivationsToBuild(fixedFinal) == [fixedFinal])
    let build = try harness.realise(fixedFinal)
    try #require(build.succeeded, Comment(rawValue: build.failureSummary))
    #expect(BuildLog.builtDerivations(in: build.standardError) == [fixedFinal])
  }

  @Test("edited configure flags reuse the unpack segment and rebuild configure onward")
  func configureFlagsEditKeepsTheUnpackSegment() throws {
    let harness = try NixHarness.make()
    defer { harness.cleanUp() }
    let original = SplitRequest(fixture: "hello")
    let unpack = try harness.instantiate("split.segments.unpack", original)
    let unpacked = try harness.realise(unpack)
    try #require(unpacked.succeeded, Comment(rawValue: unpacked.failureSummary))

    let edited = SplitRequest(fixture: "hello", configureFlagsExtra: ["--with-\(Self.uniqueMarker())"])
    let namesResult = try harness.evaluateJSON("split.segmentNames", edited)
    try #require(namesResult.succeeded, Comment(rawValue: namesResult.failureSummary))
    let names = try JSONDecoder().decode([String].self, from: Data(namesResult.standardOutput.utf8))
    try #require(names.first == "unpack" && names.contains("configure"))

    var originalSegments: [String: String] = [:]
    var editedSegments: [String: String] = [:]
    for name in names {
      originalSegments[name] = try harness.instantiate("split.segments.\(name)", original)
      editedSegments[name] = try harness.instantiate("split.segments.\(name)", edited)
    }
    #expect(editedSegments["unpack"] == originalSegments["unpack"])
    for name in names.dropFirst() {
      #expect(editedSegments[name] != originalSegments[name], "segment \(name) did not change")
    }
    let planned = try harness.derivationsToBuild(try harness.instantiate("split", edited))
    #expect(planned == Set(names.dropFirst().compactMap { editedSegments[$0] }))
  }
}
