/// nix-build's `--arg NAME EXPR`, `--argstr NAME VALUE` and `--option NAME VALUE` take the two words after them whatever
/// they look like (`--argstr cflags -O2`). swift-argument-parser ends an option's values at the
/// next word that starts with `-`, so before parsing, ``joined(_:)`` turns the two words of each
/// such option into one: NAME, a NUL, VALUE. A NUL cannot occur in a command-line word, so the
/// joined word is unambiguous; the options parse it as one unconditional value and ``split(_:)``
/// takes it apart again.
enum TwoWordOptions {
  /// The options that take NAME VALUE.
  static let names = Set(
    ["--arg", "--argstr", "--option"]
      + [IncrementalBase.self, ExplainBaseline.self].flatMap { (role: any OlderVersionRole.Type) in
        role.argumentOptionNames
      })
  /// Separates NAME from VALUE in a joined word.
  static let separator: Character = "\u{0}"

  /// `arguments` with each two-word option's NAME and VALUE joined into one word. Words after
  /// `--` are left alone; an option missing its VALUE keeps its NAME alone (``split(_:)``
  /// reports it).
  static func joined(_ arguments: [String]) -> [String] {
    var result: [String] = []
    var index = arguments.startIndex
    while index < arguments.endIndex {
      let word = arguments[index]
      if word == "--" {
        result += arguments[index...]
        break
      }
      result.append(word)
      index += 1
      if names.contains(word), index + 1 < arguments.endIndex {
        result.append(arguments[index] + String(separator) + arguments[index + 1])
        index += 2
      }
    }
    return result
  }

  /// The NAME and VALUE of a joined word, or nil when the VALUE was missing.
  static func split(_ word: String) -> (name: String, value: String)? {
    guard let position = word.firstIndex(of: separator) else { return nil }
    return (String(word[..<position]), String(word[word.index(after: position)...]))
  }

  /// A joined word as the user typed it (for messages).
  static func displayed(_ word: String) -> String {
    guard let (name, value) = split(word) else { return word }
    return name + " " + value
  }
}
