import Testing

@testable import BuildSession

@Suite struct ProgressRendererTests {
  typealias Chains = TestChains
  static let tool =
    "/nix/store/" + String(repeating: "z", count: 32) + "-demo-tool-with-a-rather-long-name-1.0.drv"

  @Test func plainPrintsOneTimestampedLinePerChangeOnly() {
    var tracker = BuildTracker(chain: Chains.chain, toBuild: [Chains.install.derivationPath, Self.tool])
    var renderer = PlainProgressRenderer()
    let first = renderer.render(packageName: "demo-1", tracker: tracker, now: 0, started: 0)
    #expect(
      first
        == "[  0.0s] demo-1 unpack: reused from the store\n[  0.0s] demo-1 build: reused from the store\n"
        + "[  0.0s] demo-1 install: queued\n")
    #expect(renderer.render(packageName: "demo-1", tracker: tracker, now: 1, started: 0) == "")
    tracker.apply(.start(activity: 2, type: 105, text: "", derivationPath: Self.tool), now: 1)
    tracker.apply(.stop(activity: 2), now: 3)
    tracker.apply(
      .start(activity: 1, type: 105, text: "", derivationPath: Chains.install.derivationPath), now: 4)
    tracker.apply(.setPhase(activity: 1, phase: "installPhase"), now: 4)
    #expect(
      renderer.render(packageName: "demo-1", tracker: tracker, now: 4, started: 0)
        == "[  4.0s] demo-tool-with-a-rather-long-name-1.0: built in 2.0s\n"
        + "[  4.0s] demo-1 install: building (installPhase)\n")
    tracker.apply(.buildLogLine(activity: 1, line: "x"), now: 5)
    #expect(renderer.render(packageName: "demo-1", tracker: tracker, now: 5, started: 0) == "")
    // A long phase: a heartbeat after 30 s without output, then again 30 s later.
    #expect(renderer.render(packageName: "demo-1", tracker: tracker, now: 33.9, started: 0) == "")
    #expect(
      renderer.render(packageName: "demo-1", tracker: tracker, now: 34, started: 0)
        == "[ 34.0s] still building: demo-1 install (installPhase, 30.0s)\n")
    #expect(renderer.render(packageName: "demo-1", tracker: tracker, now: 50, started: 0) == "")
    tracker.apply(.stop(activity: 1), now: 70)
    tracker.finish(now: 70)
    #expect(
      renderer.render(packageName: "demo-1", tracker: tracker, now: 70, started: 0)
        == "[ 1m10s] demo-1 install: built in 1m06s\n")
  }

  @Test func frameShowsDependenciesAndSegmentsWithPhases() {
    var tracker = BuildTracker(chain: Chains.chain, toBuild: [Chains.install.derivationPath, Self.tool])
    tracker.apply(.start(activity: 2, type: 105, text: "", derivationPath: Self.tool), now: 1)
    tracker.apply(.stop(activity: 2), now: 3.1)
    tracker.apply(
      .start(activity: 1, type: 105, text: "", derivationPath: Chains.install.derivationPath), now: 4)
    tracker.apply(.setPhase(activity: 1, phase: "installPhase"), now: 4)
    let frame = ProgressFrame(
      packageName: "demo-1", tracker: tracker, now: 5.5, started: 0,
      size: TerminalSize(columns: 200, rows: 40))
    #expect(
      frame.lines.map(\.text) == [
        "demo-1: 1/2 done, 1 running, 5.5s",
        "dependencies",
        "  built          2.1s  demo-tool-with-a-rather-long-name-1.0",
        "demo-1 segments",
        "  reused               unpack",
        "  reused               build",
        "  building       1.5s  install: installPhase",
      ])
  }

  @Test(arguments: [20, 30, 50, 60])
  func frameLinesNeverReachTheLastColumn(columns: Int) {
    var tracker = BuildTracker(chain: Chains.chain, toBuild: [Chains.install.derivationPath, Self.tool])
    tracker.apply(.start(activity: 2, type: 105, text: "", derivationPath: Self.tool), now: 1)
    tracker.apply(.setPhase(activity: 2, phase: "configurePhase"), now: 1)
    let frame = ProgressFrame(
      packageName: "demo-1", tracker: tracker, now: 2, started: 0,
      size: TerminalSize(columns: columns, rows: 24))
    #expect(frame.lines.allSatisfy { $0.text.count <= max(10, columns - 1) })
    #expect(frame.lines.contains { $0.text.hasSuffix("…") })
  }

  @Test func manyDependenciesFitTheScreen() {
    let paths = (0..<40).map { "/nix/store/\(String(repeating: "q", count: 32))-dep\($0).drv" }
    var tracker = BuildTracker(chain: Chains.chain, toBuild: Set(paths))
    tracker.apply(.start(activity: 1, type: 105, text: "", derivationPath: paths[17]), now: 0)
    let frame = ProgressFrame(
      packageName: "demo-1", tracker: tracker, now: 1, started: 0, size: TerminalSize(columns: 80, rows: 12))
    #expect(frame.lines.count <= 12)
    #expect(frame.lines.contains { $0.text.hasSuffix("dep17") && $0.text.contains("building") })
    #expect(frame.lines.contains { $0.text.contains("more: ") && $0.text.contains("queued") })
  }

  @Test func frameNeverExceedsTheScreen() {
    let tracker = BuildTracker(chain: Chains.chain, toBuild: [Self.tool])
    let frame = ProgressFrame(
      packageName: "demo-1", tracker: tracker, now: 1, started: 0, size: TerminalSize(columns: 80, rows: 6))
    #expect(frame.lines.count == 5)
    #expect(frame.lines.last?.text == "  … 3 more lines (the terminal is too short)")
  }

  @Test func liveRedrawsInPlaceWithOrWithoutColour() {
    var tracker = BuildTracker(chain: Chains.chain, toBuild: [Chains.install.derivationPath])
    let size = TerminalSize(columns: 80, rows: 24)
    var renderer = LiveProgressRenderer(colour: false)
    let first = renderer.render(
      ProgressFrame(packageName: "demo-1", tracker: tracker, now: 0, started: 0, size: size))
    #expect(!first.contains("\u{1B}"))
    #expect(first.components(separatedBy: "\n").count == 6)
    tracker.apply(
      .start(activity: 1, type: 105, text: "", derivationPath: Chains.install.derivationPath), now: 100)
    tracker.apply(.setPhase(activity: 1, phase: "fixupPhase"), now: 101)
    let second = renderer.render(
      ProgressFrame(packageName: "demo-1", tracker: tracker, now: 165, started: 0, size: size))
    #expect(second.hasPrefix("\r\u{1B}[5A\u{1B}[J"))
    #expect(second.contains("  building      1m05s  install: fixupPhase\n"))
    #expect(second.filter { $0 == "\u{1B}" }.count == 2, "no colour")
    var coloured = LiveProgressRenderer(colour: true)
    let text = coloured.render(
      ProgressFrame(packageName: "demo-1", tracker: tracker, now: 165, started: 0, size: size))
    #expect(text.contains("\u{1B}[") && text.contains("install: fixupPhase"))
  }

  @Test func modeFollowsTerminalAndEnvironment() {
    #expect(
      ProgressDisplayMode.choose(isTerminal: true, environment: ["TERM": "xterm-256color"])
        == .live(colour: true))
    #expect(ProgressDisplayMode.choose(isTerminal: false, environment: ["TERM": "xterm-256color"]) == .plain)
    #expect(ProgressDisplayMode.choose(isTerminal: true, environment: ["TERM": "dumb"]) == .plain)
    #expect(ProgressDisplayMode.choose(isTerminal: true, environment: [:]) == .plain)
    // no-color.org: NO_COLOR (non-empty) removes colour, not the live display.
    #expect(
      ProgressDisplayMode.choose(isTerminal: true, environment: ["TERM": "xterm", "NO_COLOR": "1"])
        == .live(colour: false))
  }

  @Test(arguments: [(0.04, "0.0s"), (12.34, "12.3s"), (59.96, "60.0s"), (65, "1m05s"), (3725, "1h02m")])
  func durations(seconds: Double, text: String) {
    #expect(DurationText.format(seconds) == text)
  }

  @Test func byteCounts() {
    #expect(ByteCountText.format(512) == "512 B")
    #expect(ByteCountText.format(1536) == "1.5 KiB")
    #expect(ByteCountText.format(5 * 1024 * 1024) == "5.0 MiB")
  }
}

/// The display as `build` drives it: `-L` log lines above the live frame.
@Suite struct ProgressDisplayTests {
  final class Output: @unchecked Sendable {
    var text = ""
  }

  @Test func buildLogLinesGoAboveTheLiveFrame() {
    let output = Output()
    let display = ProgressDisplay(
      tracker: BuildTracker(chain: TestChains.chain, toBuild: [TestChains.install.derivationPath]),
      packageName: "demo-1", mode: .live(colour: false), printBuildLogs: true,
      terminalSize: { TerminalSize(columns: 80, rows: 24) }, write: { output.text += $0 })
    display.start()
    let start =
      #"@nix {"action":"start","id":7,"type":105,"text":"","fields":["\#(TestChains.install.derivationPath)","",1,1]}"#
    display.receive(start[...])
    output.text = ""
    display.receive(#"@nix {"action":"result","id":7,"type":101,"fields":["make install"]}"#[...])
    // The frame is erased, the line printed, the frame drawn again below it.
    #expect(
      output.text.hasPrefix("\r\u{1B}[5A\u{1B}[Jdemo-1 install> make install\ndemo-1: "), "\(output.text)")
    #expect(output.text.hasSuffix("install\n"))
  }
}
