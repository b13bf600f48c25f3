/// Follows a `nix-build --log-format internal-json` stream and keeps each segment's status.
///
/// Pure state: the caller feeds events with the time they arrived, so the tracker is deterministic
/// and testable without running Nix. Build activities are matched to segments by `.drv` path;
/// failures by the `builder for '….drv' failed` message Nix prints after the activity stops.
public struct BuildTracker: Sendable {
  /// How many log lines are kept per segment.
  public static let logTailLength = 20

  /// The segments and their statuses, in build order.
  public private(set) var entries: [SegmentProgress]
  private var activityToEntry: [UInt64: Int] = [:]
  private var entryByDerivation: [String: Int] = [:]

  /// Starts tracking `chain`; segments whose `.drv` is in `toBuild` are queued, the others reused.
  public init(chain: SegmentChain, toBuild: Set<String>) {
    entries = chain.segments.map {
      SegmentProgress(segment: $0, status: toBuild.contains($0.derivationPath) ? .queued : .reused)
    }
    for (index, segment) in chain.segments.enumerated() {
      entryByDerivation[segment.derivationPath] = index
    }
  }

  /// Applies one event received at monotonic time `now`.
  /// - Returns: whether a segment's status (or phase) changed.
  @discardableResult
  public mutating func apply(_ event: NixLogEvent, now: Double) -> Bool {
    switch event {
    case .start(let activity, let type, _, let path):
      guard type == NixLogEvent.buildActivityType, let path, let index = entryByDerivation[path] else {
        return false
      }
      activityToEntry[activity] = index
      _ = settleFinishing()
      entries[index].status = .building(phase: nil, startedAt: now)
      entries[index].logTail = []
      return true
    case .setPhase(let activity, let phase):
      guard let index = activityToEntry[activity], case .building(_, let startedAt) = entries[index].status
      else { return false }
      entries[index].status = .building(phase: phase, startedAt: startedAt)
      return true
    case .buildLogLine(let activity, let line):
      guard let index = activityToEntry[activity] else { return false }
      entries[index].logTail.append(line)
      if entries[index].logTail.count > Self.logTailLength {
        entries[index].logTail.removeFirst(entries[index].logTail.count - Self.logTailLength)
      }
      return false
    case .stop(let activity):
      guard let index = activityToEntry.removeValue(forKey: activity),
        case .building(let phase, let startedAt) = entries[index].status
      else { return false }
      entries[index].status = .finishing(phase: phase, startedAt: startedAt, stoppedAt: now)
      return false
    case .message(_, let text):
      guard let path = Self.failedDerivation(in: text), let index = entryByDerivation[path] else {
        return false
      }
      switch entries[index].status {
      case .building(let phase, let startedAt):
        entries[index].status = .failed(phase: phase, seconds: max(0, now - startedAt))
      case .finishing(let phase, let startedAt, let stoppedAt):
        entries[index].status = .failed(phase: phase, seconds: max(0, stoppedAt - startedAt))
      default:
        return false
      }
      return true
    case .other:
      return false
    }
  }

  /// Ends tracking after Nix exited: segments whose activity stopped without a failure message
  /// are built; a queued segment whose outputs are valid now (`isValid`) was built by another Nix
  /// process while this one waited for its lock, and is reused from the store; other queued
  /// segments were not built. Returns whether anything changed.
  @discardableResult
  public mutating func finish(now: Double, isValid: (Segment) -> Bool = { _ in false }) -> Bool {
    var changed = settleFinishing()
    for index in entries.indices {
      switch entries[index].status {
      case .queued:
        entries[index].status = isValid(entries[index].segment) ? .reused : .notBuilt
        changed = true
      case .building(let phase, let startedAt):
        entries[index].status = .failed(phase: phase, seconds: max(0, now - startedAt))
        changed = true
      default:
        break
      }
    }
    return changed
  }

  /// Marks `finishing` segments as built. Called when a new build starts (Nix reports a failure
  /// right after the failed activity stops, before anything else starts) and at the end.
  private mutating func settleFinishing() -> Bool {
    var changed = false
    for index in entries.indices {
      if case .finishing(_, let startedAt, let stoppedAt) = entries[index].status {
        entries[index].status = .built(seconds: max(0, stoppedAt - startedAt))
        changed = true
      }
    }
    return changed
  }

  /// The first failed segment, if any.
  public var firstFailure: SegmentProgress? {
    entries.first {
      if case .failed = $0.status { return true }
      return false
    }
  }

  /// The `.drv` path in a Nix `builder for '….drv' failed …` message.
  static func failedDerivation(in text: String) -> String? {
    guard let marker = text.range(of: "builder for '") else { return nil }
    let rest = text[marker.upperBound...]
    guard let end = rest.firstIndex(of: "'"), rest[..<end].hasSuffix(".drv"),
      rest[end...].contains("failed")
    else { return nil }
    return String(rest[..<end])
  }
}
