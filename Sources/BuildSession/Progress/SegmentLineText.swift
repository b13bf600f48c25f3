/// The one-line description of a segment's status, shared by both progress displays.
public enum SegmentLineText {
  /// `hello-2.10 configure: building (configurePhase, 3.2s)` and the like.
  public static func line(packageName: String, entry: SegmentProgress, now: Double) -> String {
    let label = "\(packageName) \(entry.segment.name)"
    switch entry.status {
    case .reused: return "\(label): reused from the store"
    case .queued: return "\(label): queued"
    case .building(let phase, _), .finishing(let phase, _, _):
      let elapsed = DurationText.format(entry.elapsed(now: now))
      return "\(label): building (\(phase ?? "starting"), \(elapsed))"
    case .built(let seconds): return "\(label): built in \(DurationText.format(seconds))"
    case .failed(let phase, let seconds):
      return "\(label): FAILED in \(phase ?? "an unknown phase") after \(DurationText.format(seconds))"
    case .notBuilt: return "\(label): not built (an earlier segment failed)"
    }
  }

  /// The line for plain mode, which prints at state changes only and so leaves the running elapsed
  /// time out (it would be 0.0s at every change).
  public static func plainLine(packageName: String, entry: SegmentProgress) -> String {
    let label = "\(packageName) \(entry.segment.name)"
    switch entry.status {
    case .building(let phase, _), .finishing(let phase, _, _):
      return "\(label): building (\(phase ?? "starting"))"
    default:
      return line(packageName: packageName, entry: entry, now: 0)
    }
  }
}
