/// Follows a `nix-build --log-format internal-json` stream and keeps the status of everything in
/// the build graph: each segment, and each other derivation built, substituted or downloaded
/// (dependencies).
///
/// Pure state: the caller feeds events with the time they arrived, so the tracker is deterministic
/// and testable without running Nix. Build activities are matched by `.drv` path; failures by
/// Nix's error messages that name a `.drv` being built (`builder for '….drv' failed`, `hash
/// mismatch in fixed-output derivation '….drv'`), which Nix prints around the activity's stop.
public struct BuildTracker: Sendable {
  /// How many log lines are kept per build.
  public static let logTailLength = 20

  /// The segments and their statuses, in build order.
  public private(set) var entries: [SegmentProgress]
  /// The other derivations of the graph: those to build (queued from the dry run) and every
  /// build, substitution or download seen, in the order first seen.
  public private(set) var dependencies: [DependencyProgress] = []
  /// The builds that failed, in order, with Nix's message for each.
  public private(set) var failures: [(derivationPath: String, message: String)] = []
  private let packageName: String
  private var activities: [UInt64: Node] = [:]
  private var entryByDerivation: [String: Int] = [:]
  private var dependencyByPath: [String: Int] = [:]

  /// Where an activity's events go.
  private enum Node: Sendable {
    case segment(Int)
    case dependency(Int)
  }

  /// Starts tracking `chain`; segments whose `.drv` is in `toBuild` are queued, the others reused;
  /// the other derivations in `toBuild` are queued dependencies.
  public init(chain: SegmentChain, toBuild: Set<String>) {
    packageName = chain.packageName
    entries = chain.segments.map {
      SegmentProgress(segment: $0, status: toBuild.contains($0.derivationPath) ? .queued : .reused)
    }
    for (index, segment) in chain.segments.enumerated() {
      entryByDerivation[segment.derivationPath] = index
    }
    for path in toBuild.sorted() where entryByDerivation[path] == nil {
      dependencyIndex(kind: .build, path: path, status: .queued)
    }
  }

  @discardableResult
  private mutating func dependencyIndex(kind: DependencyProgress.Kind, path: String, status: SegmentStatus)
    -> Int
  {
    if let index = dependencyByPath[path] { return index }
    dependencies.append(DependencyProgress(kind: kind, path: path, status: status))
    dependencyByPath[path] = dependencies.count - 1
    return dependencies.count - 1
  }

  /// Applies one event received at monotonic time `now`.
  /// - Returns: whether a status (or phase) changed.
  @discardableResult
  public mutating func apply(_ event: NixLogEvent, now: Double) -> Bool {
    switch event {
    case .start(let activity, let type, _, let path):
      guard type == NixLogEvent.buildActivityType, let path else { return false }
      _ = settleFinishing()
      if let index = entryByDerivation[path] {
        activities[activity] = .segment(index)
        entries[index].status = .building(phase: nil, startedAt: now)
        entries[index].logTail = []
      } else {
        let index = dependencyIndex(kind: .build, path: path, status: .queued)
        activities[activity] = .dependency(index)
        dependencies[index].status = .building(phase: nil, startedAt: now)
        dependencies[index].logTail = []
      }
      return true
    case .startTransfer(let activity, let kind, let subject, let parent):
      // A download that fetches a substitution's archive is shown as the substitution.
      if kind == .download, parent != 0, activities[parent] != nil { return false }
      let index = dependencyIndex(
        kind: kind == .download ? .download : .substitution, path: subject, status: .queued)
      activities[activity] = .dependency(index)
      dependencies[index].status = .building(phase: nil, startedAt: now)
      return true
    case .setPhase(let activity, let phase):
      // phasesplit's own phase (moving the outputs) is not one of the package's phases.
      guard !phase.hasPrefix("phasesplit") else { return false }
      switch activities[activity] {
      case .segment(let index):
        guard case .building(_, let startedAt) = entries[index].status else { return false }
        entries[index].status = .building(phase: phase, startedAt: startedAt)
      case .dependency(let index):
        guard case .building(_, let startedAt) = dependencies[index].status else { return false }
        dependencies[index].status = .building(phase: phase, startedAt: startedAt)
      case nil:
        return false
      }
      return true
    case .buildLogLine(let activity, let line):
      switch activities[activity] {
      case .segment(let index): Self.append(line, to: &entries[index].logTail)
      case .dependency(let index): Self.append(line, to: &dependencies[index].logTail)
      case nil: break
      }
      return false
    case .stop(let activity):
      switch activities.removeValue(forKey: activity) {
      case .segment(let index):
        guard case .building(let phase, let startedAt) = entries[index].status else { return false }
        entries[index].status = .finishing(phase: phase, startedAt: startedAt, stoppedAt: now)
        return false
      case .dependency(let index):
        switch dependencies[index].status {
        case .building(let phase, let startedAt) where dependencies[index].kind == .build:
          dependencies[index].status = .finishing(phase: phase, startedAt: startedAt, stoppedAt: now)
          return false
        case .building(_, let startedAt):
          dependencies[index].status = .built(seconds: max(0, now - startedAt))
          return true
        default:
          return false
        }
      case nil:
        return false
      }
    case .message(let level, let text):
      guard level == 0, let path = failedDerivation(in: text) else { return false }
      failures.append((path, text))
      if let index = entryByDerivation[path] {
        guard let failed = Self.failed(entries[index].status, now: now) else { return false }
        entries[index].status = failed
      } else if let index = dependencyByPath[path] {
        guard let failed = Self.failed(dependencies[index].status, now: now) else { return false }
        dependencies[index].status = failed
      }
      return true
    case .other:
      return false
    }
  }

  private static func append(_ line: String, to tail: inout [String]) {
    tail.append(line)
    if tail.count > logTailLength { tail.removeFirst(tail.count - logTailLength) }
  }

  /// The failed status of a build in `status`, or nil when it was not building.
  private static func failed(_ status: SegmentStatus, now: Double) -> SegmentStatus? {
    switch status {
    case .building(let phase, let startedAt): .failed(phase: phase, seconds: max(0, now - startedAt))
    case .finishing(let phase, let startedAt, let stoppedAt):
      .failed(phase: phase, seconds: max(0, stoppedAt - startedAt))
    default: nil
    }
  }

  /// Ends tracking after Nix exited: builds whose activity stopped without a failure message
  /// are built; a queued segment whose outputs are valid now (`isValid`) was built by another Nix
  /// process while this one waited for its lock, and is reused from the store; other queued
  /// segments were not built. A build still running failed, or was interrupted when nix-build
  /// was killed by a signal (`interrupted`). Returns whether anything changed.
  @discardableResult
  public mutating func finish(
    now: Double, interrupted: Bool = false, isValid: (BuiltSegment) -> Bool = { _ in false }
  ) -> Bool {
    if interrupted {
      // Nix stops the builds it interrupts as if they had ended: only a valid output says done.
      for index in entries.indices {
        if case .finishing(let phase, let startedAt, _) = entries[index].status,
          !isValid(entries[index].segment)
        {
          entries[index].status = .building(phase: phase, startedAt: startedAt)
        }
      }
      for index in dependencies.indices {
        if case .finishing(let phase, let startedAt, _) = dependencies[index].status {
          dependencies[index].status = .building(phase: phase, startedAt: startedAt)
        }
      }
    }
    var changed = settleFinishing()
    func ended(_ status: SegmentStatus) -> SegmentStatus? {
      guard case .building(let phase, let startedAt) = status else { return nil }
      let seconds = max(0, now - startedAt)
      return interrupted
        ? .interrupted(phase: phase, seconds: seconds) : .failed(phase: phase, seconds: seconds)
    }
    for index in entries.indices {
      if case .queued = entries[index].status {
        entries[index].status = isValid(entries[index].segment) ? .reused : .notBuilt
        changed = true
      } else if let status = ended(entries[index].status) {
        entries[index].status = status
        changed = true
      }
    }
    for index in dependencies.indices {
      if case .queued = dependencies[index].status {
        dependencies[index].status = .notBuilt
        changed = true
      } else if let status = ended(dependencies[index].status) {
        dependencies[index].status = status
        changed = true
      }
    }
    return changed
  }

  /// Marks `finishing` builds as built. Called when a new build starts (Nix reports a failure
  /// around the failed activity's stop, before anything else starts) and at the end.
  private mutating func settleFinishing() -> Bool {
    var changed = false
    for index in entries.indices {
      if case .finishing(_, let startedAt, let stoppedAt) = entries[index].status {
        entries[index].status = .built(seconds: max(0, stoppedAt - startedAt))
        changed = true
      }
    }
    for index in dependencies.indices {
      if case .finishing(_, let startedAt, let stoppedAt) = dependencies[index].status {
        dependencies[index].status = .built(seconds: max(0, stoppedAt - startedAt))
        changed = true
      }
    }
    return changed
  }

  /// The name of the build `activity` belongs to (`hello-2.10 build`, or a dependency's name),
  /// for build log lines.
  public func label(ofActivity activity: UInt64) -> String? {
    switch activities[activity] {
    case .segment(let index): "\(packageName) \(entries[index].segment.name)"
    case .dependency(let index): dependencies[index].name
    case nil: nil
    }
  }

  /// The first failed segment, if any.
  public var firstFailure: SegmentProgress? {
    entries.first {
      if case .failed = $0.status { return true }
      return false
    }
  }

  /// The first failed dependency, if any.
  public var firstFailedDependency: DependencyProgress? {
    dependencies.first {
      if case .failed = $0.status { return true }
      return false
    }
  }

  /// The failed build a Nix error message names: the first quoted `.drv` path, except in the
  /// message that only says dependencies of a derivation failed. A path that is not tracked
  /// counts only in a `builder for` or `hash mismatch` message.
  func failedDerivation(in text: String) -> String? {
    guard !text.contains("dependencies of derivation") else { return nil }
    guard let path = Self.quotedDerivationPaths(in: text).first else { return nil }
    if entryByDerivation[path] != nil || dependencyByPath[path] != nil { return path }
    return Self.failedDerivation(in: text)
  }

  /// The `.drv` path in a Nix `builder for '….drv' failed …` or `hash mismatch in fixed-output
  /// derivation '….drv'` message.
  static func failedDerivation(in text: String) -> String? {
    for marker in ["builder for '", "hash mismatch in fixed-output derivation '"] {
      guard let range = text.range(of: marker) else { continue }
      let rest = text[range.upperBound...]
      guard let end = rest.firstIndex(of: "'"), rest[..<end].hasSuffix(".drv") else { continue }
      if marker.hasPrefix("builder"), !rest[end...].contains("failed") { continue }
      return String(rest[..<end])
    }
    return nil
  }

  /// Every `'/….drv'` in `text`, in order.
  static func quotedDerivationPaths(in text: String) -> [String] {
    let parts = text.split(separator: "'", omittingEmptySubsequences: false)
    return stride(from: 1, to: parts.count, by: 2).map { String(parts[$0]) }.filter {
      $0.hasPrefix("/") && $0.hasSuffix(".drv") && !$0.contains(" ")
    }
  }
}
