#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Replaces 32-byte hash parts in byte buffers. Every replacement has its pattern's length, so
/// offsets never shift and files can be patched in place.
struct HashRewriter {
  private let replacements: [(pattern: [UInt8], replacement: [UInt8])]

  /// A rewriter for `moves` (FROM hash → TO hash).
  init(moves: [StorePathMove]) {
    replacements = moves.filter { $0.fromHash != $0.toHash }.map { ($0.fromHash, $0.toHash) }
  }

  /// Bytes that must overlap between consecutive chunks so no match is missed at a boundary.
  static let overlap = StorePathMove.hashLength - 1

  /// Whether there is anything to replace.
  var isEmpty: Bool { replacements.isEmpty }

  /// Rewrites matches that start before `limit` in `buffer`; returns whether anything changed.
  func rewrite(_ buffer: UnsafeMutableRawBufferPointer, matchesStartingBefore limit: Int) -> Bool {
    let length = StorePathMove.hashLength
    guard buffer.count >= length, let base = buffer.baseAddress else { return false }
    let searchEnd = min(buffer.count, limit + length - 1)
    var changed = false
    for (pattern, replacement) in replacements {
      var start = 0
      while start + length <= searchEnd {
        guard let offset = find(pattern, in: base, from: start, to: searchEnd) else { break }
        replacement.withUnsafeBytes { (base + offset).copyMemory(from: $0.baseAddress!, byteCount: length) }
        changed = true
        start = offset + length
      }
    }
    return changed
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
