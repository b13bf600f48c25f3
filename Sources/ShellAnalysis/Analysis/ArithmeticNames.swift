/// Finds the variables that an arithmetic expression's literal text reads and assigns: bare names
/// are reads; `x = …`, `x op= …`, `x++`, `++x` are writes (the compound forms also read).
struct ArithmeticNames {
  /// Variables read.
  var reads: [String] = []
  /// Variables assigned.
  var writes: [String] = []

  /// Scans literal arithmetic text.
  init(scanning text: String) {
    let bytes = Array(text.utf8)
    scan(bytes, from: 0, to: bytes.count, depth: 0)
  }

  private static let compoundAssignmentStarts: Set<UInt8> = [
    UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "*"), UInt8(ascii: "/"), UInt8(ascii: "%"),
    UInt8(ascii: "&"), UInt8(ascii: "|"), UInt8(ascii: "^"),
  ]

  private mutating func scan(_ bytes: [UInt8], from start: Int, to end: Int, depth: Int) {
    var index = start
    while index < end {
      let byte = bytes[index]
      if ShellName.isDigit(byte) {
        // A number, possibly with a base or hex digits: 0x1F, 16#ff, 2#1010.
        while index < end, ShellName.isNameCharacter(bytes[index]) || bytes[index] == UInt8(ascii: "#") {
          index += 1
        }
        continue
      }
      guard ShellName.isNameStart(byte) else {
        index += 1
        continue
      }
      let nameStart = index
      index += ShellName.nameLength(in: bytes, from: index, end: end)
      let name = String(decoding: bytes[nameStart..<index], as: UTF8.self)
      var after = index
      if after < end, bytes[after] == UInt8(ascii: "["), depth < ShellLexer.maximumNestingDepth {
        var nesting = 0
        var close = after
        while close < end {
          if bytes[close] == UInt8(ascii: "[") { nesting += 1 }
          if bytes[close] == UInt8(ascii: "]") {
            nesting -= 1
            if nesting == 0 { break }
          }
          close += 1
        }
        scan(bytes, from: after + 1, to: min(close, end), depth: depth + 1)
        after = min(close + 1, end)
        index = after
      }
      while after < end, bytes[after] == UInt8(ascii: " ") || bytes[after] == UInt8(ascii: "\t") {
        after += 1
      }
      let next = after < end ? bytes[after] : nil
      let second = after + 1 < end ? bytes[after + 1] : nil
      let third = after + 2 < end ? bytes[after + 2] : nil
      let incremented =
        Self.precededByIncrement(bytes, before: nameStart, from: start)
        || (next == second && (next == UInt8(ascii: "+") || next == UInt8(ascii: "-")))
      if next == UInt8(ascii: "="), second != UInt8(ascii: "=") {
        writes.append(name)
      } else if let next, Self.compoundAssignmentStarts.contains(next), second == UInt8(ascii: "=") {
        writes.append(name)
        reads.append(name)
      } else if let next, next == UInt8(ascii: "<") || next == UInt8(ascii: ">"), second == next,
        third == UInt8(ascii: "=")
      {
        writes.append(name)
        reads.append(name)
      } else if incremented {
        writes.append(name)
        reads.append(name)
      } else {
        reads.append(name)
      }
    }
  }

  /// Whether `++` or `--` directly precedes (blanks aside) the name starting at `position`.
  private static func precededByIncrement(_ bytes: [UInt8], before position: Int, from start: Int) -> Bool {
    var index = position - 1
    while index >= start, bytes[index] == UInt8(ascii: " ") || bytes[index] == UInt8(ascii: "\t") {
      index -= 1
    }
    guard index - 1 >= start else { return false }
    let last = bytes[index]
    return (last == UInt8(ascii: "+") || last == UInt8(ascii: "-")) && bytes[index - 1] == last
  }
}
