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

  /// The greatest rank in the archive.
  public let maxRank: Int
  /// "Now" in nanoseconds since the Unix epoch, fixed when the restore starts.
  public let now: Int64

  /// A clock for restoring an archive whose greatest rank is `maxRank`, as of `now` (nanoseconds).
  public init(maxRank: Int, now: Int64) {
    self.maxRank = maxRank
    self.now = now
  }

  /// The stored time in nanoseconds for `rank`.
  static func storedTime(rank: Int) -> Int64 {
    (epochSeconds + Int64(rank)) * 1_000_000_000
  }

  /// The rank that a stored time denotes, or nil when it is not a ranked time.
  static func rank(storedTime: Int64) -> Int? {
    guard storedTime % 1_000_000_000 == 0 else { return nil }
    let rank = storedTime / 1_000_000_000 - epochSeconds
    return rank >= 0 ? Int(rank) : nil
  }

  /// The restored time in nanoseconds for `rank` (rank -1 is "older than every entry").
  public func restoredTime(rank: Int) -> Int64 {
    now - Int64(maxRank - rank) * Self.restoredSpacing
  }
}
