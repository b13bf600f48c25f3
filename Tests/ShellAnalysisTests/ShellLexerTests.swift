import ShellAnalysis
import Testing

/// Unit tests of ``ShellLexer``: token boundaries, quoting, expansions, substitutions, here-documents.
struct ShellLexerTests {
  private func tokens(_ source: String) -> [ShellToken.Kind] {
    ShellLexer.tokenize(source).tokens.map(\.kind)
  }

  private func words(_ source: String) -> [ShellWord] {
    ShellLexer.tokenize(source).tokens.compactMap(\.word)
  }

  private func singleWordParts(_ source: String) -> [WordPart] {
    let found = words(source)
    #expect(found.count == 1, "expected one word in \(source)")
    return found.first?.parts ?? []
  }

  @Test func splitsWordsAndOperators() {
    let kinds = tokens("a b|c && d || e; f & g\nh;;i")
    let operators = kinds.compactMap { kind -> ShellOperator? in
      if case .operator(let op) = kind { return op }
      return nil
    }
    #expect(operators == [.pipe, .and, .or, .semicolon, .background, .caseBreak])
    #expect(
      words("a b|c && d || e; f & g\nh;;i").compactMap(\.unquotedText) == [
        "a", "b", "c", "d", "e", "f", "g", "h", "i",
      ])
    #expect(kinds.filter { $0 == .newline }.count == 1)
  }

  @Test(arguments: [
    ("<", ShellOperator.input), (">", .output), (">>", .append), (">|", .clobber), ("<>", .readWrite),
    ("<&", .duplicateInput), (">&", .duplicateOutput), ("&>", .outputAndError),
    ("&>>", .appendOutputAndError),
    ("<<<", .hereString), ("|&", .pipeWithStandardError), (";&", .caseFallThrough), (";;&", .caseContinue),
  ])
  func recognisesRedirectionAndCaseOperators(spelling: String, expected: ShellOperator) {
    let kinds = tokens("cmd \(spelling) target")
    #expect(kinds.contains(.operator(expected)))
    #expect(words("cmd \(spelling) target").compactMap(\.unquotedText) == ["cmd", "target"])
  }

  @Test func fileDescriptorNumbersBelongToRedirections() {
    #expect(words("make 2>&1").compactMap(\.unquotedText) == ["make", "1"])
    #expect(tokens("make 2>&1").contains(.operator(.duplicateOutput)))
  }

  @Test func quotingAndEscapes() {
    #expect(singleWordParts(#"'a $b'"#) == [.singleQuoted("a $b")])
    #expect(singleWordParts(#"a\ b"#) == [.literal("a b")])
    #expect(singleWordParts(#""x \$y \"z\" \q""#) == [.doubleQuoted([.literal(#"x $y "z" \q"#)])])
    #expect(singleWordParts(#"$'tab\t\'q'"#) == [.singleQuoted(#"tab\t\'q"#)])
    #expect(words("a\\\nb").compactMap(\.unquotedText) == ["ab"])
  }

  @Test func commentsOnlyAtWordStart() {
    #expect(words("echo a#b # c d").compactMap(\.unquotedText) == ["echo", "a#b"])
  }

  @Test func simpleAndBracedParameters() {
    guard case .parameter(let plain) = singleWordParts("$name").first else {
      Issue.record("no parameter")
      return
    }
    #expect(plain.name == "name" && !plain.isBraced && plain.form == .value)

    guard case .parameter(let braced) = singleWordParts("${name:-$other}").first else {
      Issue.record("no parameter")
      return
    }
    #expect(braced.name == "name" && braced.isBraced && braced.operation == .defaultIfUnsetOrNull)
    #expect(braced.argument?.parts.count == 1)
  }

  @Test(arguments: [
    ("${x:-a}", ParameterExpansion.Operation.defaultIfUnsetOrNull), ("${x-a}", .defaultIfUnset),
    ("${x:=a}", .assignIfUnsetOrNull), ("${x=a}", .assignIfUnset), ("${x:?a}", .errorIfUnsetOrNull),
    ("${x:+a}", .alternativeIfSetAndNotNull), ("${x#a}", .removeShortestPrefix),
    ("${x##a}", .removeLongestPrefix),
    ("${x%a}", .removeShortestSuffix), ("${x%%a}", .removeLongestSuffix), ("${x/a/b}", .replaceFirst),
    ("${x//a/b}", .replaceAll), ("${x/#a/b}", .replacePrefix), ("${x/%a/b}", .replaceSuffix),
    ("${x^^}", .uppercaseAll), ("${x,}", .lowercaseFirst), ("${x@Q}", .transform), ("${x:1:2}", .substring),
  ])
  func parameterOperations(source: String, expected: ParameterExpansion.Operation) {
    guard case .parameter(let expansion) = singleWordParts(source).first else {
      Issue.record("no parameter in \(source)")
      return
    }
    #expect(expansion.name == "x")
    #expect(expansion.operation == expected)
    #expect(ShellLexer.tokenize(source).diagnostics.isEmpty)
  }

  @Test(arguments: [
    ("${#x}", "x", ParameterExpansion.Form.length), ("${!x}", "x", .indirect), ("${!x[@]}", "x", .keys),
    ("${!pre*}", "pre", .namesWithPrefix), ("${!pre@}", "pre", .namesWithPrefix), ("${x[@]}", "x", .value),
    ("${#}", "#", .value), ("${!}", "!", .value), ("$1", "1", .value), ("${10}", "10", .value),
  ])
  func parameterForms(source: String, name: String, form: ParameterExpansion.Form) {
    guard case .parameter(let expansion) = singleWordParts(source).first else {
      Issue.record("no parameter in \(source)")
      return
    }
    #expect(expansion.name == name)
    #expect(expansion.form == form)
  }

  @Test func arraySubscripts() {
    guard case .parameter(let expansion) = singleWordParts("${arr[$i + 1]}").first else {
      Issue.record("no parameter")
      return
    }
    #expect(expansion.arrayIndex?.parts.count == 2)
    #expect(!expansion.indexIsAllElements)
  }

  @Test func nestedCommandSubstitutions() {
    guard case .commandSubstitution(let outer) = singleWordParts(#"$(a "$(b $(c))")"#).first else {
      Issue.record("no command substitution")
      return
    }
    #expect(outer.compactMap(\.word).count == 2)
    guard case .doubleQuoted(let quoted) = outer.last?.word?.parts.first,
      case .commandSubstitution(let middle) = quoted.first
    else {
      Issue.record("no nested substitution")
      return
    }
    guard case .commandSubstitution(let inner) = middle.last?.word?.parts.first else {
      Issue.record("no innermost substitution")
      return
    }
    #expect(inner.compactMap(\.word).compactMap(\.unquotedText) == ["c"])
  }

  @Test func backquotesAreLexedRecursively() {
    guard case .commandSubstitution(let inner) = singleWordParts(#"`echo \`date\``"#).first else {
      Issue.record("no backquoted substitution")
      return
    }
    #expect(inner.first?.word?.unquotedText == "echo")
    guard case .commandSubstitution(let nested) = inner.last?.word?.parts.first else {
      Issue.record("no nested backquotes")
      return
    }
    #expect(nested.first?.word?.unquotedText == "date")
  }

  @Test func arithmeticExpansionAndCommand() {
    guard case .arithmetic(let expression) = singleWordParts("$(( (a + 1) * $b ))").first else {
      Issue.record("no arithmetic")
      return
    }
    #expect(expression.parts.first == .literal(" (a + 1) * "))
    guard case .arithmeticCommand(let command) = tokens("(( i++ ))").first else {
      Issue.record("no arithmetic command")
      return
    }
    #expect(command.unquotedText == " i++ ")
  }

  @Test func processSubstitution() {
    guard case .processSubstitution(let inner) = singleWordParts("<(sort file)").first else {
      Issue.record("no process substitution")
      return
    }
    #expect(inner.compactMap(\.word).compactMap(\.unquotedText) == ["sort", "file"])
  }

  @Test func arrayAssignment() {
    let parts = singleWordParts(#"flags=(a "b c" $d)"#)
    #expect(parts.first == .literal("flags="))
    guard case .arrayLiteral(let elements) = parts.last else {
      Issue.record("no array literal")
      return
    }
    #expect(elements.count == 3)
  }

  @Test func extendedGlobStaysInOneWord() {
    #expect(words("rm !(a|b) x").compactMap(\.unquotedText) == ["rm", "!(a|b)", "x"])
  }

  @Test func unquotedHereDocumentExpands() {
    let kinds = tokens("cat <<EOF\nhello $name\nEOF\necho done")
    guard
      let body = kinds.compactMap({ kind -> ShellWord? in
        if case .hereDocumentBody(let word) = kind { return word }
        return nil
      }).first
    else {
      Issue.record("no here-document body")
      return
    }
    #expect(body.parts.contains { if case .parameter = $0 { true } else { false } })
    #expect(
      words("cat <<EOF\nhello $name\nEOF\necho done").compactMap(\.unquotedText) == [
        "cat", "EOF", "echo", "done",
      ])
  }

  @Test(arguments: ["<<'EOF'", "<<\"EOF\"", "<<\\EOF", "<<E'O'F"])
  func quotedHereDocumentIsLiteral(delimiter: String) {
    let tokenization = ShellLexer.tokenize("cat \(delimiter)\n$x `y`\nEOF\n")
    #expect(tokenization.diagnostics.isEmpty)
    let bodies = tokenization.tokens.compactMap { token -> ShellWord? in
      if case .hereDocumentBody(let word) = token.kind { return word }
      return nil
    }
    #expect(bodies.map(\.parts) == [[.singleQuoted("$x `y`\n")]])
  }

  @Test func tabStrippingHereDocument() {
    let tokenization = ShellLexer.tokenize("cat <<-END\n\tline\n\tEND\necho after\n")
    #expect(tokenization.diagnostics.isEmpty)
    #expect(
      tokenization.tokens.compactMap(\.word).compactMap(\.unquotedText) == ["cat", "END", "echo", "after"])
  }

  @Test func caseInsideCommandSubstitution() {
    let tokenization = ShellLexer.tokenize("x=$(case $a in b) echo c ;; esac) y")
    #expect(tokenization.diagnostics.isEmpty)
    #expect(tokenization.tokens.compactMap(\.word).count == 2)
  }

  @Test(arguments: [
    ("echo 'open", 5), ("echo \"open", 5), ("a=$(open", 2), ("${x", 0), ("`open", 0), ("$((1 + 2", 0),
    ("cat <<EOF\nno end", 10),
  ])
  func unterminatedConstructsAreDiagnosedAtTheirStart(source: String, offset: Int) {
    let diagnostics = ShellLexer.tokenize(source).diagnostics
    #expect(diagnostics.count == 1)
    #expect(diagnostics.first?.offset == offset)
  }
}
