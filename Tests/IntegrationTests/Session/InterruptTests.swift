import Basics
import Foundation
import PhasesplitTestSupport
import Testing

/// `phasesplit build` and signals (issue 12): SIGTERM mid-configure is forwarded to nix-build and
/// waited for, so nothing of the build outlives phasesplit; the rerun resumes and gives the
/// unsplit outputs. Real sandboxed builds with the release tool.
@Suite(
  .tags(.nix), .requiresNix,
  .enabled(
    if: SessionTestSupport.toolRunsInSandbox,
    "needs a release phasesplit (static runtime) with the archive commands"),
  .timeLimit(.minutes(10)))
struct InterruptTests {
  typealias Support = SessionTestSupport

  /// Process ids whose command line or environment mentions `marker` (nix-build's arguments name
  /// the package's .drv; builders have the package name in their environment).
  private func processes(mentioning marker: String) -> [pid_t] {
    let own = getpid()
    let names = (try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? []
    return names.compactMap { pid_t($0) }.filter { pid in
      guard pid != own else { return false }
      return ["cmdline", "environ"].contains { file in
        guard let data = FileManager.default.contents(atPath: "/proc/\(pid)/\(file)") else { return false }
        return String(decoding: data, as: UTF8.self).contains(marker)
      }
    }
  }

  /// Starts `arguments` with no signal blocked, standard output and error to `log`.
  private func spawn(_ arguments: [String], log: String) throws -> pid_t {
    try Support.spawn(
      arguments, environment: ProcessInfo.processInfo.environment.merging(TestPackage.nixEnvironment) { $1 },
      standardOutput: log,
      standardError: nil)
  }

  @Test(
    "SIGTERM (forwarded) or SIGKILL (seen by the guard) mid-configure: nothing remains within 5 s; the rerun matches unsplit",
    arguments: [SIGTERM, SIGKILL])
  func signalMidConfigure(sent: Int32) throws {
    let tool = try #require(Support.tool)
    let marker = "sigterm" + Support.uniqueSalt().prefix(8)
    let directory = try Support.temporaryDirectory()
    defer { try? FileManager.default.removeItem(atPath: directory) }
    // plainMake whose configure takes a while, under a name no other build uses.
    let expression = directory + "/package.nix"
    try """
    { }:
    (import \(Support.fixtures) { nameSuffix = "-\(marker)"; }).plainMake.overrideAttrs (_: {
      preConfigure = "sleep 6";
    })
    """.write(toFile: expression, atomically: true, encoding: .utf8)
    let log = directory + "/build.log"
    let build = try spawn([tool, "build", "-f", expression, "--no-out-link"], log: log)
    var status: Int32 = 0
    var configuring = false
    for _ in 0..<600 where !configuring {
      usleep(200_000)
      configuring = ((try? String(contentsOfFile: log, encoding: .utf8)) ?? "").contains(
        "configure: building (configurePhase)")
      if waitpid(build, &status, WNOHANG) == build { break }
    }
    try #require(
      configuring,
      "the build never reached configure: \((try? String(contentsOfFile: log, encoding: .utf8)) ?? "")")
    usleep(500_000)
    #expect(!processes(mentioning: marker).isEmpty, "nix-build and the builder run before the signal")
    let signalled = Date()
    kill(build, sent)
    var remaining = processes(mentioning: marker)
    var reaped: pid_t = 0
    while !remaining.isEmpty && Date().timeIntervalSince(signalled) < 5 {
      usleep(100_000)
      if reaped == 0 { reaped = waitpid(build, &status, WNOHANG) }
      remaining = processes(mentioning: marker)
    }
    #expect(remaining.isEmpty, "still running 5 s after signal \(sent): \(remaining)")
    // phasesplit itself then reports and exits (not bound to the 5 s: it registers GC roots).
    if reaped == 0 { reaped = waitpid(build, &status, WNOHANG) }
    for _ in 0..<600 where reaped == 0 {
      usleep(100_000)
      reaped = waitpid(build, &status, WNOHANG)
    }
    #expect(reaped == build, "phasesplit did not exit within a minute of signal \(sent)")
    if sent == SIGTERM { #expect(status != 0, "an interrupted build exits non-zero") }
    if sent == SIGTERM {
      // phasesplit waited for nix-build and reports the stopped segment.
      let text = (try? String(contentsOfFile: log, encoding: .utf8)) ?? ""
      #expect(text.contains("configure: interrupted in configurePhase"), "\(text)")
    }

    // The rerun reuses unpack and builds the rest.
    let rerun = try Support.phasesplit(["build", "-f", expression, "--no-out-link", "--json"])
    try #require(rerun.status == 0, "\(rerun.standardError)")
    let report = try Support.buildReport(rerun)
    #expect(report.success)
    #expect(report.segments.first?.status == "reused")
    #expect(report.segments.first { $0.segment == "configure" }?.status == "built")

    let unsplit = try Support.run(["nix-build", expression, "--no-out-link"])
    try #require(unsplit.status == 0, "\(unsplit.standardError)")
    let unsplitPath = try #require(unsplit.standardOutput.split(separator: "\n").last.map(String.init))
    let harness = try NixHarness.make()
    defer { harness.cleanUp() }
    let differences = try OutputComparison.differences(
      split: report.outputs, unsplit: ["out": unsplitPath], harness: harness)
    #expect(differences.isEmpty, "\(differences)")
  }
}
