/// The one-line description of a segment's or dependency's status in plain progress.
public enum SegmentLineText {
  /// `hello-2.10 configure: building (configurePhase)` and the like. Plain mode prints at state
  /// changes only and so leaves the running elapsed time out.
  public static func plainLine(packageName: String, entry: SegmentProgress) -> String {
    line(label: "\(packageName) \(entry.segment.name)", status: entry.status, word: nil)
  }

  /// `gcc-wrapper: built in 2.1s` and the like.
  public static func plainLine(dependency: DependencyProgress) -> String {
    line(label: dependency.name, status: dependency.status, word: dependency.word)
  }

  static func line(label: String, status: SegmentStatus, word: String?) -> String {
    switch status {
    case .reused: return "\(label): reused from the store"
    case .queued: return "\(label): queued"
    case .building(let phase, _), .finishing(let phase, _, _):
      if let word, word != "building" { return "\(label): \(word)" }
      return "\(label): building" + (phase.map { " (\($0))" } ?? "")
    case .built(let seconds):
      return "\(label): \(word ?? "built") in \(DurationText.format(seconds))"
    case .failed(let phase, let seconds):
      return "\(label): FAILED in \(phase ?? "an unknown phase") after \(DurationText.format(seconds))"
    case .interrupted(let phase, let seconds):
      return "\(label): interrupted in \(phase ?? "an unknown phase") after \(DurationText.format(seconds))"
    case .notBuilt: return "\(label): not built (an earlier build failed)"
    }
  }
}
