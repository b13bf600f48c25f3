/// A shell word: a sequence of adjacent parts (literal text, quoted strings, expansions) with no
/// unquoted blank between them.
public struct ShellWord: Sendable, Equatable {
  /// The parts, in source order.
  public var parts: [WordPart]
  /// UTF-8 byte offset of the word's first character in the analysed script.
  public var offset: Int

  /// Creates a word from its parts.
  public init(_ parts: [WordPart], at offset: Int) {
    self.parts = parts
    self.offset = offset
  }

  /// The word's text when it is made only of unquoted literal text (as reserved words and plain
  /// names are), otherwise `nil`.
  public var unquotedText: String? {
    if parts.count == 1, case .literal(let literal) = parts[0] { return literal }
    var text = ""
    for part in parts {
      guard case .literal(let literal) = part else { return nil }
      text += literal
    }
    return text
  }

  /// The word's value after quote removal when it contains no expansion, otherwise `nil`.
  public var staticText: String? {
    var text = ""
    for part in parts {
      switch part {
      case .literal(let literal), .singleQuoted(let literal):
        text += literal
      case .doubleQuoted(let inner):
        guard let innerText = ShellWord(inner, at: offset).staticText else { return nil }
        text += innerText
      default:
        return nil
      }
    }
    return text
  }

  /// Whether any part of the word is quoted (which makes a here-document delimiter quoted).
  public var isQuoted: Bool {
    parts.contains { part in
      switch part {
      case .singleQuoted, .doubleQuoted: return true
      default: return false
      }
    }
  }
}
