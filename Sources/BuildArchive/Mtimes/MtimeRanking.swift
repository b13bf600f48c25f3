/// The distinct modification times of a tree, sorted, so each time maps to its rank.
///
/// Ranks are stored in archives as `ArchiveClock.epochSeconds + rank` seconds (see
/// docs/archive-format.md).
struct MtimeRanking {
  /// Distinct times, ascending.
  let sortedTimes: [FileTime]

  /// The ranking of `times` (duplicates allowed, any order).
  init<Times: Sequence>(times: Times) where Times.Element == FileTime {
    var unique = Array(Set(times))
    unique.sort()
    sortedTimes = unique
  }

  /// The greatest rank, or -1 for an empty tree.
  var maxRank: Int { sortedTimes.count - 1 }

  /// The rank of the greatest tree time that is `<= time`; -1 when `time` is older than every tree time.
  func rank(atOrBelow time: FileTime) -> Int {
    var low = 0
    var high = sortedTimes.count
    while low < high {
      let middle = (low + high) / 2
      if sortedTimes[middle] <= time { low = middle + 1 } else { high = middle }
    }
    return low - 1
  }
}
