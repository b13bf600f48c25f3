/// Maps the mtimes ninja records in `.ninja_log` and `.ninja_deps` (nanoseconds since the epoch;
/// 0 means "missing") the same way the tree's own mtimes are mapped.
struct NinjaTimeMapping {
  /// Stored value for a recorded time older than every tree time (between 0 and rank 0).
  static let olderThanTreeMarker: Int64 = 1
  /// The largest ninja state file pack rewrites and unpack reads into memory (1 GiB; real logs of
  /// very large projects stay far below).
  static let greatestStateFileSize: Int64 = 1 << 30

  let map: (Int64) -> Int64

  /// The pack-side mapping: a recorded time becomes the stored time of the rank of the greatest tree
  /// time `<=` it.
  static func packing(_ ranking: MtimeRanking) -> NinjaTimeMapping {
    NinjaTimeMapping { recorded in
      guard recorded > 0 else { return recorded }
      let rank = ranking.rank(atOrBelow: FileTime(nanosecondsSinceEpoch: recorded))
      // Stored times of ranks (`greatestMaxRank` at most) are small whole seconds: they fit.
      return rank < 0 ? olderThanTreeMarker : ArchiveClock.storedTime(rank: rank).nanosecondsSinceEpoch!
    }
  }

  /// The unpack-side mapping: a stored rank becomes the restored time of that rank. Values that are
  /// no rank of the archive (not whole seconds, or beyond its `max-rank`) are left as they are.
  static func restoring(_ clock: ArchiveClock) -> NinjaTimeMapping {
    NinjaTimeMapping { stored in
      guard stored > 0 else { return stored }
      let time = FileTime(nanosecondsSinceEpoch: stored)
      if time < ArchiveClock.storedTime(rank: 0) { return restoredNanoseconds(clock, rank: -1) ?? stored }
      guard let rank = ArchiveClock.rank(storedTime: time), rank <= clock.maxRank else { return stored }
      return restoredNanoseconds(clock, rank: rank) ?? stored
    }
  }

  private static func restoredNanoseconds(_ clock: ArchiveClock, rank: Int) -> Int64? {
    clock.restoredTime(rank: rank).nanosecondsSinceEpoch
  }

  /// Whether a file named `name` is a ninja state file this mapping rewrites.
  static func isNinjaStateFile(_ name: RawPath) -> Bool {
    name.bytes == Array(".ninja_log".utf8) || name.bytes == Array(".ninja_deps".utf8)
  }

  /// `contents` of the ninja state file `name` with its recorded mtimes mapped; unchanged when the
  /// format is not one this mapping understands.
  func rewrite(_ contents: [UInt8], name: RawPath) -> [UInt8] {
    if name.bytes == Array(".ninja_log".utf8) {
      return NinjaLogRewriter(mapping: self).rewrite(contents) ?? contents
    }
    return NinjaDepsRewriter(mapping: self).rewrite(contents) ?? contents
  }
}
