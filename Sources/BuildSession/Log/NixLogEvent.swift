/// One event of Nix's `--log-format internal-json` stream (a stderr line `@nix {json}`).
///
/// Only the parts phasesplit uses are modelled; everything else is `.other`. Verified against Nix 2.8:
/// a build starts with `start` type 105 (`fields: [drvPath, machine, round, nrRounds]`), its log
/// lines are `result` type 101 (`fields: [line]`), phase markers written by stdenv's `runPhase` to
/// `$NIX_LOG_FD` arrive as `result` type 104 (`fields: [phaseName]`), and it ends with `stop`.
public enum NixLogEvent: Sendable, Equatable {
  /// An activity began. `derivationPath` is set for build activities (type 105).
  case start(activity: UInt64, type: Int, text: String, derivationPath: String?)
  /// An activity ended (successfully or not: failures are reported by a later `msg`).
  case stop(activity: UInt64)
  /// A build printed a log line.
  case buildLogLine(activity: UInt64, line: String)
  /// A build entered a phase (the stdenv's `setPhase` marker).
  case setPhase(activity: UInt64, phase: String)
  /// A message for the user, e.g. `error: builder for '…drv' failed with exit code 1`. `text` has
  /// ANSI escapes removed.
  case message(level: Int, text: String)
  /// Any other event (progress counters, queries, …).
  case other
}

extension NixLogEvent {
  /// Nix's activity type of a derivation build.
  public static let buildActivityType = 105
  /// Nix's result type of a build log line.
  static let logLineResultType = 101
  /// Nix's result type of a phase change.
  static let setPhaseResultType = 104
}
