/// Feeds a stream block by block through a ``PatternSearch`` and remembers the first match, with
/// its offset in the whole stream; occurrences split between blocks are found too.
struct StreamMatcher {
  private let search: PatternSearch
  /// The last `search.overlap` bytes fed (fewer at the start).
  private var tail: [UInt8] = []
  /// Bytes fed so far.
  private(set) var length = 0
  /// The first match, once found (offset counted from the start of the stream).
  private(set) var match: PatternSearch.Match?

  init(search: PatternSearch) {
    self.search = search
  }

  /// Looks at the next block of the stream (nothing more once a match is found).
  mutating func feed(_ block: UnsafeRawBufferPointer) {
    guard match == nil, block.count > 0 else { return }
    if !tail.isEmpty {
      var junction = tail
      junction.append(contentsOf: block.prefix(search.overlap))
      if let found = junction.withUnsafeBytes({ search.firstMatch(in: $0) }), found.offset < tail.count {
        match = PatternSearch.Match(pattern: found.pattern, offset: length - tail.count + found.offset)
        return
      }
    }
    if let found = search.firstMatch(in: block) {
      match = PatternSearch.Match(pattern: found.pattern, offset: length + found.offset)
      return
    }
    if block.count >= search.overlap {
      tail = Array(block.suffix(search.overlap))
    } else {
      tail.append(contentsOf: block)
      if tail.count > search.overlap { tail.removeFirst(tail.count - search.overlap) }
    }
    length += block.count
  }
}
