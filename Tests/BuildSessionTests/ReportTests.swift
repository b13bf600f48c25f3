import Basics
import Foundation
import NixInterface
import Testing

@testable import BuildSession

@Suite struct ReportTests {
  func failedReport() -> BuildReport {
    BuildReport(
      package: "demo-1", success: false, seconds: 3,
      segments: [
        SegmentReport(
          segment: "build", derivation: "/nix/store/b.drv", phases: ["buildPhase"], status: "reused",
          seconds: 0,
          failedPhase: nil, archiveBytes: 2048),
        SegmentReport(
          segment: "install", derivation: "/nix/store/c.drv", phases: ["installPhase", "fixupPhase"],
          status: "failed", seconds: 1.5, failedPhase: "installPhase", archiveBytes: nil),
      ], outputs: [:], outLinks: [],
      failure: BuildFailureReport(
        segment: "install", phase: "installPhase", logTail: ["make: *** [install] Error 1"],
        enterCommand: "phasesplit enter -f x.nix --segment build", resumeCommand: "phasesplit build -f x.nix",
        nixErrors: ["builder for '/nix/store/c.drv' failed with exit code 2"]))
  }

  @Test func summaryShowsRowsFailureAndCommands() {
    let text = SummaryTable.render(failedReport())
    let lines = text.split(separator: "\n").map(String.init)
    #expect(lines[0].hasPrefix("SEGMENT"))
    #expect(lines[1].hasPrefix("build ") && lines[1].hasSuffix("2.0 KiB"))
    #expect(lines[2].contains("failed (installPhase)") && lines[2].contains("1.5s"))
    #expect(text.contains("segment install of demo-1 failed in installPhase"))
    #expect(text.contains("  | make: *** [install] Error 1"))
    #expect(text.contains("  phasesplit enter -f x.nix --segment build\n"))
    #expect(text.contains("  phasesplit build -f x.nix\n"))
  }

  @Test("an incremental build's summary says what its build segment built on, or why it started over")
  func summaryNamesTheIncrementalBase() throws {
    var report = BuildReport(
      package: "demo-1", success: true, seconds: 2,
      segments: [
        SegmentReport(
          segment: "build", derivation: "/nix/store/b.drv", phases: ["configurePhase", "buildPhase"],
          status: "built", seconds: 1, failedPhase: nil, archiveBytes: 2048)
      ], outputs: ["out": "/nix/store/o-demo-1"], outLinks: [], failure: nil)
    #expect(!SummaryTable.render(report).contains("incremental"))
    func changes(_ json: String) throws -> SourceSyncReport {
      try JSONDecoder().decode(SourceSyncReport.self, from: Data(json.utf8))
    }
    report.incremental = IncrementalExplanation(
      segment: "build", base: "/nix/store/p-demo-0-seg-build",
      sourceChanges: try changes(
        #"{"mode": "incremental", "added": ["d/new.c"], "changed": ["d/a.c", "d/b.h", "d/c.h"], "deleted": []}"#
      ))
    #expect(
      SummaryTable.render(report).contains(
        "build: incremental on /nix/store/p-demo-0-seg-build (4 source paths changed: d/a.c, d/b.h, d/c.h, …)\n"
      ))
    report.incremental?.sourceChanges = try changes(
      #"{"mode": "clean", "reason": "attributes changed: configureFlags", "added": [], "changed": [], "deleted": []}"#
    )
    #expect(
      SummaryTable.render(report).contains(
        "build: built from scratch, not incrementally: attributes changed: configureFlags\n"))
  }

  @Test func dependencyFailureAndKilledNixAreBlamedAsSuch() {
    var report = failedReport()
    report.failure = BuildFailureReport(
      segment: nil, phase: nil, derivation: "/nix/store/s-src.tar.gz.drv", dependency: "src.tar.gz",
      logTail: [],
      logCommand: BuildFailureReport.logCommand(for: "/nix/store/s-src.tar.gz.drv"), enterCommand: nil,
      resumeCommand: "phasesplit build -f x.nix", nixErrors: ["hash mismatch in fixed-output derivation"])
    let dependency = SummaryTable.render(report)
    #expect(dependency.contains("dependency src.tar.gz of demo-1 (not a segment) failed."))
    #expect(dependency.contains("Full log:\n  nix-store -l /nix/store/s-src.tar.gz.drv\n"))
    #expect(!dependency.contains("unknown phase") && !dependency.contains("none identified"))
    report.failure = BuildFailureReport(
      segment: "install", phase: "installPhase", signal: 15, logTail: [], enterCommand: nil,
      resumeCommand: "phasesplit build -f x.nix", nixErrors: [])
    let killed = SummaryTable.render(report)
    #expect(
      killed.contains(
        "nix-build was killed by signal 15 (SIGTERM) while segment install of demo-1 was building (in installPhase); "
          + "no build failed by itself."))
    #expect(!killed.contains("failed in installPhase"))
  }

  @Test func failedNixBuildInAnErrorNamesTheLogCommand() {
    let error = BuildSessionError.nix(
      NixCommandError(
        commandLine: ["nix-build", "/nix/store/a.drv"], reason: .exited(100),
        standardErrorTail: [
          "\u{1B}[31;1merror:\u{1B}[0m builder for '/nix/store/x-a.drv' failed with exit code 2"
        ]))
    #expect(error.description.hasSuffix("Full log:\n  nix-store -l /nix/store/x-a.drv"))
  }

  @Test func summaryFitsANarrowTerminal() {
    let narrow = SummaryTable.render(failedReport(), width: 40)
    let lines = narrow.split(separator: "\n")
    #expect(lines[0] == "SEGMENT  RESULT                 TIME")
    #expect(lines.prefix(3).allSatisfy { $0.count < 40 })
    #expect(SummaryTable.render(failedReport(), width: 200).hasPrefix("SEGMENT  PHASES"))
  }

  @Test func jsonRoundTripsWithSchemaVersion() throws {
    let report = failedReport()
    let data = try JSONEncoder().encode(report)
    let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    #expect(object["schemaVersion"] as? Int == BuildReport.currentSchemaVersion)
    #expect(try JSONDecoder().decode(BuildReport.self, from: data) == report)
  }

  @Test func dryRunListsOnlyDerivationsToBuild() {
    let text = """
      these 2 derivations will be built:
        /nix/store/aaaa-x-seg-build.drv
        /nix/store/bbbb-x.drv
      these paths will be fetched (0.01 MiB download, 0.02 MiB unpacked):
        /nix/store/cccc-src
      """
    #expect(
      DryRunReport(parsingDryRunOutput: text).derivationsToBuild == [
        "/nix/store/aaaa-x-seg-build.drv", "/nix/store/bbbb-x.drv",
      ])
    #expect(DryRunReport(parsingDryRunOutput: "").derivationsToBuild == [])
  }

  @Test func shellQuoting() {
    #expect(
      ShellQuoting.commandLine(["phasesplit", "build", "-f", "my file.nix", "--arg", "x", "it's"])
        == #"phasesplit build -f 'my file.nix' --arg x 'it'\''s'"#)
  }
}
