#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Replaces the hash parts of store paths in byte buffers. Every replacement has its pattern's
/// length, so offsets never shift and files can be patched in place.
///
/// Two kinds of match, per move FROM → TO:
/// - the whole 32-byte hash part of FROM, anywhere;
/// - a *tail* of FROM's hash part (its last k bytes, 1 ≤ k ≤ 31) directly followed by `-NAME`, FROM's
///   name. Compilers store long string constants in pieces: gcc at -O2 builds
///   `"/nix/store/<hash>-hello-2.10/lib"` from a 32-byte piece and an overlapping 16-byte piece
///   `"k-hello-2.10/lib"` that holds only the last byte of the hash. Rewriting the tail keeps such
///   binaries equal to the ones compiled against the real path.
///
/// Matches are taken leftmost first and, at one position, longest first; a match never starts inside
/// bytes an earlier match rewrote, so the tail of one output's name (`-hello-2.10`) cannot rewrite a
/// piece of another output's path (`-hello-2.10-dev`) that a longer match already covers.
struct HashRewriter {
  private struct Rule {
    let fromHash: [UInt8]
    let toHash: [UInt8]
    /// `-NAME`: the bytes that follow the hash part in FROM.
    let anchor: [UInt8]
  }

  private struct Match {
    let start: Int
    let replacement: ArraySlice<UInt8>
  }

  private let rules: [Rule]

  /// Bytes that must overlap between consecutive chunks so no match is missed at a boundary: one
  /// less than the longest pattern (a 31-byte tail and its anchor).
  let overlap: Int

  /// A rewriter for `moves` (FROM hash → TO hash).
  init(moves: [StorePathMove]) {
    rules = moves.filter { $0.fromHash != $0.toHash }.map {
      Rule(fromHash: $0.fromHash, toHash: $0.toHash, anchor: $0.fromNameAnchor)
    }
    let longestAnchor = rules.map(\.anchor.count).max() ?? 0
    overlap = max(StorePathMove.hashLength, StorePathMove.hashLength - 1 + longestAnchor) - 1
  }

  /// Whether there is anything to replace.
  var isEmpty: Bool { rules.isEmpty }

  /// Rewrites matches that start before `limit` in `buffer`; returns whether anything changed.
  func rewrite(_ buffer: UnsafeMutableRawBufferPointer, matchesStartingBefore limit: Int) -> Bool {
    let length = StorePathMove.hashLength
    guard let base = buffer.baseAddress, !rules.isEmpty else { return false }
    let searchEnd = min(buffer.count, limit + overlap)
    var matches: [Match] = []
    for rule in rules {
      // Whole hash parts.
      var start = 0
      while let offset = find(rule.fromHash, in: base, from: start, to: searchEnd) {
        if offset < limit { matches.append(Match(start: offset, replacement: rule.toHash[...])) }
        start = offset + 1
      }
      // Tails followed by -NAME (a whole hash before -NAME was found above).
      start = 1
      while let anchorOffset = find(rule.anchor, in: base, from: start, to: searchEnd) {
        let tail = matchingTailLength(rule.fromHash, endingAt: anchorOffset, in: base)
        if tail > 0 && tail < length && anchorOffset - tail < limit {
          matches.append(
            Match(start: anchorOffset - tail, replacement: rule.toHash[(length - tail)...]))
        }
        start = anchorOffset + 1
      }
    }
    guard !matches.isEmpty else { return false }
    matches.sort { $0.start != $1.start ? $0.start < $1.start : $0.replacement.count > $1.replacement.count }
    var rewrittenUpTo = 0
    var changed = false
    for match in matches where match.start >= rewrittenUpTo {
      match.replacement.withUnsafeBytes {
        (base + match.start).copyMemory(from: $0.baseAddress!, byteCount: $0.count)
      }
      rewrittenUpTo = match.start + match.replacement.count
      changed = true
    }
    return changed
  }

  /// How many bytes right before `end` equal the last bytes of `hash` (at most 32).
  private func matchingTailLength(_ hash: [UInt8], endingAt end: Int, in base: UnsafeMutableRawPointer)
    -> Int
  {
    var count = 0
    while count < hash.count && count < end
      && base.load(fromByteOffset: end - count - 1, as: UInt8.self) == hash[hash.count - count - 1]
    {
      count += 1
    }
    return count
  }

  /// The offset of the first occurrence of `pattern` in `base[start..<end]` (memchr for the first
  /// byte, memcmp for the rest; `memmem` is not exported to Swift on glibc).
  private func find(_ pattern: [UInt8], in base: UnsafeMutableRawPointer, from start: Int, to end: Int)
    -> Int?
  {
    let length = pattern.count
    var position = start
    return pattern.withUnsafeBytes { needle -> Int? in
      while position + length <= end {
        guard let hit = memchr(base + position, Int32(needle[0]), end - length + 1 - position) else {
          return nil
        }
        let offset = UnsafeRawPointer(base).distance(to: UnsafeRawPointer(hit))
        if memcmp(hit, needle.baseAddress!, length) == 0 { return offset }
        position = offset + 1
      }
      return nil
    }
  }

  /// `bytes` with matches replaced.
  func rewrite(_ bytes: [UInt8]) -> [UInt8] {
    var copy = bytes
    _ = copy.withUnsafeMutableBytes { rewrite($0, matchesStartingBefore: $0.count) }
    return copy
  }
}
