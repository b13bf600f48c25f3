import Foundation

/// Feeds Nix's log stream to a ``BuildTracker`` and draws progress on stderr; thread-safe (the log
/// arrives on the reading thread, the display's clock ticks on another).
final class ProgressDisplay: @unchecked Sendable {
  private let lock = NSLock()
  private var tracker: BuildTracker
  private let packageName: String
  private let mode: ProgressDisplayMode
  private let printBuildLogs: Bool
  private let terminalSize: @Sendable () -> TerminalSize
  private var plain = PlainProgressRenderer()
  private var live: LiveProgressRenderer
  private var errors: [String] = []
  private let started: Double
  private let write: @Sendable (String) -> Void

  init(
    tracker: BuildTracker, packageName: String, mode: ProgressDisplayMode, printBuildLogs: Bool,
    terminalSize: @escaping @Sendable () -> TerminalSize, write: @escaping @Sendable (String) -> Void
  ) {
    self.tracker = tracker
    self.packageName = packageName
    self.mode = mode
    self.printBuildLogs = printBuildLogs
    self.terminalSize = terminalSize
    self.write = write
    if case .live(let colour) = mode {
      live = LiveProgressRenderer(colour: colour)
    } else {
      live = LiveProgressRenderer(colour: false)
    }
    started = Self.now()
  }

  /// The monotonic clock in seconds.
  static func now() -> Double { ProcessInfo.processInfo.systemUptime }

  /// Handles one stderr line of `nix-build`.
  func receive(_ line: Substring) {
    lock.lock()
    defer { lock.unlock() }
    guard let event = NixLogLineParser.parse(line) else {
      if mode != .quiet, !line.isEmpty { writeAbove(String(line) + "\n") }
      return
    }
    if case .message(let level, let text) = event, level == 0 {
      errors.append(text.hasPrefix("error: ") ? String(text.dropFirst(7)) : text)
    }
    if printBuildLogs, mode != .quiet, case .buildLogLine(let activity, let text) = event {
      writeAbove("\(tracker.label(ofActivity: activity) ?? "nix")> \(text)\n")
    }
    if tracker.apply(event, now: Self.now()) { drawLocked() }
  }

  /// Redraws the live display (its elapsed times), or prints plain mode's heartbeat when due.
  func tick() {
    lock.lock()
    defer { lock.unlock() }
    drawLocked()
  }

  /// Draws the initial state.
  func start() {
    lock.lock()
    defer { lock.unlock() }
    drawLocked()
  }

  /// Nix's error messages so far.
  var errorMessages: [String] {
    lock.lock()
    defer { lock.unlock() }
    return errors
  }

  /// Ends tracking and draws the final state; returns the tracker and Nix's error messages.
  /// `interrupted`: nix-build was killed by a signal.
  func finish(interrupted: Bool, isValid: (BuiltSegment) -> Bool) -> (BuildTracker, [String]) {
    lock.lock()
    defer { lock.unlock() }
    tracker.finish(now: Self.now(), interrupted: interrupted, isValid: isValid)
    drawLocked()
    return (tracker, errors)
  }

  /// Writes `text` (whole lines) where the live frame is, then draws the frame below it.
  private func writeAbove(_ text: String) {
    guard case .live = mode else {
      write(text)
      return
    }
    write(live.erase() + text)
    drawLocked()
  }

  private func drawLocked() {
    let now = Self.now()
    switch mode {
    case .quiet:
      return
    case .plain:
      let text = plain.render(packageName: packageName, tracker: tracker, now: now, started: started)
      if !text.isEmpty { write(text) }
    case .live:
      write(
        live.render(
          ProgressFrame(
            packageName: packageName, tracker: tracker, now: now, started: started, size: terminalSize())))
    }
  }
}
