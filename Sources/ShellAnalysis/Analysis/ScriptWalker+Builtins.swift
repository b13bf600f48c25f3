/// The effects of bash builtins on variables, the working directory and analysability.
extension ScriptWalker {
  /// Applies what the builtin (or stdenv function) `name` does with its arguments (the arguments'
  /// expansions are already scanned). Other commands have no effect beyond their arguments.
  mutating func applyBuiltin(
    _ name: String, arguments: ArraySlice<ShellWord>, at offset: Int, inSubshell: Bool
  ) {
    switch name {
    case "export", "declare", "typeset", "local", "readonly":
      applyDeclaration(name, arguments: arguments)
    case "read":
      applyRead(arguments: arguments, at: offset)
    case "mapfile", "readarray":
      applyMapfile(arguments: arguments)
    case "printf":
      applyPrintf(arguments: arguments)
    case "unset":
      applyUnset(arguments: arguments)
    case "getopts":
      if arguments.count >= 2 { recordAssignedName(arguments[arguments.startIndex + 1], by: name) }
      writes.formUnion(["OPTARG", "OPTIND"])
      reads.insert("OPTIND")
    case "let":
      for argument in arguments { scanArithmetic(argument) }
    case "eval":
      recordUncertainty(.eval, "eval runs code that is only known at run time", at: offset)
    case "source", ".":
      recordUncertainty(.sourcedFile, "'\(name)' runs code from a file that is not analysed", at: offset)
    case "trap":
      // `trap - SIG` resets, `trap '' SIG` ignores, `-p`/`-l` print: no handler code is installed.
      if let first = arguments.first, !["-", "", "-p", "-l"].contains(first.staticText) {
        recordUncertainty(
          .trapHandler, "trap installs handler code that runs later and is not analysed", at: offset)
      }
    case "cd", "pushd", "popd":
      if !inSubshell { changesDirectory = true }
    case "test", "[":
      applyTest(arguments: arguments)
    case "builtin", "command":
      guard let inner = arguments.first, let innerName = inner.staticText, !innerName.hasPrefix("-") else {
        return
      }
      commandsCalled.insert(innerName)
      applyBuiltin(innerName, arguments: arguments.dropFirst(), at: inner.offset, inSubshell: inSubshell)
    default:
      applyStdenvFunction(name, arguments: arguments, at: offset)
    }
  }

  /// `export`/`declare`/`typeset`/`local`/`readonly`: names and assignments are writes; a bare name
  /// (no value) also reads the variable, except with `local`, whose variable starts empty.
  private mutating func applyDeclaration(_ builtin: String, arguments: ArraySlice<ShellWord>) {
    var declaresFunctions = false
    var prints = false
    var isNameReference = false
    var declaresAssociativeArrays = false
    var optionsEnded = false
    for argument in arguments {
      if !optionsEnded, let option = Self.optionText(argument, allowingPlus: true),
        AssignmentWord(declarationArgument: argument) == nil
      {
        if option == "--" {
          optionsEnded = true
          continue
        }
        let flags = option.dropFirst()
        if flags.contains("f") || flags.contains("F") { declaresFunctions = true }
        if flags.contains("p") { prints = true }
        if flags.contains("A"), option.hasPrefix("-") { declaresAssociativeArrays = true }
        if flags.contains("n"), option.hasPrefix("-"), builtin != "export" { isNameReference = true }
        continue
      }
      optionsEnded = true
      guard !declaresFunctions else { continue }
      if declaresAssociativeArrays,
        let text = argument.unquotedText ?? argument.parts.first.flatMap(Self.leadingLiteral),
        let name = ShellName.variableName(ofAssignment: text)
      {
        associativeArrays.insert(name)
      }
      if let assignment = AssignmentWord(declarationArgument: argument) {
        recordAssignment(assignment)
      } else if let name = argument.staticText, ShellName.isValidVariableName(name) {
        if prints {
          reads.insert(name)
        } else {
          writes.insert(name)
          // Outside a function these keep the current value; only `local` always starts afresh.
          if builtin != "local" { reads.insert(name) }
        }
      } else {
        recordUncertainty(
          .dynamicVariableName, "'\(builtin)' of a variable whose name is only known at run time",
          at: argument.offset)
        continue
      }
      if isNameReference {
        recordUncertainty(
          .nameReference, "'\(builtin) -n' makes a name reference: later uses alias another variable",
          at: argument.offset)
      }
    }
  }

  /// `read [-options] [NAME…]`: every name (or `REPLY`), and the `-a` array, is written.
  private mutating func applyRead(arguments: ArraySlice<ShellWord>, at offset: Int) {
    let (names, assignsArray) = parseOptions(arguments, withValues: "adinNptu", arrayOption: "a", by: "read")
    if names.isEmpty, !assignsArray {
      writes.insert("REPLY")
    }
    for name in names { recordAssignedName(name, by: "read") }
  }

  /// `mapfile`/`readarray [-options] [ARRAY]`: the array (default `MAPFILE`) is written.
  private mutating func applyMapfile(arguments: ArraySlice<ShellWord>) {
    let (names, _) = parseOptions(arguments, withValues: "dnOsuCc", arrayOption: nil, by: "mapfile")
    if let array = names.first {
      recordAssignedName(array, by: "mapfile")
    } else {
      writes.insert("MAPFILE")
    }
  }

  /// `printf -v NAME …`: NAME is written.
  private mutating func applyPrintf(arguments: ArraySlice<ShellWord>) {
    guard let first = arguments.first, let option = first.staticText, option.hasPrefix("-v") else { return }
    if option == "-v" {
      guard arguments.count >= 2 else { return }
      recordAssignedName(arguments[arguments.startIndex + 1], by: "printf -v")
    } else {
      recordAssignedName(
        ShellWord([.literal(String(option.dropFirst(2)))], at: first.offset), by: "printf -v")
    }
  }

  /// `unset [-v|-f|-n] NAME…`: each variable counts as written (functions with `-f` do not).
  private mutating func applyUnset(arguments: ArraySlice<ShellWord>) {
    var unsetsFunctions = false
    var optionsEnded = false
    for argument in arguments {
      if !optionsEnded, let option = Self.optionText(argument, allowingPlus: false) {
        if option == "--" { optionsEnded = true }
        if option.dropFirst().contains("f") { unsetsFunctions = true }
        continue
      }
      optionsEnded = true
      if unsetsFunctions { continue }
      recordAssignedName(argument, by: "unset")
    }
  }

  /// `test`/`[`: `-v NAME` reads NAME.
  private mutating func applyTest(arguments: ArraySlice<ShellWord>) {
    var previous: String?
    for argument in arguments {
      let text = argument.staticText
      if previous == "-v", let name = text.flatMap(ShellName.variableName(ofReference:)) {
        reads.insert(name)
      }
      previous = text
    }
  }

  /// Records a write of the variable named by `word` (a name or `name[subscript]`); a name computed
  /// at run time is an uncertainty.
  private mutating func recordAssignedName(_ word: ShellWord, by builtin: String) {
    if let text = word.staticText, let name = ShellName.variableName(ofReference: text) {
      writes.insert(name)
    } else {
      recordUncertainty(
        .dynamicVariableName, "'\(builtin)' assigns a variable whose name is only known at run time",
        at: word.offset)
    }
  }

  /// Parses `-abc`-style options; `withValues` lists the option letters that take a value (attached
  /// or in the next word). The value of `arrayOption` is recorded as an assigned array. Returns the
  /// operands after the options and whether the array option was given.
  private mutating func parseOptions(
    _ arguments: ArraySlice<ShellWord>, withValues: String, arrayOption: Character?, by builtin: String
  ) -> (operands: ArraySlice<ShellWord>, assignsArray: Bool) {
    var index = arguments.startIndex
    var assignsArray = false
    while index < arguments.endIndex, let option = Self.optionText(arguments[index], allowingPlus: false) {
      index += 1
      if option == "--" { break }
      let letters = Array(option.dropFirst())
      for (position, letter) in letters.enumerated() where withValues.contains(letter) {
        let attached = String(letters[(position + 1)...])
        var value: ShellWord?
        if !attached.isEmpty {
          value = ShellWord([.literal(attached)], at: arguments[index - 1].offset)
        } else if index < arguments.endIndex {
          value = arguments[index]
          index += 1
        }
        if letter == arrayOption, let value {
          recordAssignedName(value, by: builtin)
          assignsArray = true
        }
        break
      }
    }
    return (arguments[index...], assignsArray)
  }

  /// The text of a literal part.
  private static func leadingLiteral(_ part: WordPart) -> String? {
    if case .literal(let text) = part { return text }
    return nil
  }

  /// The text of an option word (`-x`, `--`, and with `allowingPlus` also `+x`), or `nil`.
  private static func optionText(_ word: ShellWord, allowingPlus: Bool) -> String? {
    guard let text = word.staticText, text.count > 1 else { return nil }
    guard text.hasPrefix("-") || (allowingPlus && text.hasPrefix("+")) else { return nil }
    return text
  }
}
