import Foundation

/// Calls an action every `interval` seconds on a background thread until stopped (the live
/// progress display's clock).
final class Ticker: @unchecked Sendable {
  private let condition = NSCondition()
  private var stopped = false

  init(interval: Double, action: @escaping @Sendable () -> Void) {
    let thread = Thread { [self] in
      condition.lock()
      while !stopped {
        _ = condition.wait(until: Date(timeIntervalSinceNow: interval))
        if stopped { break }
        condition.unlock()
        action()
        condition.lock()
      }
      condition.unlock()
    }
    thread.start()
  }

  /// Stops the ticking; the action does not run again after this returns.
  func stop() {
    condition.lock()
    stopped = true
    condition.signal()
    condition.unlock()
  }
}
