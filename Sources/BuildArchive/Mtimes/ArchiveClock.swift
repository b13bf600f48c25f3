/// The mapping between ranks, the times stored in archives, and restored times.
///
/// In a ranked archive, rank `r` is stored as mtime `epochSeconds + r` seconds with zero nanoseconds.
/// When restoring, rank `r` becomes `now - (maxRank - r)` microseconds, so the newest entry gets
/// "now" and the relative order (and equality) of all entries is kept.
public struct ArchiveClock: Sendable {
  /// Stored time of rank 0, in seconds since the Unix epoch (the Nix store's file time).
  public static let epochSeconds: Int64 = 1
  /// Spacing of restored ranks, in nanoseconds.
  public static let restoredSpacing: Int64 = 1_000
  /// The greatest `max-rank` an archive may declare: 2^40 ranks spaced 1 µs apart span 12.7 days
  /// before "now", so restored times stay well inside the file system's range. A tree would need
  /// that many entries with distinct mtimes to reach it.
  public static let greatestMaxRank = 1 << 40

  /// The greatest rank in the archive.
  public let maxRank: Int
  /// "Now" in nanoseconds since the Unix epoch, fixed when the restore starts.
  public let now: Int64

  /// A clock for restoring an archive whose greatest rank is `maxRank` (`-1...greatestMaxRank`;
  /// callers validate), as of `now` (nanoseconds).
  public init(maxRank: Int, now: Int64) {
    self.maxRank = min(max(maxRank, -1), Self.greatestMaxRank)
    self.now = now
  }

  /// The stored time for `rank`.
  static func storedTime(rank: Int) -> FileTime {
    FileTime(seconds: epochSeconds + Int64(rank))
  }

  /// The rank that a stored time denotes, or nil when it is not a ranked time.
  static func rank(storedTime: FileTime) -> Int? {
    guard storedTime.nanoseconds == 0, storedTime.seconds >= epochSeconds else { return nil }
    return Int(exactly: storedTime.seconds - epochSeconds)
  }

  /// The restored time for `rank` (`-1...maxRank`; rank -1 is "older than every entry").
  public func restoredTime(rank: Int) -> FileTime {
    let distance = Int64(maxRank - min(max(rank, -1), maxRank))
    return FileTime(nanosecondsSinceEpoch: now - distance * Self.restoredSpacing)
  }
}
