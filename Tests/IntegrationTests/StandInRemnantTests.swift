import Foundation
import PhasesplitTestSupport
import Testing

/// Acceptance (issue 19): a package whose build phase writes its output path compressed,
/// archived or as UTF-16 fails split, naming each file and form; it builds unsplit, and split
/// with `allowStandInRemnants`, whose log lists what it let through.
@Suite(
  "the final segment refuses outputs that still name a stand-in", .tags(.nix), .requiresNix,
  .timeLimit(.minutes(10)))
struct StandInRemnantTests {
  /// The files `standInRemnants` installs and the form the scan must name for each.
  static let expectedForms = [
    "share/remnants/where.txt.gz: gzip-compressed data, plain bytes at offset ",
    "share/remnants/where.txt.xz: xz-compressed data, plain bytes at offset ",
    "share/remnants/where.zip: zip entry 'where.txt', plain bytes at offset ",
    "share/remnants/where.utf16: UTF-16 text at offset 22 ",
  ]

  @Test("split fails naming each file and form; unsplit builds")
  func splitFailsUnsplitBuilds() throws {
    let harness = try NixHarness.make()
    defer { harness.cleanUp() }
    let request = SplitRequest(fixture: "standInRemnants")
    let unsplit = try harness.realise(try harness.instantiate("unsplit", request))
    #expect(unsplit.succeeded, Comment(rawValue: unsplit.failureSummary))

    let split = try harness.instantiate("split", request)
    let build = try harness.realise(split)
    #expect(!build.succeeded)
    let log = try harness.buildLog(split)
    let output = try #require(try harness.outputPaths(split)["out"])
    for form in Self.expectedForms {
      #expect(log.contains("\(output)/\(form)"), "the log does not name \(form)")
    }
    #expect(log.contains("4 place(s) in the outputs still name a stand-in output path"))
    #expect(
      log.contains("build this package unsplit, or move the step that writes these files after the install"))
    #expect(log.contains("phasesplit: segment install failed in phasesplitStandInScanPhase"))
  }

  @Test("with allowStandInRemnants the split builds and its log lists what it let through")
  func optOutLetsThrough() throws {
    let harness = try NixHarness.make()
    defer { harness.cleanUp() }
    let request = SplitRequest(fixture: "standInRemnants", allowStandInRemnants: true)
    let split = try harness.instantiate("split", request)
    let build = try harness.realise(split)
    try #require(build.succeeded, Comment(rawValue: build.failureSummary))
    let log = try harness.buildLog(split)
    let output = try #require(try harness.outputPaths(split)["out"])
    #expect(log.contains("phasesplit: allowStandInRemnants is set: letting through 4 stand-in remnant(s):"))
    for form in Self.expectedForms {
      #expect(log.contains("phasesplit:   \(output)/\(form)"), "the log does not list \(form)")
    }
    // Without the opt-out the same package's final segment is another derivation.
    #expect(split != (try harness.instantiate("split", SplitRequest(fixture: "standInRemnants"))))
  }

  @Test("analyze warns up front; wrap --allow-stand-in-remnants writes the opt-out and it builds")
  func analyzeWarnsAndWrapOptsOut() throws {
    let analyze = try PlanningCLI.phasesplit(
      ["analyze", "-f", PlanningCLI.fixturesPath, "-A", "standInRemnants", "--json"])
    try #require(analyze.succeeded, Comment(rawValue: analyze.failureSummary))
    let report = try #require(
      try JSONSerialization.jsonObject(with: Data(analyze.standardOutput.utf8)) as? [String: Any])
    let findings = try #require(report["findings"] as? [[String: Any]])
    let archiving = try #require(findings.first { $0["kind"] as? String == "archivingBeforeFinal" })
    #expect(archiving["segment"] as? String == "build")
    #expect(archiving["variables"] as? [String] == ["gzip", "iconv", "xz", "zip"])
    let plain = try PlanningCLI.phasesplit([
      "analyze", "-f", PlanningCLI.fixturesPath, "-A", "plainMake", "--json",
    ])
    #expect(!plain.standardOutput.contains("archivingBeforeFinal"))

    let directory = try PlanningCLI.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: directory) }
    let file = directory.appendingPathComponent("split.nix").path
    let wrap = try PlanningCLI.phasesplit(
      [
        "wrap", "-f", PlanningCLI.fixturesPath, "-A", "standInRemnants", "--allow-stand-in-remnants", "-o",
        file,
      ],
      tool: try TestPackage.sandboxTool())
    try #require(wrap.succeeded, Comment(rawValue: wrap.failureSummary))
    #expect(try String(contentsOfFile: file, encoding: .utf8).contains("allowStandInRemnants = true;"))
    let build = try PlanningCLI.run("nix-build", [file, "--no-out-link"])
    try #require(build.succeeded, Comment(rawValue: build.failureSummary))
    let output = try #require(build.outputLines.last)
    let log = try PlanningCLI.run("nix-store", ["--read-log", output])
    #expect(log.standardOutput.contains("letting through 4 stand-in remnant(s)"))
  }

  @Test("a stored zip entry rewritten by relocation is caught by its broken checksum")
  func damagedStoredZip() throws {
    let harness = try NixHarness.make()
    defer { harness.cleanUp() }
    let request = SplitRequest(
      fixture: "plainMake",
      attributeOverrides: #"""
        {
          pname = "stored-zip";
          postBuild = ''echo "$out" > where.txt && touch -d @1 where.txt && zip -X -q -0 where.zip where.txt'';
          postInstall = ''install -Dm644 where.zip "$out/share/where.zip"'';
        }
        """#)
    let split = try harness.instantiate("split", request)
    #expect(!(try harness.realise(split)).succeeded)
    let log = try harness.buildLog(split)
    #expect(
      log.contains("/share/where.zip: zip entry 'where.txt' no longer reads (ZIP bad CRC"),
      "\(log.suffix(1500))")
    #expect(log.contains("relocation rewrote a stand-in stored uncompressed inside it"))
  }
}
