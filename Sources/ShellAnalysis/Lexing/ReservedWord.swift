/// Bash reserved words that matter for finding command positions.
enum ReservedWord {
  /// Whether the next word after `text` is again in command position (`if`, `then`, `do`, `{`, `!`, …).
  static func keepsCommandPosition(_ text: String) -> Bool {
    // A switch on short literals avoids hashing every word of the script.
    switch text {
    case "if", "then", "else", "elif", "do", "while", "until", "{", "!", "time": return true
    default: return false
    }
  }

  /// Whether `text` ends a compound command (`fi`, `done`, `}`).
  static func closesCompoundCommand(_ text: String) -> Bool {
    switch text {
    case "fi", "done", "}": return true
    default: return false
    }
  }
}
