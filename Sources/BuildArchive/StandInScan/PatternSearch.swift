import Basics

/// Finds the first occurrence of any of a few long patterns (at least 20 bytes) in a buffer,
/// looking at one 4-byte word in every 16 bytes.
///
/// Every occurrence of a pattern of length ≥ 20 starting at `a` covers exactly one position
/// `p` that is a multiple of 16 with `a ≤ p < a + 16`, and the word at `p` is the pattern's
/// word at offset `p - a`. The search keeps those words (offsets 0 to 15 of every pattern) in
/// a 64-kibibit filter and verifies the few candidates the filter lets through, so it touches
/// a sixteenth of the words of the buffer.
struct PatternSearch {
  /// A place where a pattern was found.
  struct Match: Equatable {
    /// The index of the pattern in the search's list.
    var pattern: Int
    /// The offset of its first byte in the buffer.
    var offset: Int
  }

  private static let stride = 16
  private static let filterBits = 1 << 16

  let patterns: [[UInt8]]
  /// The longest pattern's length minus one: how much consecutive chunks of a stream must
  /// overlap so that no occurrence is split.
  let overlap: Int
  private var filter: [UInt64]
  private var candidates: [UInt32: [(pattern: Int, offset: Int)]] = [:]

  /// A search for `patterns`, each at least 20 bytes long.
  init(patterns: [[UInt8]]) {
    precondition(patterns.allSatisfy { $0.count >= Self.stride + 4 }, "patterns must be at least 20 bytes")
    self.patterns = patterns
    overlap = (patterns.map(\.count).max() ?? 1) - 1
    filter = [UInt64](repeating: 0, count: Self.filterBits / 64)
    for (index, pattern) in patterns.enumerated() {
      for offset in 0..<Self.stride {
        let word = pattern.withUnsafeBytes { $0.loadUnaligned(fromByteOffset: offset, as: UInt32.self) }
        let slot = Self.slot(word)
        filter[slot >> 6] |= 1 << UInt64(slot & 63)
        candidates[word, default: []].append((index, offset))
      }
    }
  }

  private static func slot(_ word: UInt32) -> Int {
    Int((word &* 0x9E37_79B1) >> 16)
  }

  /// The earliest occurrence of any pattern lying wholly inside `buffer` (the longest pattern
  /// when several start there).
  func firstMatch(in buffer: UnsafeRawBufferPointer) -> Match? {
    let count = buffer.count
    guard count >= 4 else { return nil }
    var best: Match?
    filter.withUnsafeBufferPointer { filter in
      var position = 0
      while position + 4 <= count {
        let word = buffer.loadUnaligned(fromByteOffset: position, as: UInt32.self)
        let slot = Self.slot(word)
        if filter[slot >> 6] & (1 << UInt64(slot & 63)) != 0,
          let found = verify(word, at: position, in: buffer)
        {
          best = found
          return
        }
        position += Self.stride
      }
    }
    return best
  }

  /// The earliest match whose filter position is `position`, if any.
  private func verify(_ word: UInt32, at position: Int, in buffer: UnsafeRawBufferPointer) -> Match? {
    guard let entries = candidates[word] else { return nil }
    var best: Match?
    for (pattern, offset) in entries {
      let start = position - offset
      let bytes = patterns[pattern]
      guard start >= 0, start + bytes.count <= buffer.count else { continue }
      if let current = best,
        current.offset < start || (current.offset == start && patterns[current.pattern].count >= bytes.count)
      {
        continue
      }
      let equal = bytes.withUnsafeBytes { needle in
        memcmp(buffer.baseAddress! + start, needle.baseAddress!, bytes.count) == 0
      }
      if equal { best = Match(pattern: pattern, offset: start) }
    }
    return best
  }
}
