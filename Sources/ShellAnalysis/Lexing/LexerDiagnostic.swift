/// A place where the lexer could not read the script as bash would (unbalanced quote, unterminated
/// substitution or here-document, nesting too deep); analysis treats each as an uncertainty.
public struct LexerDiagnostic: Sendable, Equatable {
  /// What went wrong, phrased for a person reading a finding.
  public var message: String
  /// UTF-8 byte offset where the problem construct starts.
  public var offset: Int

  /// Creates a diagnostic.
  public init(_ message: String, at offset: Int) {
    self.message = message
    self.offset = offset
  }
}
