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

  /// The position of a UTF-8 byte offset in `bytes` (clamped to the script).
  init(offset: Int, in bytes: [UInt8]) {
    let clamped = min(max(0, offset), bytes.count)
    var line = 1
    var lineStart = 0
    for index in 0..<clamped where bytes[index] == UInt8(ascii: "\n") {
      line += 1
      lineStart = index + 1
    }
    self.init(line: line, column: clamped - lineStart + 1, offset: clamped)
  }

  public static func < (lhs: SourcePosition, rhs: SourcePosition) -> Bool { lhs.offset < rhs.offset }

  public var description: String { "\(line):\(column)" }
}
