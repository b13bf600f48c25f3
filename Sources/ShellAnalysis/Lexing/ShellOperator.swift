/// A bash control or redirection operator, as it appears in the source.
public enum ShellOperator: String, Sendable, Equatable, Hashable, CaseIterable {
  // Control operators.
  case semicolon = ";"
  case caseBreak = ";;"
  case caseFallThrough = ";&"
  case caseContinue = ";;&"
  case background = "&"
  case and = "&&"
  case or = "||"
  case pipe = "|"
  case pipeWithStandardError = "|&"
  case openParenthesis = "("
  case closeParenthesis = ")"

  // Redirection operators.
  case input = "<"
  case output = ">"
  case append = ">>"
  case clobber = ">|"
  case readWrite = "<>"
  case duplicateInput = "<&"
  case duplicateOutput = ">&"
  case outputAndError = "&>"
  case appendOutputAndError = "&>>"
  case hereDocument = "<<"
  case hereDocumentStrippingTabs = "<<-"
  case hereString = "<<<"

  /// Whether the operator redirects input or output (and is therefore followed by a target word).
  public var isRedirection: Bool {
    switch self {
    case .input, .output, .append, .clobber, .readWrite, .duplicateInput, .duplicateOutput, .outputAndError,
      .appendOutputAndError, .hereDocument, .hereDocumentStrippingTabs, .hereString:
      return true
    default:
      return false
    }
  }

  /// Whether the operator starts a here-document (its target word is the delimiter, not an expansion).
  public var startsHereDocument: Bool { self == .hereDocument || self == .hereDocumentStrippingTabs }

  /// Whether the operator ends a simple command (a list or pipeline separator, or a parenthesis).
  public var separatesCommands: Bool { !isRedirection }

  /// Whether the operator ends a `case` item.
  public var endsCaseItem: Bool { self == .caseBreak || self == .caseFallThrough || self == .caseContinue }
}
