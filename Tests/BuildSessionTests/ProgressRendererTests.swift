import Testing

@testable import BuildSession

@Suite struct ProgressRendererTests {
  typealias Chains = TestChains

  @Test func plainPrintsOneLinePerChangeOnly() {
    var tracker = BuildTracker(chain: Chains.chain, toBuild: [Chains.install.derivationPath])
    var renderer = PlainProgressRenderer()
    let first = renderer.render(packageName: "demo-1", entries: tracker.entries)
    #expect(
      first
        == "demo-1 unpack: reused from the store\ndemo-1 build: reused from the store\ndemo-1 install: queued\n"
    )
    #expect(renderer.render(packageName: "demo-1", entries: tracker.entries) == "")
    tracker.apply(
      .start(activity: 1, type: 105, text: "", derivationPath: Chains.install.derivationPath), now: 0)
    tracker.apply(.setPhase(activity: 1, phase: "installPhase"), now: 1)
    #expect(
      renderer.render(packageName: "demo-1", entries: tracker.entries)
        == "demo-1 install: building (installPhase)\n")
    tracker.apply(.buildLogLine(activity: 1, line: "x"), now: 2)
    #expect(renderer.render(packageName: "demo-1", entries: tracker.entries) == "")
    tracker.apply(.stop(activity: 1), now: 3)
    tracker.finish(now: 3)
    #expect(
      renderer.render(packageName: "demo-1", entries: tracker.entries) == "demo-1 install: built in 3.0s\n")
  }

  @Test func plainHasNoEscapes() {
    var renderer = PlainProgressRenderer()
    let tracker = BuildTracker(chain: Chains.chain, toBuild: [])
    #expect(!renderer.render(packageName: "demo-1", entries: tracker.entries).contains("\u{1B}"))
  }

  @Test func liveRedrawsInPlace() {
    var tracker = BuildTracker(chain: Chains.chain, toBuild: [Chains.install.derivationPath])
    var renderer = LiveProgressRenderer()
    let first = renderer.render(packageName: "demo-1", entries: tracker.entries, now: 0)
    #expect(!first.contains("\u{1B}[3A"))
    #expect(first.components(separatedBy: "\n").count == 4)
    tracker.apply(
      .start(activity: 1, type: 105, text: "", derivationPath: Chains.install.derivationPath), now: 100)
    tracker.apply(.setPhase(activity: 1, phase: "fixupPhase"), now: 101)
    let second = renderer.render(packageName: "demo-1", entries: tracker.entries, now: 165)
    #expect(second.hasPrefix("\r\u{1B}[3A"))
    #expect(second.components(separatedBy: "\u{1B}[2K").count == 4)
    #expect(second.contains("demo-1 install: building (fixupPhase, 1m05s)"))
  }

  @Test func modeFollowsTerminalAndEnvironment() {
    #expect(ProgressDisplayMode.choose(isTerminal: true, environment: ["TERM": "xterm-256color"]) == .live)
    #expect(ProgressDisplayMode.choose(isTerminal: false, environment: ["TERM": "xterm-256color"]) == .plain)
    #expect(ProgressDisplayMode.choose(isTerminal: true, environment: ["TERM": "dumb"]) == .plain)
    #expect(ProgressDisplayMode.choose(isTerminal: true, environment: [:]) == .plain)
    #expect(
      ProgressDisplayMode.choose(isTerminal: true, environment: ["TERM": "xterm", "NO_COLOR": ""]) == .plain)
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
