/// What stdenv's setup.sh functions read through variable names given as arguments, which plain
/// analysis of the call cannot see.
extension ScriptWalker {
  /// Applies the effects of the stdenv function `name` (nothing for other commands).
  mutating func applyStdenvFunction(_ name: String, arguments: ArraySlice<ShellWord>, at offset: Int) {
    switch name {
    case "runHook", "runOneHook":
      // `runHook NAME` runs the hook variable (or function) NAME and the hooks in `${NAME%Hook}Hooks`.
      guard let hook = arguments.first?.staticText, ShellName.isValidVariableName(hook) else {
        if !arguments.isEmpty {
          recordUncertainty(
            .indirectExpansion, "'\(name)' of a hook whose name is only known at run time", at: offset)
        }
        return
      }
      reads.insert(hook)
      reads.insert((hook.hasSuffix("Hook") ? String(hook.dropLast(4)) : hook) + "Hooks")
    case "substitute", "substituteInPlace":
      // `--subst-var NAME` replaces `@NAME@` with the value of the variable NAME.
      var previous: String?
      for argument in arguments {
        let text = argument.staticText
        if previous == "--subst-var" {
          if let variable = text, ShellName.isValidVariableName(variable) {
            reads.insert(variable)
          } else {
            recordUncertainty(
              .indirectExpansion, "'--subst-var' of a variable whose name is only known at run time",
              at: argument.offset)
          }
        }
        previous = text
      }
    case "substituteAll", "substituteAllInPlace":
      recordUncertainty(
        .indirectExpansion,
        "'\(name)' replaces @NAME@ for every variable NAME, so it reads variables by name",
        at: offset)
    default:
      break
    }
  }
}
