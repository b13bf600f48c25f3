/// Quotes words for a POSIX shell (bash included): command lines shown to copy and paste, and the
/// values of a generated `.attrs.sh`.
public enum ShellQuoting {
  /// `word` as-is when it has only characters no shell treats specially, otherwise single-quoted.
  public static func quote(_ word: String) -> String {
    let plain = !word.isEmpty && word.utf8.allSatisfy(isPlain)
    return plain ? word : singleQuoted(word)
  }

  /// `text` in single quotes, each `'` written as `'\''` (always quoted, as Nix writes `.attrs.sh`).
  public static func singleQuoted(_ text: String) -> String {
    // Unicode scalars, not characters: a `'` followed by a combining mark is still a quote to
    // the shell, which reads bytes.
    var quoted = "'"
    for scalar in text.unicodeScalars {
      if scalar == "'" { quoted += "'\\''" } else { quoted.unicodeScalars.append(scalar) }
    }
    return quoted + "'"
  }

  /// The words quoted and joined with spaces into one command line.
  public static func commandLine(_ words: [String]) -> String {
    words.map(quote).joined(separator: " ")
  }

  /// ASCII letters, digits and `-_./=:,+@%`.
  private static func isPlain(_ byte: UInt8) -> Bool {
    switch byte {
    case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
      UInt8(ascii: "0")...UInt8(ascii: "9"):
      return true
    default:
      return "-_./=:,+@%".utf8.contains(byte)
    }
  }
}
