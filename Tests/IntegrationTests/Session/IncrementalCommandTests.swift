import Foundation
import PhasesplitTestSupport
import Testing

/// `phasesplit build --from` and `phasesplit explain --from` on a real incremental build.
@Suite(.tags(.nix), .requiresNix) struct IncrementalCommandTests {
  typealias Support = SessionTestSupport

  /// plain-make, with main.c edited when `mark` is set (the older version has no mark), written
  /// into `directory`: the installable arguments of the new version built `--from` the older one.
  private static func package(in directory: String, suffix: String) throws -> [String] {
    let file = directory + "/package.nix"
    try """
    { mark ? "" }:
    let fixtures = import \(Support.fixtures) { nameSuffix = "\(suffix)"; };
    in fixtures.plainMake.overrideAttrs (_: if mark == "" then { } else { postPatch = "echo '/* ${mark} */' >> main.c"; })
    """.write(toFile: file, atomically: true, encoding: .utf8)
    let mark = "m\(Support.uniqueSalt().prefix(8))"
    return ["-f", file, "--argstr", "mark", mark, "--from-argstr", "mark", ""]
  }

  @Test("build --from-argstr builds incrementally; explain lists the changed source file")
  func buildAndExplainFrom() throws {
    let directory = try Support.temporaryDirectory()
    defer { try? FileManager.default.removeItem(atPath: directory) }
    let package = try Self.package(in: directory, suffix: "-cli-incremental")

    let build = try Support.phasesplit(["build", "--no-out-link", "--json"] + package)
    try #require(build.status == 0, "\(build.standardError)")
    let built = try Support.buildReport(build)
    #expect(built.incremental?.sourceChanges?.mode == "incremental")
    #expect(built.incremental?.sourceChanges?.changed == ["plain-make/main.c"])
    // the summary says it too (the chain is in the store now: every segment reused)
    let summary = try Support.phasesplit(["build", "--no-out-link"] + package)
    #expect(
      summary.standardOutput.contains("build: incremental on /nix/store/")
        && summary.standardOutput.contains("(1 source path changed: plain-make/main.c)"),
      "\(summary.standardOutput)")

    let explained = try Support.phasesplit(["explain", "--json"] + package)
    try #require(explained.status == 0, "\(explained.standardError)")
    let report = try Support.explainReport(explained)
    let incremental = try #require(report.incremental)
    #expect(incremental.segment == "build")
    #expect(incremental.sourceChanges?.mode == "incremental")
    #expect(incremental.sourceChanges?.changed == ["plain-make/main.c"])
    // the incremental build segment against the older clean one: one reason says it is
    // incremental; the runner settings that make it so are not listed
    let buildEntry = try #require(report.segments.first { $0.segment == "build" })
    #expect(buildEntry.reasons.first?.kind == "incrementalBuild", "\(buildEntry.reasons)")
    let subjects = report.segments.flatMap(\.reasons).compactMap(\.subject)
    #expect(
      !subjects.contains { $0.hasPrefix("phasesplit") || $0.hasSuffix("-seg-build.drv") }, "\(subjects)")

    let text = try Support.phasesplit(["explain"] + package)
    #expect(text.standardOutput.contains("changed  plain-make/main.c"), "\(text.standardOutput)")
  }

  @Test("explain --from before the incremental segment is built compares the two unpack segments' archives")
  func explainBeforeTheIncrementalBuild() throws {
    let directory = try Support.temporaryDirectory()
    defer { try? FileManager.default.removeItem(atPath: directory) }
    let package = try Self.package(in: directory, suffix: "-cli-incremental-pending")
    let installable = Array(package.prefix(5))  // -f FILE --argstr mark MARK, without --from
    // the new version's clean split build (its unpack segment is the incremental chain's too) and the
    // older version's
    for arguments in [installable, Array(installable.prefix(4)) + [""]] {
      let build = try Support.phasesplit(["build", "--no-out-link"] + arguments)
      try #require(build.status == 0, "\(build.standardError)")
    }
    let explained = try Support.phasesplit(["explain", "--json"] + package)
    try #require(explained.status == 0, "\(explained.standardError)")
    let report = try Support.explainReport(explained)
    let incremental = try #require(report.incremental)
    #expect(incremental.sourceChanges?.mode == "pending")
    #expect(incremental.sourceChanges?.changed == ["plain-make/main.c"])
  }

  @Test(
    "enter --from: after the incremental segment, and before it with the base build and the new source",
    .enabled(if: SessionTestSupport.toolRunsInSandbox, "needs a release phasesplit that runs in the sandbox"))
  func enterFrom() throws {
    let directory = try Support.temporaryDirectory()
    defer { try? FileManager.default.removeItem(atPath: directory) }
    let package = try Self.package(in: directory, suffix: "-cli-incremental-enter")
    let build = try Support.phasesplit(["build", "--no-out-link"] + package)
    try #require(build.status == 0, "\(build.standardError)")

    let after = try Support.phasesplit(
      ["enter"] + package + ["--segment", "build", "--command", "echo \"next=$curPhase\"; ls"])
    #expect(after.status == 0, "\(after.standardError)")
    #expect(after.standardOutput.contains("plain-greet\n"), "\(after.standardOutput)")
    #expect(!after.standardOutput.contains("next=buildPhase"), "\(after.standardOutput)")

    // before the incremental segment: the base build's tree and state with main.c synced in,
    // so its build phase compiles main.c and links, as the segment did
    let before = try Support.phasesplit(
      ["enter"] + package + [
        "--phase", "buildPhase", "--command", "echo \"next=$curPhase\"; runPhase buildPhase",
      ])
    let text = before.standardOutput + before.standardError
    #expect(before.status == 0, "\(text)")
    #expect(before.standardOutput.contains("next=buildPhase\n"), "\(text)")
    #expect(before.standardError.contains("phasesplit: rebuilding incrementally from"), "\(text)")
    #expect(text.contains(" -c -o main.o main.c"), "\(text)")
    #expect(!text.contains(" -c -o greet.o"), "the base build's greet.o is restored: \(text)")
  }
}
