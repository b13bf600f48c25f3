import Foundation
import PhasesplitTestSupport
import Testing

/// `phasesplit build --from` and `phasesplit explain --from` on a real incremental build.
@Suite(.tags(.nix), .requiresNix) struct IncrementalCommandTests {
  typealias Support = SessionTestSupport

  struct Changes: Decodable {
    var mode: String
    var changed: [String]
  }

  struct Incremental: Decodable {
    var segment: String
    var sourceChanges: Changes?
  }

  struct Report: Decodable {
    var incremental: Incremental?
  }

  @Test("build --from-argstr builds incrementally; explain lists the changed source file")
  func buildAndExplainFrom() throws {
    let directory = try Support.temporaryDirectory()
    defer { try? FileManager.default.removeItem(atPath: directory) }
    // plain-make, with main.c edited when `mark` is set; the older version has no mark.
    let file = directory + "/package.nix"
    try """
    { mark ? "" }:
    let fixtures = import \(Support.fixtures) { nameSuffix = "-cli-incremental"; };
    in fixtures.plainMake.overrideAttrs (_: if mark == "" then { } else { postPatch = "echo '/* ${mark} */' >> main.c"; })
    """.write(toFile: file, atomically: true, encoding: .utf8)
    let mark = "m\(Support.uniqueSalt().prefix(8))"
    let package = ["-f", file, "--argstr", "mark", mark, "--from-argstr", "mark", ""]

    let build = try Support.phasesplit(["build", "--no-out-link", "--json"] + package)
    try #require(build.status == 0, "\(build.standardError)")

    let explained = try Support.phasesplit(["explain", "--json"] + package)
    try #require(explained.status == 0, "\(explained.standardError)")
    let report = try JSONDecoder().decode(Report.self, from: Data(explained.standardOutput.utf8))
    let incremental = try #require(report.incremental)
    #expect(incremental.segment == "build")
    #expect(incremental.sourceChanges?.mode == "incremental")
    #expect(incremental.sourceChanges?.changed == ["plain-make/main.c"])

    let text = try Support.phasesplit(["explain"] + package)
    #expect(text.standardOutput.contains("changed  plain-make/main.c"), "\(text.standardOutput)")
  }
}
