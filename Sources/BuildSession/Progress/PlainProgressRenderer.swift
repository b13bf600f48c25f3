/// Plain progress for a pipe or log file: a timestamped line per change of a segment or
/// dependency (status or phase), and a heartbeat line when nothing changed for a while during
/// a build, naming what is still running.
public struct PlainProgressRenderer: Sendable {
  /// Seconds without output after which a heartbeat is printed while something builds.
  public var heartbeatInterval: Double
  private var lastLines: [String: String] = [:]
  private var lastOutput: Double?

  /// Creates a renderer that has printed nothing yet.
  public init(heartbeatInterval: Double = 30) {
    self.heartbeatInterval = heartbeatInterval
  }

  /// The lines to print for the changes since the previous call, each starting with the time
  /// since `started` and ending with a newline; a heartbeat when nothing was printed for
  /// ``heartbeatInterval`` seconds and something is building.
  public mutating func render(packageName: String, tracker: BuildTracker, now: Double, started: Double)
    -> String
  {
    var lines: [String] = []
    for dependency in tracker.dependencies {
      let line = SegmentLineText.plainLine(dependency: dependency)
      if lastLines[dependency.path] != line {
        // Dependencies still queued from the dry run are not news; they show when they start.
        if lastLines[dependency.path] == nil, case .queued = dependency.status {
          lastLines[dependency.path] = line
          continue
        }
        lastLines[dependency.path] = line
        lines.append(line)
      }
    }
    for entry in tracker.entries {
      let line = SegmentLineText.plainLine(packageName: packageName, entry: entry)
      if lastLines[entry.segment.derivationPath] != line {
        lastLines[entry.segment.derivationPath] = line
        lines.append(line)
      }
    }
    if lines.isEmpty, now - (lastOutput ?? started) >= heartbeatInterval {
      let running =
        tracker.dependencies.compactMap { Self.running($0.name, $0.status, now: now) }
        + tracker.entries.compactMap {
          Self.running("\(packageName) \($0.segment.name)", $0.status, now: now)
        }
      if !running.isEmpty { lines.append("still building: " + running.joined(separator: ", ")) }
    }
    guard !lines.isEmpty else { return "" }
    lastOutput = now
    let stamp = "[" + Self.pad(DurationText.format(now - started), to: 6) + "] "
    return lines.map { stamp + $0 + "\n" }.joined()
  }

  private static func running(_ label: String, _ status: SegmentStatus, now: Double) -> String? {
    guard case .building(let phase, let startedAt) = status else { return nil }
    return "\(label) (" + (phase.map { "\($0), " } ?? "") + DurationText.format(now - startedAt) + ")"
  }

  static func pad(_ text: String, to width: Int) -> String {
    String(repeating: " ", count: max(0, width - text.count)) + text
  }
}
