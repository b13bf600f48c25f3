/// The result of lexing a script: its tokens and any problems found while reading it.
public struct ShellTokenization: Sendable, Equatable {
  /// The top-level tokens in source order.
  public var tokens: [ShellToken]
  /// Problems found; empty when the script lexed cleanly.
  public var diagnostics: [LexerDiagnostic]
}
