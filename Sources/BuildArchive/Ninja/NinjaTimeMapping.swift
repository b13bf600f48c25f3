/// Maps the mtimes ninja records in `.ninja_log` and `.ninja_deps` (nanoseconds since the epoch;
/// 0 means "missing") the same way the tree's own mtimes are mapped.
struct NinjaTimeMapping {
  /// Stored value for a recorded time older than every tree time (between 0 and rank 0).
  static let olderThanTreeMarker: Int64 = 1

  let map: (Int64) -> Int64

  /// The pack-side mapping: a recorded time becomes the stored time of the rank of the greatest tree
  /// time `<=` it.
  static func packing(_ ranking: MtimeRanking) -> NinjaTimeMapping {
    NinjaTimeMapping { recorded in
      guard recorded > 0 else { return recorded }
      let rank = ranking.rank(atOrBelow: recorded)
      return rank < 0 ? olderThanTreeMarker : ArchiveClock.storedTime(rank: rank)
    }
  }

  /// The unpack-side mapping: a stored rank becomes the restored time of that rank.
  static func restoring(_ clock: ArchiveClock) -> NinjaTimeMapping {
    NinjaTimeMapping { stored in
      guard stored > 0 else { return stored }
      if stored < ArchiveClock.storedTime(rank: 0) { return clock.restoredTime(rank: -1) }
      guard let rank = ArchiveClock.rank(storedTime: stored) else { return stored }
      return clock.restoredTime(rank: rank)
    }
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
