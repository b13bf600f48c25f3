/// One token of a bash script: a word, an operator, a line break, an arithmetic command or a here-document body.
public struct ShellToken: Sendable, Equatable {
  /// What the token is.
  public enum Kind: Sendable, Equatable {
    /// A word (command name, argument, assignment, redirection target, reserved word).
    case word(ShellWord)
    /// A control or redirection operator.
    case `operator`(ShellOperator)
    /// An unescaped line break (a command separator).
    case newline
    /// An arithmetic command `(( … ))`, or the header of `for (( …; …; … ))`; holds the expression.
    case arithmeticCommand(ShellWord)
    /// The body of a here-document, emitted after the line break that ends its command line.
    /// Unquoted delimiters give a body with expansions; quoted ones give a single literal part.
    case hereDocumentBody(ShellWord)
  }

  /// What the token is.
  public var kind: Kind
  /// UTF-8 byte offset of the token's first character in the analysed script.
  public var offset: Int

  /// Creates a token of the given kind at a UTF-8 byte offset.
  public init(_ kind: Kind, at offset: Int) {
    self.kind = kind
    self.offset = offset
  }

  /// The word, when the token is a word.
  public var word: ShellWord? {
    if case .word(let word) = kind { return word }
    return nil
  }

  /// The operator, when the token is an operator.
  public var shellOperator: ShellOperator? {
    if case .operator(let shellOperator) = kind { return shellOperator }
    return nil
  }
}
