import Basics

/// Replaces store path hash parts in byte buffers. Every replacement has its pattern's length, so
/// offsets never shift and files can be patched in place.
///
/// For each move FROM → TO it rewrites
/// - every whole 32-character hash part of FROM, wherever it occurs, and
/// - every tail of FROM's hash part (its last k characters, 1 <= k <= 31) immediately followed by
///   `-NAME` (FROM's name after the hash), into the same tail of TO's hash. Compilers store string
///   constants in overlapping chunks (gcc -O2 splits "/nix/store/<hash>-hello-2.10/lib" into
///   "/nix/store/<hash>-hell" and "k-hello-2.10/lib"), so a chunk can hold only the end of a hash.
///
/// Matches are chosen in one pass, leftmost first and, at the same start, longest pattern
/// (including the `-NAME` anchor) first; overlapping later matches are skipped.
struct HashRewriter {
  /// One move's patterns.
  private struct Rule {
    var fromHash: [UInt8]
    var toHash: [UInt8]
    /// `-NAME`, the bytes that must follow a hash tail.
    var anchor: [UInt8]
  }

  /// A match found in a buffer.
  private struct Match {
    /// Start of the pattern (the first hash byte).
    var start: Int
    /// Length of the whole pattern, anchor included.
    var length: Int
    /// The hash bytes to write at `start`.
    var replacement: ArraySlice<UInt8>
  }

  private let rules: [Rule]

  /// Bytes that must overlap between consecutive chunks so no match is missed at a boundary: the
  /// longest pattern (a whole hash followed by the longest anchor) minus one.
  let overlap: Int

  /// A rewriter for `moves`.
  init(moves: [StorePathMove]) {
    rules = moves.filter { $0.fromHash != $0.toHash }.map {
      Rule(fromHash: $0.fromHash, toHash: $0.toHash, anchor: $0.fromNameAnchor)
    }
    overlap = StorePathMove.hashLength + (rules.map(\.anchor.count).max() ?? 0) - 1
  }

  /// The length of the tail piece before `anchorStart` when it directly follows a head piece: the
  /// whole FROM hash and a prefix of `-NAME` (gcc stores `"<hash>-hello-2.10/lib"` as `"…<hash>-hell"`
  /// followed by `"s-hello-2.10/lib"`). The anchor prefix can match the hash's tail by chance (an
  /// `l` before the `s`), and then the longest match would take a byte of the head piece for hash;
  /// the head piece's position says where the tail piece really starts. Nil when no head piece
  /// stands there.
  private func headedTailLength(
    _ rule: Rule, anchorStart: Int, longest: Int, in bytes: UnsafeMutableBufferPointer<UInt8>
  ) -> Int? {
    let hashLength = rule.fromHash.count
    for piece in 1..<longest {
      for prefix in 0..<rule.anchor.count {
        let hashStart = anchorStart - piece - prefix - hashLength
        guard hashStart >= 0 else { break }
        if bytes[hashStart..<hashStart + hashLength].elementsEqual(rule.fromHash)
          && bytes[(anchorStart - piece - prefix)..<(anchorStart - piece)].elementsEqual(
            rule.anchor.prefix(prefix))
        {
          return piece
        }
      }
    }
    return nil
  }

  /// Whether there is anything to replace.
  var isEmpty: Bool { rules.isEmpty }

  /// Rewrites matches that start before `limit` in `buffer`; returns whether anything changed.
  func rewrite(_ buffer: UnsafeMutableRawBufferPointer, matchesStartingBefore limit: Int) -> Bool {
    guard let base = buffer.baseAddress, buffer.count > 0 else { return false }
    let bytes = UnsafeMutableBufferPointer(
      start: base.assumingMemoryBound(to: UInt8.self), count: buffer.count)
    var matches: [Match] = []
    for rule in rules {
      for start in occurrences(of: rule.fromHash, in: bytes, startingBefore: limit) {
        matches.append(Match(start: start, length: rule.fromHash.count, replacement: rule.toHash[...]))
      }
      let hashLength = rule.fromHash.count
      for anchorStart in occurrences(of: rule.anchor, in: bytes, startingBefore: limit + hashLength) {
        var tail = 0
        while tail < hashLength && anchorStart - tail - 1 >= 0
          && bytes[anchorStart - tail - 1] == rule.fromHash[hashLength - tail - 1]
        {
          tail += 1
        }
        if tail > 1 && tail < hashLength,
          let piece = headedTailLength(rule, anchorStart: anchorStart, longest: tail, in: bytes)
        {
          tail = piece
        }
        guard tail > 0, anchorStart - tail < limit else { continue }
        matches.append(
          Match(
            start: anchorStart - tail, length: tail + rule.anchor.count,
            replacement: rule.toHash[(hashLength - tail)...]))
      }
    }
    guard !matches.isEmpty else { return false }
    matches.sort { ($0.start, -$0.length) < ($1.start, -$1.length) }
    var end = 0
    var changed = false
    for match in matches where match.start >= end {
      for (offset, byte) in match.replacement.enumerated() where bytes[match.start + offset] != byte {
        bytes[match.start + offset] = byte
        changed = true
      }
      end = match.start + match.length
    }
    return changed
  }

  /// `bytes` with matches replaced.
  func rewrite(_ bytes: [UInt8]) -> [UInt8] {
    var copy = bytes
    _ = copy.withUnsafeMutableBytes { rewrite($0, matchesStartingBefore: $0.count) }
    return copy
  }

  /// Start offsets of `pattern` in `bytes` that begin before `limit` (and fit in `bytes`), found
  /// with memchr for the first byte and memcmp for the rest (`memmem` is not exported to Swift on
  /// glibc).
  private func occurrences(
    of pattern: [UInt8], in bytes: UnsafeMutableBufferPointer<UInt8>, startingBefore limit: Int
  )
    -> [Int]
  {
    let length = pattern.count
    let lastStart = min(limit, bytes.count - length + 1)
    guard length > 0, lastStart > 0, let base = bytes.baseAddress else { return [] }
    var result: [Int] = []
    var position = 0
    pattern.withUnsafeBytes { needle in
      while position < lastStart {
        guard let hit = memchr(base + position, Int32(needle[0]), lastStart - position) else { return }
        let offset = UnsafeRawPointer(base).distance(to: UnsafeRawPointer(hit))
        if memcmp(hit, needle.baseAddress!, length) == 0 { result.append(offset) }
        position = offset + 1
      }
    }
    return result
  }
}
