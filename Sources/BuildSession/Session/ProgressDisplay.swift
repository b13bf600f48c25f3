import Foundation

/// Feeds Nix's log stream to a ``BuildTracker`` and draws progress on stderr; thread-safe (the log
/// arrives on the reading thread, the live display's clock ticks on another).
final class ProgressDisplay: @unchecked Sendable {
  private let lock = NSLock()
  private var tracker: BuildTracker
  private let packageName: String
  private let mode: ProgressDisplayMode
  private var plain = PlainProgressRenderer()
  private var live = LiveProgressRenderer()
  private var errors: [String] = []
  private let write: @Sendable (String) -> Void

  init(
    tracker: BuildTracker, packageName: String, mode: ProgressDisplayMode,
    write: @escaping @Sendable (String) -> Void
  ) {
    self.tracker = tracker
    self.packageName = packageName
    self.mode = mode
    self.write = write
  }

  /// The monotonic clock in seconds.
  static func now() -> Double { ProcessInfo.processInfo.systemUptime }

  /// Handles one stderr line of `nix-build`.
  func receive(_ line: Substring) {
    lock.lock()
    defer { lock.unlock() }
    guard let event = NixLogLineParser.parse(line) else {
      if mode != .quiet, !line.isEmpty { write(String(line) + "\n") }
      return
    }
    if case .message(let level, let text) = event, level == 0 {
      errors.append(text.hasPrefix("error: ") ? String(text.dropFirst(7)) : text)
    }
    if tracker.apply(event, now: Self.now()) { drawLocked() }
  }

  /// Redraws the live display (its elapsed times).
  func tick() {
    lock.lock()
    defer { lock.unlock() }
    if mode == .live { drawLocked() }
  }

  /// Draws the initial state.
  func start() {
    lock.lock()
    defer { lock.unlock() }
    drawLocked()
  }

  /// Ends tracking and draws the final state; returns the tracker and Nix's error messages.
  func finish(isValid: (Segment) -> Bool) -> (BuildTracker, [String]) {
    lock.lock()
    defer { lock.unlock() }
    tracker.finish(now: Self.now(), isValid: isValid)
    drawLocked()
    return (tracker, errors)
  }

  private func drawLocked() {
    switch mode {
    case .quiet:
      return
    case .plain:
      let text = plain.render(packageName: packageName, entries: tracker.entries)
      if !text.isEmpty { write(text) }
    case .live:
      write(live.render(packageName: packageName, entries: tracker.entries, now: Self.now()))
    }
  }
}
