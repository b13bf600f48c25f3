/// Where one segment (or dependency, see ``DependencyProgress``) stands during a build.
public enum SegmentStatus: Sendable, Equatable {
  /// Already valid in the store: nothing to build.
  case reused
  /// To be built, not started yet.
  case queued
  /// Building; `phase` is the current phase (nil before the first phase marker), `startedAt` the
  /// monotonic time the build started (seconds).
  case building(phase: String?, startedAt: Double)
  /// Its build activity ended; success or failure is not known yet (Nix reports a failure after
  /// the activity stops).
  case finishing(phase: String?, startedAt: Double, stoppedAt: Double)
  /// Built successfully in `seconds`.
  case built(seconds: Double)
  /// Failed in `phase` after `seconds`.
  case failed(phase: String?, seconds: Double)
  /// Not built because an earlier segment failed.
  case notBuilt
  /// Stopped while building in `phase` after `seconds`, because nix-build was killed by a signal
  /// (not a failure of the build itself).
  case interrupted(phase: String?, seconds: Double)

  /// The short word for the status, as shown in the progress display, summary and JSON.
  public var word: String {
    switch self {
    case .reused: "reused"
    case .queued: "queued"
    case .building, .finishing: "building"
    case .built: "built"
    case .failed: "failed"
    case .notBuilt: "not built"
    case .interrupted: "interrupted"
    }
  }
}
