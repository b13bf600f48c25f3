/// Accumulates the parts of a word, merging adjacent literal bytes into one ``WordPart/literal(_:)``.
struct WordPartsBuilder {
  var parts: [WordPart] = []
  /// Literal bytes not yet turned into a part.
  var literal: [UInt8] = []

  /// Turns pending literal bytes into a part.
  mutating func flush() {
    guard !literal.isEmpty else { return }
    parts.append(.literal(String(decoding: literal, as: UTF8.self)))
    literal.removeAll(keepingCapacity: true)
  }

  /// Appends a part; literal parts are merged with pending literal text.
  mutating func append(_ part: WordPart) {
    if case .literal(let text) = part {
      literal.append(contentsOf: text.utf8)
    } else {
      flush()
      parts.append(part)
    }
  }

  /// The finished parts.
  mutating func finishedParts() -> [WordPart] {
    flush()
    return parts
  }

  /// The finished word.
  mutating func word(at offset: Int) -> ShellWord {
    ShellWord(finishedParts(), at: offset)
  }
}
