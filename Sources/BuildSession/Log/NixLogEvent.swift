/// One event of Nix's `--log-format internal-json` stream (a stderr line `@nix {json}`).
///
/// Only the parts phasesplit uses are modelled; everything else is `.other`. Verified against Nix 2.8:
/// a build starts with `start` type 105 (`fields: [drvPath, machine, round, nrRounds]`), its log
/// lines are `result` type 101 (`fields: [line]`), phase markers written by stdenv's `runPhase` to
/// `$NIX_LOG_FD` arrive as `result` type 104 (`fields: [phaseName]`), and it ends with `stop`.
public enum NixLogEvent: Sendable, Equatable {
  /// An activity began. `derivationPath` is set for build activities (type 105).
  case start(activity: UInt64, type: Int, text: String, derivationPath: String?)
  /// A substitution (type 108, `fields: [storePath, substituter]`) or a download (type 101,
  /// `fields: [url]`) began; `parent` is the activity it belongs to (0 for none).
  case startTransfer(activity: UInt64, kind: TransferKind, subject: String, parent: UInt64)
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

/// What a transfer activity copies.
public enum TransferKind: Sendable, Equatable {
  /// A store path from a substituter.
  case substitution
  /// A file from a URL.
  case download
}

extension NixLogEvent {
  /// Nix's activity type of a derivation build.
  public static let buildActivityType = 105
  /// Nix's activity type of a substitution.
  static let substitutionActivityType = 108
  /// Nix's activity type of a file transfer.
  static let downloadActivityType = 101
  /// Nix's result type of a build log line.
  static let logLineResultType = 101
  /// Nix's result type of a phase change.
  static let setPhaseResultType = 104
}
