/// One part of a ``ShellWord``.
public indirect enum WordPart: Sendable, Equatable {
  /// Unquoted literal text, with backslash escapes already removed.
  case literal(String)
  /// Text that undergoes no expansion: `'…'`, `$'…'`, or the body of a quoted here-document.
  case singleQuoted(String)
  /// A double-quoted string `"…"` (also `$"…"`) with its own parts.
  case doubleQuoted([WordPart])
  /// A parameter expansion: `$x`, `${x}`, `${x:-…}`, `${#x}`, `${!x}`, ….
  case parameter(ParameterExpansion)
  /// A command substitution `$(…)` or `` `…` `` with the tokens of the inner script.
  case commandSubstitution([ShellToken])
  /// A process substitution `<(…)` or `>(…)` with the tokens of the inner script.
  case processSubstitution([ShellToken])
  /// An arithmetic expansion `$((…))`; the word holds the expression text and its expansions.
  case arithmetic(ShellWord)
  /// The compound value of an array assignment `name=(…)`, one word per element.
  case arrayLiteral([ShellWord])
}
