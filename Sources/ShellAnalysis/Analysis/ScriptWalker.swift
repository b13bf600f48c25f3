/// Walks lexed tokens, recognising the command structure (simple commands, reserved words, `case`,
/// `[[ … ]]`, function definitions, subshells) and accumulating a ``ScriptAnalysis``.
struct ScriptWalker {
  /// A construct the walker is inside of, innermost last.
  enum Frame: Equatable {
    /// Between `case WORD in` (or `;;`) and the `)` that ends a pattern list.
    case casePatterns
    /// The commands of a `case` item.
    case caseBody
    /// A `( … )` subshell.
    case subshell
  }

  /// An uncertainty before its offset is turned into a line and column.
  struct PendingUncertainty {
    var kind: Uncertainty.Kind
    var reason: String
    var offset: Int
  }

  let outputNames: Set<String>
  var reads: Set<String> = []
  var writes: Set<String> = []
  var functionsDefined: Set<String> = []
  var commandsCalled: Set<String> = []
  var changesDirectory = false
  var usesOutputIndirection = false
  /// Arrays declared associative (`declare -A`) so far: their subscripts are strings, not arithmetic.
  var associativeArrays: Set<String> = []
  var uncertainties: [PendingUncertainty] = []

  init(outputNames: Set<String>) {
    self.outputNames = outputNames
  }

  /// The analysis, with uncertainty offsets resolved against the script's bytes.
  func finish(positionsIn bytes: [UInt8]) -> ScriptAnalysis {
    let ordered = uncertainties.enumerated().sorted { lhs, rhs in
      (lhs.element.offset, lhs.offset) < (rhs.element.offset, rhs.offset)
    }.map(\.element)
    let positions = SourcePosition.positions(ofSortedOffsets: ordered.map(\.offset), in: bytes)
    return ScriptAnalysis(
      reads: reads,
      writes: writes,
      functionsDefined: functionsDefined,
      commandsCalled: commandsCalled,
      changesDirectory: changesDirectory,
      outputsUsed: usesOutputIndirection ? outputNames : reads.intersection(outputNames),
      readsSource: reads.contains("src") || reads.contains("srcs"),
      uncertainties: zip(ordered, positions).map { pending, position in
        Uncertainty(kind: pending.kind, reason: pending.reason, position: position)
      })
  }

  mutating func recordUncertainty(_ kind: Uncertainty.Kind, _ reason: String, at offset: Int) {
    uncertainties.append(PendingUncertainty(kind: kind, reason: reason, offset: offset))
  }

  // MARK: - Command structure

  /// Walks a token list. `inSubshell` is true inside command and process substitutions.
  mutating func walk(_ tokens: [ShellToken], inSubshell: Bool) {
    var frames: [Frame] = []
    var openSubshells = 0
    var index = 0
    var atCommandStart = true
    while index < tokens.count {
      switch tokens[index].kind {
      case .newline:
        index += 1
        atCommandStart = true
      case .hereDocumentBody(let body):
        scan(body)
        index += 1
      case .arithmeticCommand(let expression):
        scanArithmetic(expression)
        index += 1
        atCommandStart = false
      case .operator(let shellOperator):
        index += 1
        if frames.last == .casePatterns {
          if shellOperator == .closeParenthesis {
            frames[frames.count - 1] = .caseBody
            atCommandStart = true
          }
          continue
        }
        if shellOperator.isRedirection {
          index = scanRedirectionTarget(of: shellOperator, in: tokens, at: index)
          continue
        }
        switch shellOperator {
        case .openParenthesis:
          frames.append(.subshell)
          openSubshells += 1
        case .closeParenthesis:
          if openSubshells > 0, let subshell = frames.lastIndex(of: .subshell) {
            frames.removeSubrange(subshell...)
            openSubshells -= 1
          }
        case .caseBreak, .caseFallThrough, .caseContinue:
          if frames.last == .caseBody { frames[frames.count - 1] = .casePatterns }
        default:
          break
        }
        atCommandStart = true
      case .word(let word):
        if frames.last == .casePatterns {
          if word.unquotedText == "esac" {
            frames.removeLast()
            atCommandStart = false
          } else {
            scan(word)
          }
          index += 1
        } else if atCommandStart {
          let inSubshellHere = inSubshell || openSubshells > 0
          (index, atCommandStart) = walkCommand(
            at: index, in: tokens, frames: &frames, inSubshell: inSubshellHere)
        } else {
          scan(word)
          index += 1
        }
      }
    }
  }

  /// Walks the command whose first word is `tokens[start]`; returns where to continue and whether
  /// that position is a command start.
  private mutating func walkCommand(
    at start: Int, in tokens: [ShellToken], frames: inout [Frame], inSubshell: Bool
  ) -> (Int, Bool) {
    let text = tokens[start].word?.unquotedText
    switch text {
    case .some(let reserved) where ReservedWord.keepsCommandPosition(reserved):
      return (start + 1, true)
    case .some(let reserved) where ReservedWord.closesCompoundCommand(reserved):
      return (start + 1, false)
    case "esac":
      if frames.last == .caseBody { frames.removeLast() }
      return (start + 1, false)
    case "for", "select":
      return (walkForHeader(at: start + 1, in: tokens), false)
    case "case":
      var index = start + 1
      if index < tokens.count, let subject = tokens[index].word {
        scan(subject)
        index += 1
      }
      while index < tokens.count, tokens[index].kind == .newline { index += 1 }
      if index < tokens.count, tokens[index].word?.unquotedText == "in" { index += 1 }
      frames.append(.casePatterns)
      return (index, true)
    case "function":
      var index = start + 1
      if index < tokens.count, let name = tokens[index].word {
        if let text = name.staticText { functionsDefined.insert(text) }
        index += 1
      }
      if index + 1 < tokens.count, tokens[index].shellOperator == .openParenthesis,
        tokens[index + 1].shellOperator == .closeParenthesis
      {
        index += 2
      }
      return (index, true)
    case "[[":
      return (walkConditional(at: start + 1, in: tokens), false)
    default:
      break
    }
    if let name = text, ShellName.isValidFunctionName(name), start + 2 < tokens.count,
      tokens[start + 1].shellOperator == .openParenthesis,
      tokens[start + 2].shellOperator == .closeParenthesis
    {
      functionsDefined.insert(name)
      return (start + 3, true)
    }
    return (walkSimpleCommand(at: start, in: tokens, inSubshell: inSubshell), false)
  }

  /// Walks `NAME [in WORDS]` or `(( … ))` after `for`/`select`.
  private mutating func walkForHeader(at start: Int, in tokens: [ShellToken]) -> Int {
    var index = start
    guard index < tokens.count else { return index }
    if case .arithmeticCommand(let expression) = tokens[index].kind {
      scanArithmetic(expression)
      return index + 1
    }
    if let variable = tokens[index].word {
      if let name = variable.unquotedText, ShellName.isValidVariableName(name) {
        writes.insert(name)
      } else {
        scan(variable)
        recordUncertainty(
          .dynamicVariableName, "the loop variable's name is not a plain name", at: variable.offset)
      }
      index += 1
    }
    var lookahead = index
    while lookahead < tokens.count, tokens[lookahead].kind == .newline { lookahead += 1 }
    guard lookahead < tokens.count, tokens[lookahead].word?.unquotedText == "in" else { return index }
    index = lookahead + 1
    while index < tokens.count, let word = tokens[index].word {
      scan(word)
      index += 1
    }
    return index
  }

  /// Binary operators of `[[ … ]]` whose operands are arithmetic expressions.
  private static let arithmeticComparisons: Set<String> = ["-eq", "-ne", "-lt", "-le", "-gt", "-ge"]

  /// Walks the inside of `[[ … ]]` (start is after `[[`); returns the index after `]]`.
  private mutating func walkConditional(at start: Int, in tokens: [ShellToken]) -> Int {
    var index = start
    var previous: String?
    while index < tokens.count {
      switch tokens[index].kind {
      case .word(let word):
        let text = word.unquotedText
        if text == "]]" { return index + 1 }
        let next = index + 1 < tokens.count ? tokens[index + 1].word?.unquotedText : nil
        if previous == "-v", let variable = word.staticText.flatMap(ShellName.variableName(ofReference:)) {
          reads.insert(variable)
        } else if let text, ShellName.isValidVariableName(text),
          previous.map(Self.arithmeticComparisons.contains) == true
            || next.map(Self.arithmeticComparisons.contains) == true
        {
          reads.insert(text)
        }
        scan(word)
        previous = text
      case .hereDocumentBody(let body):
        scan(body)
      case .arithmeticCommand(let expression):
        scanArithmetic(expression)
      case .newline, .operator:
        break
      }
      index += 1
    }
    return index
  }

  /// Walks a simple command: prefix assignments, words and redirections up to a separator.
  private mutating func walkSimpleCommand(at start: Int, in tokens: [ShellToken], inSubshell: Bool) -> Int {
    var index = start
    var words: [ShellWord] = []
    scanning: while index < tokens.count {
      switch tokens[index].kind {
      case .word(let word):
        if words.isEmpty, let assignment = AssignmentWord(word) {
          recordAssignment(assignment)
        } else {
          words.append(word)
        }
        scan(word)
        index += 1
      case .operator(let shellOperator) where shellOperator.isRedirection:
        index = scanRedirectionTarget(of: shellOperator, in: tokens, at: index + 1)
      case .hereDocumentBody(let body):
        scan(body)
        index += 1
      default:
        break scanning
      }
    }
    if let first = words.first, let name = first.staticText {
      commandsCalled.insert(name)
      applyBuiltin(name, arguments: words.dropFirst(), at: first.offset, inSubshell: inSubshell)
    }
    return index
  }

  /// Scans the word after a redirection operator (not a here-document delimiter, which does not expand).
  private mutating func scanRedirectionTarget(
    of shellOperator: ShellOperator, in tokens: [ShellToken], at index: Int
  )
    -> Int
  {
    guard index < tokens.count, let target = tokens[index].word else { return index }
    if !shellOperator.startsHereDocument { scan(target) }
    return index + 1
  }

  // MARK: - Words and expansions

  /// Records an assignment's effects (the value's expansions are scanned with the whole word).
  mutating func recordAssignment(_ assignment: AssignmentWord) {
    writes.insert(assignment.name)
    if assignment.keepsOldValue { reads.insert(assignment.name) }
    if let index = assignment.literalSubscript, !associativeArrays.contains(assignment.name) {
      scanArithmeticText(index)
    }
  }

  /// Records the expansions in a word.
  mutating func scan(_ word: ShellWord) {
    for part in word.parts { scan(part) }
  }

  private mutating func scan(_ part: WordPart) {
    switch part {
    case .literal, .singleQuoted:
      break
    case .doubleQuoted(let parts):
      for inner in parts { scan(inner) }
    case .parameter(let expansion):
      record(expansion)
    case .commandSubstitution(let tokens), .processSubstitution(let tokens):
      walk(tokens, inSubshell: true)
    case .arithmetic(let expression):
      scanArithmetic(expression)
    case .arrayLiteral(let elements):
      for element in elements { scan(element) }
    }
  }

  /// Records a parameter expansion's reads, writes and uncertainties.
  private mutating func record(_ expansion: ParameterExpansion) {
    let name = expansion.name
    if expansion.isVariableName {
      switch expansion.form {
      case .value, .length, .keys:
        reads.insert(name)
      case .indirect:
        reads.insert(name)
        if ScriptAnalyzer.outputIndirectionVariables.contains(name) {
          usesOutputIndirection = true
        } else {
          recordUncertainty(
            .indirectExpansion,
            "${!\(name)} reads the variable whose name is the value of '\(name)', unknown before the build",
            at: expansion.offset)
        }
      case .namesWithPrefix:
        break
      }
      if expansion.operation?.assigns == true { writes.insert(name) }
    } else if expansion.form == .indirect {
      recordUncertainty(
        .indirectExpansion, "${!\(name)} reads a variable whose name is only known at run time",
        at: expansion.offset)
    }
    if let arrayIndex = expansion.arrayIndex, !expansion.indexIsAllElements {
      if associativeArrays.contains(name) {
        scan(arrayIndex)
      } else {
        scanArithmetic(arrayIndex)
      }
    }
    if let argument = expansion.argument {
      if expansion.operation == .substring {
        scanArithmetic(argument)
      } else {
        scan(argument)
      }
    }
  }

  /// Records an arithmetic expression: bare names in literal or quoted text (as `let 'x = y'` has),
  /// plus ordinary expansions.
  mutating func scanArithmetic(_ expression: ShellWord) {
    for part in expression.parts {
      switch part {
      case .literal(let text), .singleQuoted(let text):
        scanArithmeticText(text)
      case .doubleQuoted(let inner):
        scanArithmetic(ShellWord(inner, at: expression.offset))
      default:
        scan(part)
      }
    }
  }

  /// Records the bare names of literal arithmetic text.
  mutating func scanArithmeticText(_ text: String) {
    let names = ArithmeticNames(scanning: text)
    reads.formUnion(names.reads)
    writes.formUnion(names.writes)
  }
}
