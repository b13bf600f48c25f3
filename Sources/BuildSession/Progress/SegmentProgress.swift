/// One segment and its current status, as the progress display and summary show it.
public struct SegmentProgress: Sendable, Equatable {
  /// The segment.
  public var segment: BuiltSegment
  /// Its status.
  public var status: SegmentStatus
  /// The last lines of its build log (at most ``BuildTracker/logTailLength``).
  public var logTail: [String]

  /// Creates a progress entry.
  public init(segment: BuiltSegment, status: SegmentStatus, logTail: [String] = []) {
    self.segment = segment
    self.status = status
    self.logTail = logTail
  }

  /// The time spent building, as of `now` (0 for reused or queued segments).
  public func elapsed(now: Double) -> Double {
    switch status {
    case .reused, .queued, .notBuilt: 0
    case .building(_, let startedAt): max(0, now - startedAt)
    case .finishing(_, let startedAt, let stoppedAt): max(0, stoppedAt - startedAt)
    case .built(let seconds), .failed(_, let seconds), .interrupted(_, let seconds): seconds
    }
  }

  /// The phase the segment is in or failed in.
  public var phase: String? {
    switch status {
    case .building(let phase, _), .finishing(let phase, _, _), .failed(let phase, _),
      .interrupted(let phase, _):
      phase
    default: nil
    }
  }
}
