/// Nix source text for values the harness writes into expressions.
enum NixLiteral {
  /// A double-quoted Nix string holding `value` verbatim.
  static func string(_ value: String) -> String {
    let escaped =
      value
      .replacingOccurrences(of: "\\", with: "\\\\")
      .replacingOccurrences(of: "\"", with: "\\\"")
      .replacingOccurrences(of: "${", with: "\\${")
    return "\"\(escaped)\""
  }

  /// A Nix list of strings.
  static func list(_ values: [String]) -> String {
    "[ " + values.map(string).joined(separator: " ") + " ]"
  }

  /// A Nix path value for an absolute filesystem path.
  static func path(_ absolutePath: String) -> String {
    "(/. + \(string(absolutePath)))"
  }
}
