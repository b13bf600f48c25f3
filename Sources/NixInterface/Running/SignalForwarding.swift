import Basics

/// While a child process runs, SIGTERM, SIGINT and SIGHUP sent to phasesplit are passed on to it
/// instead of ending phasesplit, so phasesplit waits for the child (which stops its build and
/// exits) and then reports the failure.
///
/// One child at a time: a second `begin` while one is active replaces the target.
enum SignalForwarding {
  static let forwardedSignals: [Int32] = [SIGTERM, SIGINT, SIGHUP]

  /// The process the handler signals; 0 when none. Written only outside the handler, read by it
  /// (a plain `pid_t` load, as a C program would do).
  nonisolated(unsafe) private static var target: pid_t = 0
  nonisolated(unsafe) private static var previousActions: [Int32: sigaction] = [:]

  /// Forwards the signals to `process` until `end()`.
  static func begin(forwarding process: pid_t) {
    target = process
    for signal in forwardedSignals {
      var action = sigaction()
      action.__sigaction_handler.sa_handler = { received in
        let process = SignalForwarding.target
        if process > 0 { kill(process, received) }
      }
      sigemptyset(&action.sa_mask)
      action.sa_flags = SA_RESTART
      var previous = sigaction()
      sigaction(signal, &action, &previous)
      if previousActions[signal] == nil { previousActions[signal] = previous }
    }
  }

  /// Restores the signal dispositions from before `begin`.
  static func end() {
    for (signal, previous) in previousActions {
      var action = previous
      sigaction(signal, &action, nil)
    }
    previousActions = [:]
    target = 0
  }
}
