import Foundation
import PhasesplitTestSupport
import Testing

/// Acceptance (issue 14) on a real package: gawk 5.2.1 with one `.c` file changed builds
/// incrementally with one compile and the link, and its outputs equal a clean split build's.
/// The suite's one gawk pair (about three gawk builds on a cold store: base, clean, incremental).
@Suite("incremental gawk: one changed .c file", .tags(.nix), .requiresNix, .timeLimit(.minutes(30)))
struct IncrementalGawkTests {
  @Test("gawk: one changed .c file compiles it and links; outputs equal a clean split build")
  func gawkOneFileChange() throws {
    let harness = try NixHarness.make()
    defer { harness.cleanUp() }
    let mark = UUID().uuidString.lowercased()
    let request = SplitRequest(
      fixture: "gawk", attributeOverrides: #"{ postPatch = "echo '/* \#(mark) */' >> builtin.c"; }"#)
    let incremental = try harness.instantiate("incremental", request)
    let clean = try harness.instantiate("split", request)
    for derivation in [try harness.instantiate("base", request), incremental, clean] {
      let build = try harness.realise(derivation)
      try #require(build.succeeded, Comment(rawValue: build.failureSummary))
    }
    let differences = try OutputComparison.differences(
      split: harness.outputPaths(incremental), unsplit: harness.outputPaths(clean), harness: harness)
    #expect(differences.isEmpty, "\(differences)")
    let segment = try harness.instantiate("incremental.segments.build", request)
    let compiled = BuildLog.compilerInvocations(in: try harness.buildLog(segment))
    #expect(compiled.filter { $0.contains(" -c ") }.count == 1, "\(compiled)")
    #expect(compiled.filter { $0.contains("builtin.c") }.count == 1, "\(compiled)")
    #expect(compiled.filter { $0.contains(" -o gawk ") }.count == 1, "\(compiled)")
    #expect(compiled.count == 2, "\(compiled)")
  }
}
