import Foundation
import PhasesplitTestSupport
import Testing

/// The live progress display in a real terminal (tmux) during a cold build of the synthetic
/// chain with a dependency that is not a segment: at 50 and 200 columns, the captured screen
/// shows the dependency with its time and the segments with their phases, every line within the
/// width and the display drawn once (redrawn in place, not appended). The 50-column run sets
/// NO_COLOR, which removes colour only.
@Suite(.tags(.nix), .requiresNix, .serialized) struct LiveProgressTests {
  typealias Support = SessionTestSupport

  @Test(arguments: [50, 200])
  func coldBuildUnderTmux(columns: Int) throws {
    let salt = "lv" + Support.uniqueSalt().prefix(6)
    let tool = try #require(Support.tool)
    let socket = "phasesplit-live-\(salt)"
    let words = [
      tool, "build", "-f", Support.syntheticChain, "--argstr", "salt", salt, "--argstr", "dependency", "slow",
      "--argstr", "sleepIn", "installPhase", "--argstr", "dependencySeconds", "3", "--no-out-link",
    ]
    // The shell waits after the build so the final screen can be captured.
    let shellCommand =
      words.map { "'" + $0.replacingOccurrences(of: "'", with: "'\\''") + "'" }.joined(separator: " ")
      + "; echo BUILD-EXITED; sleep 60"
    let nixConfig = TestPackage.nixEnvironment["NIX_CONFIG"] ?? ""
    let started = try Support.run(
      [
        "tmux", "-L", socket, "new-session", "-d", "-x", "\(columns)", "-y", "30", "-e",
        "NIX_CONFIG=\(nixConfig)",
        "-e", "TERM=xterm-256color", "-e", "NO_COLOR=\(columns == 50 ? "1" : "")", shellCommand,
      ], detached: true)
    try #require(started.status == 0, "tmux new-session failed")
    defer { _ = try? Support.run(["tmux", "-L", socket, "kill-server"]) }

    // While the dependency builds: it shows, building, with its time; the segments wait.
    let duringDependency = try waitForPane(socket: socket) { lines in
      lines.contains { $0.hasPrefix("  building ") && $0.contains("demo-\(salt)-tool") }
    }
    let first = try #require(duringDependency, "the dependency never showed as building")
    try checkDrawnOnceWithinWidth(first, columns: columns, salt: String(salt))
    if columns >= 80 { #expect(first.contains { $0.hasSuffix("demo-\(salt)-tool (buildPhase)") }) }
    #expect(first.contains { $0.hasPrefix("  queued ") && $0.hasSuffix(" install") })

    // While the final segment runs its installPhase: the dependency built with its time, the
    // earlier segments built, install in its phase.
    let duringInstall = try waitForPane(socket: socket) { lines in
      lines.contains { $0.hasPrefix("  building ") && $0.hasSuffix("install: installPhase") }
    }
    let second = try #require(duringInstall, "install never showed in installPhase")
    try checkDrawnOnceWithinWidth(second, columns: columns, salt: String(salt))
    let dependency = try #require(second.first { $0.contains("demo-\(salt)-tool") })
    #expect(dependency.hasPrefix("  built "), "\(dependency)")
    #expect(
      dependency.range(of: Self.atLeastThreeSeconds, options: .regularExpression) != nil, "\(dependency)")
    for segment in ["unpack", "configure", "build"] {
      #expect(second.contains { $0.hasPrefix("  built ") && $0.hasSuffix("s  \(segment)") }, "\(second)")
    }
    // Colour (SGR) only without NO_COLOR.
    let styled = try Support.run(["tmux", "-L", socket, "capture-pane", "-p", "-e"]).standardOutput
    #expect(styled.contains("\u{1B}[") == (columns != 50), "\(styled)")
    let finished = try waitForPane(socket: socket) { lines in lines.contains("BUILD-EXITED") }
    let last = try #require(finished, "the build did not end")
    #expect(last.contains { $0.contains("dependencies (not segments): 1 built (") })
  }

  /// A duration of 3 s or more (the dependency sleeps 3 s; more on a loaded machine), then its name.
  static let atLeastThreeSeconds = #"(\b[3-9]\.\ds|\b[1-5]\d\.\ds|\b\d+m\d\ds)  demo-"#

  /// Every line fits (tmux joins wrapped lines with -J, so a wrapped line would be longer) and
  /// the frame's header appears once.
  func checkDrawnOnceWithinWidth(_ lines: [String], columns: Int, salt: String) throws {
    for line in lines { #expect(line.count < columns, "wrapped: \(line)") }
    #expect(lines.filter { $0.hasPrefix("demo-\(salt): ") }.count == 1, "\(lines.joined(separator: "\n"))")
    #expect(lines.filter { $0 == "demo-\(salt) segments" }.count == 1, "\(lines.joined(separator: "\n"))")
  }

  /// Polls the pane (lines, wrapped ones joined) until `condition` holds, up to two minutes.
  func waitForPane(socket: String, until condition: ([String]) -> Bool) throws -> [String]? {
    for _ in 0..<1200 {
      let pane = try Support.run(["tmux", "-L", socket, "capture-pane", "-p", "-J"]).standardOutput
      let lines = pane.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
      if condition(lines) { return lines }
      Thread.sleep(forTimeInterval: 0.1)
    }
    return nil
  }
}
