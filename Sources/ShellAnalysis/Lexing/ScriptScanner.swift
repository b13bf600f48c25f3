/// The lexer's cursor over the UTF-8 bytes of a script (or of the inside of a backquoted command
/// substitution). Each `scan…` method starts at ``index`` and leaves it after what it read.
struct ScriptScanner {
  /// A here-document whose body starts after the current command line.
  struct PendingHereDocument {
    var delimiter: [UInt8]
    var isQuoted: Bool
    var stripsLeadingTabs: Bool
  }

  /// Where double-quote-like content ends.
  enum QuotedContext {
    /// Inside `"…"`: ends at the closing quote; `\"` is an escape.
    case doubleQuotes
    /// A here-document body: ends at the end of the range; `"` is literal.
    case hereDocument
  }

  let bytes: [UInt8]
  /// Offset of `bytes[0]` in the analysed script (non-zero for backquoted substitutions).
  let baseOffset: Int
  var index = 0
  var end: Int
  var diagnostics: [LexerDiagnostic] = []
  var depth = 0
  var pendingHereDocuments: [PendingHereDocument] = []
  /// Set once nesting got too deep; the rest of the input is skipped and no more diagnostics are made.
  var abandoned = false

  init(bytes: [UInt8], baseOffset: Int) {
    self.bytes = bytes
    self.baseOffset = baseOffset
    self.end = bytes.count
  }

  // MARK: - Tokens

  /// Scans tokens until the end of input or, when `untilCloseParenthesis`, the `)` that closes a
  /// command or process substitution (consumed).
  mutating func scanTokens(untilCloseParenthesis: Bool) -> [ShellToken] {
    let openOffset = index
    guard enterNesting() else { return [] }
    defer { depth -= 1 }
    var tokens: [ShellToken] = []
    var parenthesisDepth = 0
    var caseDepth = 0
    var atCommandStart = true
    while true {
      skipBlanks()
      guard index < end else {
        if untilCloseParenthesis {
          diagnose("unterminated substitution: no ')' matches the '(' here", at: openOffset - 2)
        }
        finishPendingHereDocumentsAtEndOfInput()
        return tokens
      }
      let start = index
      let byte = bytes[index]
      switch byte {
      case UInt8(ascii: "#"):
        while index < end, bytes[index] != UInt8(ascii: "\n") { index += 1 }
      case UInt8(ascii: "\n"):
        index += 1
        tokens.append(ShellToken(.newline, at: baseOffset + start))
        scanPendingHereDocuments(into: &tokens)
        atCommandStart = true
      case UInt8(ascii: ")") where untilCloseParenthesis && parenthesisDepth == 0 && caseDepth == 0:
        index += 1
        return tokens
      case UInt8(ascii: "(") where peek(1) == UInt8(ascii: "("):
        index += 2
        let expression = scanArithmetic(openedAt: start)
        tokens.append(ShellToken(.arithmeticCommand(expression), at: baseOffset + start))
        atCommandStart = false
      case UInt8(ascii: "("):
        index += 1
        parenthesisDepth += 1
        tokens.append(ShellToken(.operator(.openParenthesis), at: baseOffset + start))
        atCommandStart = true
      case UInt8(ascii: ")"):
        index += 1
        if parenthesisDepth > 0 { parenthesisDepth -= 1 }
        tokens.append(ShellToken(.operator(.closeParenthesis), at: baseOffset + start))
        atCommandStart = true
      case UInt8(ascii: "<") where peek(1) == UInt8(ascii: "("),
        UInt8(ascii: ">") where peek(1) == UInt8(ascii: "("):
        index += 2
        let inner = scanTokens(untilCloseParenthesis: true)
        let word = ShellWord([.processSubstitution(inner)], at: baseOffset + start)
        tokens.append(ShellToken(.word(word), at: baseOffset + start))
        atCommandStart = false
      case UInt8(ascii: ";"), UInt8(ascii: "&"), UInt8(ascii: "|"), UInt8(ascii: "<"), UInt8(ascii: ">"):
        let shellOperator = scanOperator()
        tokens.append(ShellToken(.operator(shellOperator), at: baseOffset + start))
        if shellOperator.startsHereDocument {
          scanHereDocumentDelimiter(after: shellOperator, into: &tokens)
        }
        if !shellOperator.isRedirection { atCommandStart = true }
      default:
        if ShellName.isDigit(byte), skipFileDescriptorNumber() { continue }
        let word = scanWord()
        if index == start { index += 1 }
        tokens.append(ShellToken(.word(word), at: word.offset))
        let text = word.unquotedText
        if atCommandStart, text == "case" { caseDepth += 1 }
        if atCommandStart, text == "esac", caseDepth > 0 { caseDepth -= 1 }
        atCommandStart = text.map(ReservedWord.keepsCommandPosition) ?? false
      }
    }
  }

  /// Skips a file-descriptor number directly followed by `<` or `>` (as in `2>&1`); returns whether it did.
  private mutating func skipFileDescriptorNumber() -> Bool {
    var lookahead = index
    while lookahead < end, ShellName.isDigit(bytes[lookahead]) { lookahead += 1 }
    guard lookahead < end, bytes[lookahead] == UInt8(ascii: "<") || bytes[lookahead] == UInt8(ascii: ">")
    else { return false }
    index = lookahead
    return true
  }

  /// Scans the longest operator at ``index`` (which holds `;`, `&`, `|`, `<` or `>`).
  private mutating func scanOperator() -> ShellOperator {
    let first = bytes[index]
    let second = peek(1)
    let third = peek(2)
    let (shellOperator, length): (ShellOperator, Int)
    switch (first, second) {
    case (UInt8(ascii: ";"), UInt8(ascii: ";")):
      (shellOperator, length) = third == UInt8(ascii: "&") ? (.caseContinue, 3) : (.caseBreak, 2)
    case (UInt8(ascii: ";"), UInt8(ascii: "&")): (shellOperator, length) = (.caseFallThrough, 2)
    case (UInt8(ascii: ";"), _): (shellOperator, length) = (.semicolon, 1)
    case (UInt8(ascii: "&"), UInt8(ascii: "&")): (shellOperator, length) = (.and, 2)
    case (UInt8(ascii: "&"), UInt8(ascii: ">")):
      (shellOperator, length) =
        third == UInt8(ascii: ">") ? (.appendOutputAndError, 3) : (.outputAndError, 2)
    case (UInt8(ascii: "&"), _): (shellOperator, length) = (.background, 1)
    case (UInt8(ascii: "|"), UInt8(ascii: "|")): (shellOperator, length) = (.or, 2)
    case (UInt8(ascii: "|"), UInt8(ascii: "&")): (shellOperator, length) = (.pipeWithStandardError, 2)
    case (UInt8(ascii: "|"), _): (shellOperator, length) = (.pipe, 1)
    case (UInt8(ascii: "<"), UInt8(ascii: "<")):
      switch third {
      case UInt8(ascii: "<"): (shellOperator, length) = (.hereString, 3)
      case UInt8(ascii: "-"): (shellOperator, length) = (.hereDocumentStrippingTabs, 3)
      default: (shellOperator, length) = (.hereDocument, 2)
      }
    case (UInt8(ascii: "<"), UInt8(ascii: "&")): (shellOperator, length) = (.duplicateInput, 2)
    case (UInt8(ascii: "<"), UInt8(ascii: ">")): (shellOperator, length) = (.readWrite, 2)
    case (UInt8(ascii: "<"), _): (shellOperator, length) = (.input, 1)
    case (UInt8(ascii: ">"), UInt8(ascii: ">")): (shellOperator, length) = (.append, 2)
    case (UInt8(ascii: ">"), UInt8(ascii: "&")): (shellOperator, length) = (.duplicateOutput, 2)
    case (UInt8(ascii: ">"), UInt8(ascii: "|")): (shellOperator, length) = (.clobber, 2)
    default: (shellOperator, length) = (.output, 1)
    }
    index += length
    return shellOperator
  }

  /// Skips spaces, tabs and backslash-newline continuations.
  private mutating func skipBlanks() {
    while index < end {
      let byte = bytes[index]
      if byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") || byte == UInt8(ascii: "\r") {
        index += 1
      } else if byte == UInt8(ascii: "\\"), peek(1) == UInt8(ascii: "\n") {
        index += 2
      } else {
        return
      }
    }
  }

  // MARK: - Here-documents

  /// Scans the delimiter word after `<<`/`<<-` and queues the here-document body.
  private mutating func scanHereDocumentDelimiter(
    after shellOperator: ShellOperator, into tokens: inout [ShellToken]
  ) {
    skipBlanks()
    guard index < end, !Self.endsWord(bytes[index]) else {
      diagnose("here-document operator without a delimiter word", at: index)
      return
    }
    let start = index
    let word = scanWord()
    if index == start { index += 1 }
    tokens.append(ShellToken(.word(word), at: word.offset))
    let raw = bytes[start..<index]
    let isQuoted = raw.contains {
      $0 == UInt8(ascii: "'") || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\")
    }
    let delimiter = word.staticText.map { Array($0.utf8) } ?? Array(raw)
    pendingHereDocuments.append(
      PendingHereDocument(
        delimiter: delimiter, isQuoted: isQuoted,
        stripsLeadingTabs: shellOperator == .hereDocumentStrippingTabs))
  }

  /// Reads the bodies of the queued here-documents, starting at ``index`` (just after a line break).
  private mutating func scanPendingHereDocuments(into tokens: inout [ShellToken]) {
    let queued = pendingHereDocuments
    pendingHereDocuments = []
    for hereDocument in queued {
      let bodyStart = index
      var bodyEnd = end
      var resumeAt = end
      var terminated = false
      while index < end {
        let lineStart = index
        var lineEnd = index
        while lineEnd < end, bytes[lineEnd] != UInt8(ascii: "\n") { lineEnd += 1 }
        var contentStart = lineStart
        if hereDocument.stripsLeadingTabs {
          while contentStart < lineEnd, bytes[contentStart] == UInt8(ascii: "\t") { contentStart += 1 }
        }
        if bytes[contentStart..<lineEnd].elementsEqual(hereDocument.delimiter) {
          bodyEnd = lineStart
          resumeAt = min(lineEnd + 1, end)
          terminated = true
          break
        }
        index = min(lineEnd + 1, end)
      }
      if !terminated {
        let delimiter = String(decoding: hereDocument.delimiter, as: UTF8.self)
        diagnose("here-document is not terminated by a line '\(delimiter)'", at: bodyStart)
      }
      let word: ShellWord
      if hereDocument.isQuoted {
        let text = String(decoding: bytes[bodyStart..<bodyEnd], as: UTF8.self)
        word = ShellWord([.singleQuoted(text)], at: baseOffset + bodyStart)
      } else {
        let savedEnd = end
        index = bodyStart
        end = bodyEnd
        let parts = scanQuotedContent(.hereDocument)
        end = savedEnd
        word = ShellWord(parts, at: baseOffset + bodyStart)
      }
      index = resumeAt
      tokens.append(ShellToken(.hereDocumentBody(word), at: baseOffset + bodyStart))
    }
  }

  /// Reports here-documents whose command line is the last line of the input (no body at all).
  private mutating func finishPendingHereDocumentsAtEndOfInput() {
    for hereDocument in pendingHereDocuments {
      let delimiter = String(decoding: hereDocument.delimiter, as: UTF8.self)
      diagnose("here-document delimited by '\(delimiter)' has no body", at: index)
    }
    pendingHereDocuments = []
  }

  // MARK: - Words

  /// Whether `byte` ends an unquoted word.
  static func endsWord(_ byte: UInt8) -> Bool {
    switch byte {
    case UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\r"), UInt8(ascii: "\n"), UInt8(ascii: ";"),
      UInt8(ascii: "&"), UInt8(ascii: "|"), UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "("),
      UInt8(ascii: ")"):
      return true
    default:
      return false
    }
  }

  /// Scans an unquoted word (which may contain quoted parts and expansions).
  mutating func scanWord() -> ShellWord {
    let start = index
    var builder = WordPartsBuilder()
    while index < end {
      let byte = bytes[index]
      switch byte {
      case UInt8(ascii: "("):
        if builder.parts.isEmpty, Self.isAssignmentPrefix(builder.literal) {
          builder.flush()
          index += 1
          builder.parts.append(.arrayLiteral(scanArrayLiteral(openedAt: index - 1)))
        } else if let last = builder.literal.last, Self.startsExtendedGlob(last) {
          scanExtendedGlob(into: &builder)
        } else {
          return builder.word(at: baseOffset + start)
        }
      case _ where Self.endsWord(byte):
        return builder.word(at: baseOffset + start)
      default:
        scanWordPiece(byte, into: &builder, expansionsAsInDoubleQuotes: false)
      }
    }
    return builder.word(at: baseOffset + start)
  }

  /// Whether `literal` is `NAME=`, `NAME+=`, `NAME[…]=` or `NAME[…]+=` (so a following `(` opens an array).
  static func isAssignmentPrefix(_ literal: [UInt8]) -> Bool {
    guard literal.last == UInt8(ascii: "=") else { return false }
    var body = literal.dropLast()
    if body.last == UInt8(ascii: "+") { body = body.dropLast() }
    let nameLength = ShellName.nameLength(in: Array(body), from: 0, end: body.count)
    guard nameLength > 0 else { return false }
    if nameLength == body.count { return true }
    return body[body.startIndex + nameLength] == UInt8(ascii: "[") && body.last == UInt8(ascii: "]")
  }

  /// Scans the elements of `name=( … )` up to and including the closing parenthesis.
  private mutating func scanArrayLiteral(openedAt openOffset: Int) -> [ShellWord] {
    guard enterNesting() else { return [] }
    defer { depth -= 1 }
    var elements: [ShellWord] = []
    while true {
      skipBlanks()
      guard index < end else {
        diagnose("unterminated array assignment: no ')' matches the '(' here", at: openOffset)
        return elements
      }
      switch bytes[index] {
      case UInt8(ascii: ")"):
        index += 1
        return elements
      case UInt8(ascii: "\n"):
        index += 1
      case UInt8(ascii: "#"):
        while index < end, bytes[index] != UInt8(ascii: "\n") { index += 1 }
      default:
        let start = index
        let element = scanWord()
        if index == start {
          diagnose("unexpected '\(Character(Unicode.Scalar(bytes[index])))' in array assignment", at: index)
          index += 1
        } else {
          elements.append(element)
        }
      }
    }
  }

  /// Scans the parenthesised part of an extended glob as literal text.
  private mutating func scanExtendedGlob(into builder: inout WordPartsBuilder) {
    var nesting = 0
    while index < end {
      let byte = bytes[index]
      if byte == UInt8(ascii: "\n") { return }
      builder.literal.append(byte)
      index += 1
      if byte == UInt8(ascii: "(") {
        nesting += 1
      } else if byte == UInt8(ascii: ")") {
        nesting -= 1
        if nesting == 0 { return }
      }
    }
  }

  /// Scans a backslash escape. In quoted content (`context`) a backslash escapes only some characters
  /// (`nil`: unquoted, where it escapes any).
  private mutating func scanBackslash(into builder: inout WordPartsBuilder, quotedIn context: QuotedContext?)
  {
    guard let next = peek(1) else {
      builder.literal.append(UInt8(ascii: "\\"))
      index += 1
      return
    }
    if next == UInt8(ascii: "\n") {
      index += 2
    } else if context.map({ Self.isEscapable(next, in: $0) }) ?? true {
      builder.literal.append(next)
      index += 2
    } else {
      builder.literal.append(UInt8(ascii: "\\"))
      index += 1
    }
  }

  /// Scans `'…'` starting at the opening quote.
  private mutating func scanSingleQuoted() -> WordPart {
    let start = index
    index += 1
    let contentStart = index
    while index < end, bytes[index] != UInt8(ascii: "'") { index += 1 }
    let text = String(decoding: bytes[contentStart..<index], as: UTF8.self)
    if index < end {
      index += 1
    } else {
      diagnose("unbalanced single quote: no closing ' for the one here", at: start)
    }
    return .singleQuoted(text)
  }

  /// Scans `$'…'` starting at the `$`.
  private mutating func scanAnsiCQuoted() -> WordPart {
    let start = index
    index += 2
    let contentStart = index
    while index < end, bytes[index] != UInt8(ascii: "'") {
      index += bytes[index] == UInt8(ascii: "\\") ? 2 : 1
    }
    index = min(index, end)
    let text = String(decoding: bytes[contentStart..<index], as: UTF8.self)
    if index < end {
      index += 1
    } else {
      diagnose("unbalanced $'…' quote: no closing ' for the one here", at: start)
    }
    return .singleQuoted(text)
  }

  /// Scans `"…"` starting at the opening quote; returns the inner parts.
  private mutating func scanDoubleQuoted() -> [WordPart] {
    let start = index
    index += 1
    let parts = scanQuotedContent(.doubleQuotes)
    if index < end, bytes[index] == UInt8(ascii: "\"") {
      index += 1
    } else if !abandoned {
      diagnose("unbalanced double quote: no closing \" for the one here", at: start)
    }
    return parts
  }

  /// Scans the piece of an unquoted word that starts with `byte` (at ``index``): a backslash
  /// escape, a single- or double-quoted string, an expansion or substitution, or a literal byte.
  /// `expansionsAsInDoubleQuotes` is how `$` and `` ` `` read (arithmetic reads them as inside
  /// double quotes).
  private mutating func scanWordPiece(
    _ byte: UInt8, into builder: inout WordPartsBuilder, expansionsAsInDoubleQuotes: Bool
  ) {
    switch byte {
    case UInt8(ascii: "\\"):
      scanBackslash(into: &builder, quotedIn: nil)
    case UInt8(ascii: "'"):
      builder.append(scanSingleQuoted())
    case UInt8(ascii: "\""):
      builder.append(.doubleQuoted(scanDoubleQuoted()))
    case UInt8(ascii: "$"):
      builder.append(scanDollar(inDoubleQuotes: expansionsAsInDoubleQuotes))
    case UInt8(ascii: "`"):
      builder.append(scanBackquoted(inDoubleQuotes: expansionsAsInDoubleQuotes))
    default:
      builder.literal.append(byte)
      index += 1
    }
  }

  /// Scans double-quote-like content (expansions active, blanks literal) up to its end.
  mutating func scanQuotedContent(_ context: QuotedContext) -> [WordPart] {
    guard enterNesting() else { return [] }
    defer { depth -= 1 }
    var builder = WordPartsBuilder()
    while index < end {
      let byte = bytes[index]
      switch byte {
      case UInt8(ascii: "\"") where context == .doubleQuotes:
        return builder.finishedParts()
      case UInt8(ascii: "\\"):
        scanBackslash(into: &builder, quotedIn: context)
      case UInt8(ascii: "$"):
        builder.append(scanDollar(inDoubleQuotes: true))
      case UInt8(ascii: "`"):
        builder.append(scanBackquoted(inDoubleQuotes: true))
      default:
        builder.literal.append(byte)
        index += 1
      }
    }
    return builder.finishedParts()
  }

  /// Scans a word inside `${…}` or `[…]` up to (not including) `closer` at nesting level zero;
  /// blanks are literal, quotes and expansions are recognised.
  private mutating func scanEnclosedWord(closer: UInt8, opener: UInt8) -> ShellWord {
    let start = index
    guard enterNesting() else { return ShellWord([], at: baseOffset + start) }
    defer { depth -= 1 }
    var builder = WordPartsBuilder()
    var nesting = 0
    while index < end {
      let byte = bytes[index]
      switch byte {
      case closer where nesting == 0:
        return builder.word(at: baseOffset + start)
      case closer:
        nesting -= 1
        builder.literal.append(byte)
        index += 1
      case opener:
        nesting += 1
        builder.literal.append(byte)
        index += 1
      default:
        scanWordPiece(byte, into: &builder, expansionsAsInDoubleQuotes: false)
      }
    }
    return builder.word(at: baseOffset + start)
  }

  // MARK: - Expansions

  /// Scans what follows a `$` (at ``index``): an expansion, a substitution, a `$'…'`/`$"…"` string,
  /// or a literal `$`.
  private mutating func scanDollar(inDoubleQuotes: Bool) -> WordPart {
    let start = index
    guard let next = peek(1) else {
      index += 1
      return .literal("$")
    }
    switch next {
    case UInt8(ascii: "(") where peek(2) == UInt8(ascii: "("):
      index += 3
      return .arithmetic(scanArithmetic(openedAt: start))
    case UInt8(ascii: "("):
      index += 2
      return .commandSubstitution(scanTokens(untilCloseParenthesis: true))
    case UInt8(ascii: "{"):
      index += 2
      return .parameter(scanBracedParameter(openedAt: start))
    case UInt8(ascii: "'") where !inDoubleQuotes:
      return scanAnsiCQuoted()
    case UInt8(ascii: "\"") where !inDoubleQuotes:
      index += 1
      return .doubleQuoted(scanDoubleQuoted())
    case _ where ShellName.isNameStart(next):
      let length = ShellName.nameLength(in: bytes, from: index + 1, end: end)
      let name = String(decoding: bytes[index + 1..<index + 1 + length], as: UTF8.self)
      index += 1 + length
      return .parameter(ParameterExpansion(name: name, isBraced: false, at: baseOffset + start))
    case _ where ShellName.isDigit(next) || Self.isSpecialParameter(next):
      index += 2
      let name = String(Character(Unicode.Scalar(next)))
      return .parameter(ParameterExpansion(name: name, isBraced: false, at: baseOffset + start))
    default:
      index += 1
      return .literal("$")
    }
  }

  /// Scans the inside of `${…}` (``index`` is just after the brace) including the closing brace.
  private mutating func scanBracedParameter(openedAt start: Int) -> ParameterExpansion {
    var expansion = ParameterExpansion(name: "", isBraced: true, at: baseOffset + start)
    guard enterNesting() else { return expansion }
    defer { depth -= 1 }
    if let byte = peek(0), let next = peek(1), next != UInt8(ascii: "}") {
      let nextStartsName =
        ShellName.isNameStart(next) || ShellName.isDigit(next) || next == UInt8(ascii: "@")
        || next == UInt8(ascii: "*")
      if byte == UInt8(ascii: "#"), nextStartsName {
        expansion.form = .length
        index += 1
      } else if byte == UInt8(ascii: "!"), nextStartsName {
        expansion.form = .indirect
        index += 1
      }
    }
    expansion.name = scanParameterName()
    if expansion.name.isEmpty, index < end {
      diagnose("bad substitution: '${' is not followed by a parameter name", at: start)
    }
    if peek(0) == UInt8(ascii: "[") {
      index += 1
      expansion.arrayIndex = scanEnclosedWord(closer: UInt8(ascii: "]"), opener: UInt8(ascii: "["))
      if peek(0) == UInt8(ascii: "]") { index += 1 }
    }
    if expansion.form == .indirect {
      if expansion.indexIsAllElements {
        expansion.form = .keys
      } else if expansion.arrayIndex == nil, let byte = peek(0),
        byte == UInt8(ascii: "*") || byte == UInt8(ascii: "@"), peek(1) == UInt8(ascii: "}")
      {
        expansion.form = .namesWithPrefix
        index += 1
      }
    }
    if index < end, peek(0) != UInt8(ascii: "}") {
      expansion.operation = scanParameterOperation()
      if expansion.operation == nil, !expansion.name.isEmpty {
        diagnose("bad substitution: unexpected character after '${\(expansion.name)'", at: index)
      }
      expansion.argument = scanEnclosedWord(closer: UInt8(ascii: "}"), opener: UInt8(ascii: "{"))
    }
    if peek(0) == UInt8(ascii: "}") {
      index += 1
    } else if !abandoned {
      diagnose("unterminated parameter expansion: no '}' closes the '${' here", at: start)
    }
    return expansion
  }

  /// Scans a parameter name inside `${…}`: a variable name, digits, or one special character.
  private mutating func scanParameterName() -> String {
    guard let byte = peek(0) else { return "" }
    let nameStart = index
    if ShellName.isNameStart(byte) {
      index += ShellName.nameLength(in: bytes, from: index, end: end)
    } else if ShellName.isDigit(byte) {
      while index < end, ShellName.isDigit(bytes[index]) { index += 1 }
    } else if Self.isSpecialParameter(byte) || byte == UInt8(ascii: "0") {
      index += 1
    }
    return String(decoding: bytes[nameStart..<index], as: UTF8.self)
  }

  /// Scans the operator after the name in `${name…}`, if any.
  private mutating func scanParameterOperation() -> ParameterExpansion.Operation? {
    for operation in ParameterExpansion.Operation.matchingOrder {
      let spelling = operation.rawValue.utf8
      if index + spelling.count <= end, bytes[index..<index + spelling.count].elementsEqual(spelling) {
        index += spelling.count
        return operation
      }
    }
    return nil
  }

  /// Scans an arithmetic expression up to and including its closing `))` (``index`` is just after
  /// the opening `((` or `$((`).
  private mutating func scanArithmetic(openedAt start: Int) -> ShellWord {
    let contentStart = index
    guard enterNesting() else { return ShellWord([], at: baseOffset + contentStart) }
    defer { depth -= 1 }
    var builder = WordPartsBuilder()
    var nesting = 0
    while index < end {
      let byte = bytes[index]
      switch byte {
      case UInt8(ascii: "("):
        nesting += 1
        builder.literal.append(byte)
        index += 1
      case UInt8(ascii: ")") where nesting > 0:
        nesting -= 1
        builder.literal.append(byte)
        index += 1
      case UInt8(ascii: ")"):
        if peek(1) == UInt8(ascii: ")") {
          index += 2
        } else {
          diagnose("unbalanced parenthesis in arithmetic expression opened here", at: start)
          index += 1
        }
        return builder.word(at: baseOffset + contentStart)
      default:
        scanWordPiece(byte, into: &builder, expansionsAsInDoubleQuotes: true)
      }
    }
    if !abandoned {
      diagnose("unterminated arithmetic expression: no '))' closes the one opened here", at: start)
    }
    return builder.word(at: baseOffset + contentStart)
  }

  /// Scans `` `…` `` starting at the opening backquote, then lexes its unescaped content.
  private mutating func scanBackquoted(inDoubleQuotes: Bool) -> WordPart {
    let start = index
    index += 1
    var content: [UInt8] = []
    var closed = false
    while index < end {
      let byte = bytes[index]
      if byte == UInt8(ascii: "`") {
        index += 1
        closed = true
        break
      }
      if byte == UInt8(ascii: "\\"), let next = peek(1),
        next == UInt8(ascii: "`") || next == UInt8(ascii: "\\") || next == UInt8(ascii: "$")
          || (inDoubleQuotes && next == UInt8(ascii: "\""))
      {
        content.append(next)
        index += 2
      } else {
        content.append(byte)
        index += 1
      }
    }
    if !closed {
      diagnose("unbalanced backquote: no closing ` for the one here", at: start)
    }
    var inner = ScriptScanner(bytes: content, baseOffset: baseOffset + start + 1)
    inner.depth = depth + 1
    let tokens = inner.scanTokens(untilCloseParenthesis: false)
    diagnostics += inner.diagnostics
    if inner.abandoned { abandon() }
    return .commandSubstitution(tokens)
  }

  // MARK: - Helpers

  /// Whether `byte`, directly before `(`, starts an extended glob such as `!(*.la)`.
  private static func startsExtendedGlob(_ byte: UInt8) -> Bool {
    switch byte {
    case UInt8(ascii: "@"), UInt8(ascii: "!"), UInt8(ascii: "*"), UInt8(ascii: "+"), UInt8(ascii: "?"): true
    default: false
    }
  }

  /// Whether `byte` is a special parameter that can follow `$` directly (`$@`, `$?`, …).
  private static func isSpecialParameter(_ byte: UInt8) -> Bool {
    switch byte {
    case UInt8(ascii: "@"), UInt8(ascii: "*"), UInt8(ascii: "#"), UInt8(ascii: "?"), UInt8(ascii: "-"),
      UInt8(ascii: "$"), UInt8(ascii: "!"):
      true
    default: false
    }
  }

  /// Whether a backslash escapes `byte` in quoted content (`"` only inside double quotes).
  private static func isEscapable(_ byte: UInt8, in context: QuotedContext) -> Bool {
    switch byte {
    case UInt8(ascii: "$"), UInt8(ascii: "`"), UInt8(ascii: "\\"): true
    case UInt8(ascii: "\""): context == .doubleQuotes
    default: false
    }
  }

  /// The byte `distance` positions after ``index``, if inside the input.
  func peek(_ distance: Int) -> UInt8? {
    let position = index + distance
    return position < end ? bytes[position] : nil
  }

  /// Records a problem at a position in `bytes` (converted to a script offset).
  mutating func diagnose(_ message: String, at position: Int) {
    guard !abandoned else { return }
    diagnostics.append(LexerDiagnostic(message, at: baseOffset + max(0, position)))
  }

  /// Enters one nesting level; when too deep, abandons the rest of the input and returns `false`.
  mutating func enterNesting() -> Bool {
    guard !abandoned, depth < ShellLexer.maximumNestingDepth else {
      if !abandoned {
        diagnose(
          "nesting deeper than \(ShellLexer.maximumNestingDepth) levels; the rest of the script is not analysed",
          at: index)
        abandon()
      }
      index = end
      return false
    }
    depth += 1
    return true
  }

  /// Stops lexing: skips to the end of input and silences further diagnostics.
  private mutating func abandon() {
    abandoned = true
    index = end
  }
}
