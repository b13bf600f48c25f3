import BuildArchive
import Foundation

/// The record of an incremental segment's source sync (`incremental.json` in the segment's
/// output, read by `phasesplit explain`): the mode, why, and the changed paths.
public struct SourceSyncReport: Codable, Equatable, Sendable {
  /// `incremental` or `clean`.
  public var mode: String
  /// Why the build started over from the new source (clean mode), else nil.
  public var reason: String?
  /// Paths added, changed and deleted (files, symlinks, FIFOs and directories; directories end with `/`).
  public var added: [String]
  public var changed: [String]
  public var deleted: [String]
  /// How the deleted files' dependents were found, when the build kept the deleted files until
  /// then (`make -t`: a make tree); nil otherwise (removed at once: a ninja tree, or clean).
  public var deletionsSettledBy: String?

  public init(difference: SourceDifference, mode: IncrementalMode) {
    switch mode {
    case .incremental: self.init(mode: "incremental", reason: nil, difference: difference)
    case .incrementalSettlingDeletions:
      self.init(mode: "incremental", reason: nil, difference: difference)
      deletionsSettledBy = "make -t"
    case .clean(let why): self.init(mode: "clean", reason: why, difference: difference)
    }
  }

  /// A report with the given mode text (`pending` before the build decides).
  public init(mode: String, reason: String?, difference: SourceDifference) {
    self.mode = mode
    self.reason = reason
    func paths(_ kind: SourceChange.Kind) -> [String] {
      difference.changes.filter { $0.kind == kind }.map { $0.path.description + ($0.isDirectory ? "/" : "") }
    }
    added = paths(.added)
    changed = paths(.changed)
    deleted = paths(.deleted)
  }
}
