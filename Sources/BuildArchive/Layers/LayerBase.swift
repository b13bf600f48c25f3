/// The tree a layer is made over: the index of the segment whose tree was restored, and the time
/// the restore ended (`phasesplit restore --print-time`). An entry is unchanged since the restore
/// when it is in that index with the same kind and its status change time (ctime, which the kernel
/// sets on every change of contents or metadata and nobody can set back) is older than that time.
public struct LayerBase: Sendable {
  public var index: TreeIndex
  public var restoredAt: FileTime

  public init(index: TreeIndex, restoredAt: FileTime) {
    self.index = index
    self.restoredAt = restoredAt
  }

  /// Parses `SECONDS.NANOSECONDS` (as `FileTime.description` prints it).
  public static func time(parsing text: String) throws -> FileTime {
    let parts = text.split(separator: ".", omittingEmptySubsequences: false)
    guard parts.count == 2, parts[1].count == 9, let seconds = Int64(parts[0]),
      let nanoseconds = Int64(parts[1]), nanoseconds >= 0
    else {
      throw LayerError.badChangeTime(text: text)
    }
    return FileTime(seconds: seconds, nanoseconds: nanoseconds)
  }
}
