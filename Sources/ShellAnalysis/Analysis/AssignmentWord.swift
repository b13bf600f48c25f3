/// A word of the form `NAME=value`, `NAME+=value`, `NAME[subscript]=value` or `NAME[subscript]+=value`.
struct AssignmentWord: Equatable {
  /// The assigned variable.
  var name: String
  /// Whether the assignment appends (`+=`).
  var appends: Bool
  /// Whether an array element is assigned (`NAME[…]=`).
  var hasSubscript: Bool
  /// The subscript text when it is plain literal text (evaluated arithmetically for indexed arrays).
  var literalSubscript: String?

  /// Whether the assignment keeps part of the old value (append or element assignment).
  var keepsOldValue: Bool { appends || hasSubscript }

  /// Parses an assignment word as bash recognises it: the name and `=` must be unquoted literal text.
  init?(_ word: ShellWord) {
    guard case .literal(let head) = word.parts.first else { return nil }
    // Fast rejection before copying: assignments start with a name character.
    guard let first = head.utf8.first, ShellName.isNameStart(first),
      head.utf8.contains(UInt8(ascii: "="))
        || head.utf8.contains(UInt8(ascii: "["))
    else { return nil }
    let bytes = Array(head.utf8)
    let nameLength = ShellName.nameLength(in: bytes, from: 0, end: bytes.count)
    guard nameLength > 0, nameLength < bytes.count else { return nil }
    name = String(decoding: bytes[0..<nameLength], as: UTF8.self)
    hasSubscript = false
    literalSubscript = nil
    var rest = nameLength
    if bytes[rest] == UInt8(ascii: "[") {
      hasSubscript = true
      if let close = bytes[rest...].firstIndex(of: UInt8(ascii: "]")) {
        literalSubscript = String(decoding: bytes[(rest + 1)..<close], as: UTF8.self)
        rest = close + 1
      } else {
        // The subscript holds an expansion: the assignment operator is in a later literal part.
        guard let operatorAppends = Self.operatorAfterSubscript(in: word.parts.dropFirst()) else {
          return nil
        }
        appends = operatorAppends
        return
      }
    }
    guard rest < bytes.count else { return nil }
    if bytes[rest] == UInt8(ascii: "=") {
      appends = false
    } else if bytes[rest] == UInt8(ascii: "+"), rest + 1 < bytes.count, bytes[rest + 1] == UInt8(ascii: "=") {
      appends = true
    } else {
      return nil
    }
  }

  /// Finds `]=` or `]+=` at the start of a later literal part; returns whether it appends.
  private static func operatorAfterSubscript(in parts: ArraySlice<WordPart>) -> Bool? {
    for part in parts {
      guard case .literal(let text) = part, let close = text.firstIndex(of: "]") else { continue }
      let after = text[text.index(after: close)...]
      if after.hasPrefix("=") { return false }
      if after.hasPrefix("+=") { return true }
      return nil
    }
    return nil
  }

  /// Parses an argument of `declare`/`export`/`local`/…, where quoted assignments (`"x=1"`) also count.
  init?(declarationArgument word: ShellWord) {
    if let parsed = AssignmentWord(word) {
      self = parsed
      return
    }
    guard let text = word.staticText, let equals = text.firstIndex(of: "=") else { return nil }
    var name = text[..<equals]
    appends = name.hasSuffix("+")
    if appends { name = name.dropLast() }
    guard ShellName.isValidVariableName(String(name)) else { return nil }
    self.name = String(name)
    hasSubscript = false
    literalSubscript = nil
  }
}
