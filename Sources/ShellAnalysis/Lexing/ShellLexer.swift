/// Splits bash source into ``ShellToken``s, resolving quoting, expansions, substitutions and
/// here-documents. Never fails: problems become ``LexerDiagnostic``s and lexing continues.
public enum ShellLexer {
  /// Deepest nesting of substitutions, expansions and quotes the lexer follows before giving up on
  /// the rest of the input (keeps recursion bounded on hostile input).
  public static let maximumNestingDepth = 64

  /// Lexes a whole script.
  public static func tokenize(_ source: String) -> ShellTokenization {
    var scanner = ScriptScanner(bytes: Array(source.utf8), baseOffset: 0)
    let tokens = scanner.scanTokens(untilCloseParenthesis: false)
    return ShellTokenization(tokens: tokens, diagnostics: scanner.diagnostics)
  }
}
