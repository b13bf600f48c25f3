/// A position in an analysed script.
public struct SourcePosition: Sendable, Equatable, Hashable, Comparable, CustomStringConvertible {
  /// 1-based line number.
  public var line: Int
  /// 1-based column, counted in UTF-8 bytes.
  public var column: Int
  /// 0-based UTF-8 byte offset from the start of the script.
  public var offset: Int

  /// Creates a position.
  public init(line: Int, column: Int, offset: Int) {
    self.line = line
    self.column = column
    self.offset = offset
  }

  /// The positions of ascending UTF-8 byte offsets in `bytes` (each clamped to the script), found
  /// in one pass.
  static func positions(ofSortedOffsets offsets: [Int], in bytes: [UInt8]) -> [SourcePosition] {
    var positions: [SourcePosition] = []
    positions.reserveCapacity(offsets.count)
    var line = 1
    var lineStart = 0
    var scanned = 0
    for offset in offsets {
      let clamped = min(max(0, offset), bytes.count)
      while scanned < clamped {
        if bytes[scanned] == UInt8(ascii: "\n") {
          line += 1
          lineStart = scanned + 1
        }
        scanned += 1
      }
      positions.append(SourcePosition(line: line, column: clamped - lineStart + 1, offset: clamped))
    }
    return positions
  }

  public static func < (lhs: SourcePosition, rhs: SourcePosition) -> Bool { lhs.offset < rhs.offset }

  public var description: String { "\(line):\(column)" }
}
