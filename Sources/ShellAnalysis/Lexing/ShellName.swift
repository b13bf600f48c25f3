/// Rules for bash variable names.
enum ShellName {
  /// Whether `byte` can start a variable name (`[A-Za-z_]`).
  static func isNameStart(_ byte: UInt8) -> Bool {
    (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A) || byte == 0x5F
  }

  /// Whether `byte` can continue a variable name (`[A-Za-z0-9_]`).
  static func isNameCharacter(_ byte: UInt8) -> Bool { isNameStart(byte) || isDigit(byte) }

  /// Whether `byte` is an ASCII digit.
  static func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }

  /// Whether `text` is a valid variable name.
  static func isValidVariableName(_ text: String) -> Bool {
    guard let first = text.utf8.first, isNameStart(first) else { return false }
    return text.utf8.allSatisfy(isNameCharacter)
  }

  /// The length of the variable name at the start of `bytes[start...]` (0 when none).
  static func nameLength(in bytes: [UInt8], from start: Int, end: Int) -> Int {
    guard start < end, isNameStart(bytes[start]) else { return 0 }
    var index = start + 1
    while index < end, isNameCharacter(bytes[index]) { index += 1 }
    return index - start
  }

  /// The variable in a reference such as `x` or `arr[3]` (as `unset` and `[[ -v ]]` take), or `nil`.
  static func variableName(ofReference text: String) -> String? {
    let name = text.firstIndex(of: "[").map { String(text[..<$0]) } ?? text
    return isValidVariableName(name) ? name : nil
  }

  /// Whether `text` can name a function in a `name() { … }` definition (no quoting, no expansions,
  /// not an assignment).
  static func isValidFunctionName(_ text: String) -> Bool {
    !text.isEmpty && !text.contains("=") && !text.contains("$")
  }

  /// The variable named at the start of a declaration argument (`name`, `name=…`, `name+=…`), or `nil`.
  static func variableName(ofAssignment text: String) -> String? {
    let name = text.prefix { $0 != "=" && $0 != "+" && $0 != "[" }
    return isValidVariableName(String(name)) ? String(name) : nil
  }
}
