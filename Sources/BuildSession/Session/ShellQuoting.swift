import Foundation

/// Quotes words for display as a copy-pasteable POSIX shell command.
public enum ShellQuoting {
  /// `word` as-is when it has only safe characters, otherwise single-quoted.
  public static func quote(_ word: String) -> String {
    let safe = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_./=:,+@%")
    if !word.isEmpty, word.allSatisfy({ safe.contains($0) }) { return word }
    return "'" + word.replacingOccurrences(of: "'", with: "'\\''") + "'"
  }

  /// The words joined into one command line.
  public static func commandLine(_ words: [String]) -> String {
    words.map(quote).joined(separator: " ")
  }
}
