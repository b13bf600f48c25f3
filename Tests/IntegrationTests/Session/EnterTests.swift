import Foundation
import PhasesplitTestSupport
import Testing

/// `phasesplit build` failing for real and `phasesplit enter` on the fixtures' failing and fixed
/// install packages: real sandboxed builds with the release tool (static runtime).
@Suite(
  .tags(.nix), .requiresNix,
  .enabled(
    if: SessionTestSupport.toolRunsInSandbox && SessionTestSupport.fixturesHave("failingInstallFixed"),
    "needs a release phasesplit with the archive commands and the failingInstall fixtures"),
  .serialized)
struct EnterTests {
  typealias Support = SessionTestSupport

  /// The fixture package arguments, with a name suffix of this test's own (fresh store paths).
  static func package(_ attribute: String, suffix: String) -> [String] {
    ["-f", Support.fixtures, "-A", attribute, "--argstr", "nameSuffix", suffix]
  }

  static func suffix() -> String { "enter" + Support.uniqueSalt().prefix(8) }

  @Test func failingInstallReportsTheFinalSegmentAndHowToEnter() throws {
    let suffix = Self.suffix()
    let result = try Support.phasesplit(
      ["build"] + Self.package("failingInstall", suffix: suffix) + ["--no-out-link"])
    #expect(result.status != 0)
    #expect(
      result.standardOutput.contains("segment install of failing-install\(suffix)-1.0 failed in installPhase")
    )
    #expect(result.standardOutput.contains("phasesplit enter -f \(Support.fixtures) -A failingInstall"))
    #expect(result.standardOutput.contains("--segment build"))
    #expect(result.standardOutput.contains("phasesplit build -f \(Support.fixtures) -A failingInstall"))

    // Without --segment/--phase, enter opens the state before the segment that is not built.
    let entered = try Support.phasesplit(
      ["enter"] + Self.package("failingInstall", suffix: suffix) + [
        "--command", "echo \"next=$curPhase\"; pwd",
      ])
    #expect(entered.status == 0, "\(entered.standardError)")
    #expect(entered.standardOutput.contains("next=installPhase"))
    #expect(entered.standardOutput.contains("/build/"))
  }

  @Test func fixedChainInstallsInTheEnteredStateWithoutCompiling() throws {
    let suffix = Self.suffix()
    try buildEarlierSegmentsByFailing(suffix: suffix)
    let command = "runPhase installPhase && ls \"$out/bin\" && echo \"out=$out\""
    let entered = try Support.phasesplit(
      ["enter"] + Self.package("failingInstallFixed", suffix: suffix) + [
        "--phase", "installPhase", "--command", command,
      ])
    #expect(entered.status == 0, "\(entered.standardOutput)\n\(entered.standardError)")
    #expect(entered.standardOutput.contains("plain-greet\n"))
    #expect(
      !(entered.standardOutput + entered.standardError).contains("@nix"), "no Nix log markers in the shell")
    #expect(
      !(entered.standardOutput + entered.standardError).contains(" -c -o main.o"),
      "installPhase must not recompile")
    #expect(
      !(entered.standardOutput + entered.standardError).contains(" -c -o greet.o"),
      "installPhase must not recompile")
    let failing = try Support.phasesplit(
      ["enter"] + Self.package("failingInstallFixed", suffix: suffix) + [
        "--segment", "build", "--command", "exit 7",
      ])
    #expect(failing.status == 7)
  }

  @Test func enterSaysWhatItBuildsAndWhenThereIsNothingToEnter() throws {
    let suffix = Self.suffix()
    let nothing = try Support.phasesplit(["enter"] + Self.package("failingInstallFixed", suffix: suffix))
    #expect(nothing.status != 0)
    #expect(nothing.standardError.contains("no segment of failing-install\(suffix)-1.0 is built yet"))
    let final = try Support.phasesplit(
      ["enter"] + Self.package("failingInstallFixed", suffix: suffix) + ["--segment", "install"])
    #expect(final.status != 0)
    #expect(final.standardError.contains("--phase installPhase"), "\(final.standardError)")
    let entered = try Support.phasesplit(
      ["enter"] + Self.package("failingInstallFixed", suffix: suffix) + [
        "--segment", "unpack", "--command", "echo next=$curPhase",
      ])
    #expect(entered.status == 0, "\(entered.standardError)")
    #expect(entered.standardOutput.contains("next=configurePhase"))
    #expect(
      entered.standardError.contains(
        "phasesplit: building segment unpack of failing-install\(suffix)-1.0 first"),
      "\(entered.standardError)")
  }

  @Test func structuredAttributesReachTheEnteredShell() throws {
    let suffix = Self.suffix()
    let built = try Support.phasesplit(
      ["build"] + Self.package("structuredAttrs", suffix: suffix) + ["--no-out-link"])
    try #require(built.status == 0, "\(built.standardOutput)\n\(built.standardError)")
    let command = [
      "echo \"flags=${#makeFlags[@]}:${makeFlags[1]}\"",
      "echo \"audience=${greeterSettings[audience]}\"",
      "echo \"next=$curPhase\"", "pwd", "echo \"installPhase is a $(type -t installPhase)\"",
      "runPhase installPhase", "cat \"$out/share/doc/plain-greet/greetings.txt\"",
    ].joined(separator: "; ")
    let entered = try Support.phasesplit(
      ["enter"] + Self.package("structuredAttrs", suffix: suffix) + [
        "--phase", "installPhase", "--command", "set -e; " + command,
      ])
    #expect(entered.status == 0, "\(entered.standardOutput)\n\(entered.standardError)")
    let lines = entered.standardOutput.split(separator: "\n").map(String.init)
    #expect(lines.contains("flags=2:GREETING=Good day"))
    #expect(lines.contains("audience=structured world"))
    #expect(lines.contains("next=installPhase"))
    #expect(lines.contains { $0.hasPrefix("/build/") })
    #expect(lines.contains("installPhase is a function"))
    #expect(lines.filter { $0.contains("structured world") && !$0.hasPrefix("audience=") }.count == 2)
    #expect(
      !(entered.standardOutput + entered.standardError).contains(" -c -o "), "installPhase must not recompile"
    )
  }

  @Test func interactiveShellUnderTmux() throws {
    let suffix = Self.suffix()
    try buildEarlierSegmentsByFailing(suffix: suffix)
    let tool = try #require(Support.tool)
    let socket = "phasesplit-enter-\(suffix)"
    let words =
      [tool, "enter"] + Self.package("failingInstallFixed", suffix: suffix) + ["--segment", "build"]
    let shellCommand = words.map { "'" + $0.replacingOccurrences(of: "'", with: "'\\''") + "'" }.joined(
      separator: " ")
    let nixConfig = TestPackage.nixEnvironment["NIX_CONFIG"] ?? ""
    let started = try Support.run(
      [
        "tmux", "-L", socket, "new-session", "-d", "-x", "200", "-y", "60", "-e", "NIX_CONFIG=\(nixConfig)",
        "-e", "TERM=xterm", shellCommand,
      ], detached: true)
    try #require(started.status == 0, "tmux new-session failed")
    defer { _ = try? Support.run(["tmux", "-L", socket, "kill-server"]) }

    let prompt = "[phasesplit failing-install\(suffix)-1.0 @build] $"
    try #require(try waitForPane(socket: socket, toContain: prompt), "the prompt never appeared")
    _ = try Support.run([
      "tmux", "-L", socket, "send-keys", "echo cur=$curPhase; pwd; type installPhase", "Enter",
    ])
    try #require(try waitForPane(socket: socket, toContain: "installPhase is a function"))
    let pane = try capturePane(socket: socket)
    #expect(pane.contains("cur=installPhase"))
    #expect(pane.contains("next phases: installPhase"), "\(pane)")
    #expect(!pane.contains("phasesplitRelocatePhase"), "phasesplit's own phase stays out of the banner")
    #expect(pane.split(separator: "\n").contains { $0.hasPrefix("/build/") })
    _ = try Support.run(["tmux", "-L", socket, "send-keys", "exit", "Enter"])
    #expect(try waitForSessionEnd(socket: socket), "the shell did not exit")
  }

  /// Polls until the tmux session is gone (the shell exited and enter cleaned up), up to a minute.
  func waitForSessionEnd(socket: String) throws -> Bool {
    for _ in 0..<300 {
      if try Support.run(["tmux", "-L", socket, "has-session"]).status != 0 { return true }
      Thread.sleep(forTimeInterval: 0.2)
    }
    return false
  }

  /// Builds the segments before `install`: the failing package fails in its final segment, and
  /// the fixed package shares every earlier segment with it (they differ only in preInstall).
  func buildEarlierSegmentsByFailing(suffix: String) throws {
    let failed = try Support.phasesplit(
      ["build"] + Self.package("failingInstall", suffix: suffix) + ["--no-out-link"])
    try #require(
      failed.standardOutput.contains("failed in installPhase"),
      "\(failed.standardOutput)\n\(failed.standardError)")
  }

  func capturePane(socket: String) throws -> String {
    try Support.run(["tmux", "-L", socket, "capture-pane", "-p", "-J", "-S", "-200"]).standardOutput
  }

  /// Polls the pane until it contains `text` (up to two minutes: the shell first realises and
  /// unpacks the segment archive).
  func waitForPane(socket: String, toContain text: String) throws -> Bool {
    for _ in 0..<600 {
      if try capturePane(socket: socket).contains(text) { return true }
      Thread.sleep(forTimeInterval: 0.2)
    }
    return false
  }
}
