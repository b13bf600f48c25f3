/// Spelling of Nix literals: strings, attribute names, paths.
public enum NixSyntax {
  /// The Nix keywords, which cannot be bare attribute names.
  static let keywords: Set<String> = [
    "if", "then", "else", "assert", "with", "let", "in", "rec", "inherit", "or",
  ]

  /// A double-quoted Nix string literal whose value is exactly `text`: `"`, `\` and `${` are
  /// escaped, as are newline, carriage return and tab.
  public static func stringLiteral(_ text: String) -> String {
    var result = "\""
    let scalars = Array(text.unicodeScalars)
    for (index, scalar) in scalars.enumerated() {
      switch scalar {
      case "\"": result += "\\\""
      case "\\": result += "\\\\"
      case "\n": result += "\\n"
      case "\r": result += "\\r"
      case "\t": result += "\\t"
      case "$" where index + 1 < scalars.count && scalars[index + 1] == "{": result += "\\$"
      default: result.unicodeScalars.append(scalar)
      }
    }
    return result + "\""
  }

  /// An attribute name: bare when it is a valid identifier and not a keyword, else quoted.
  public static func attributeName(_ name: String) -> String {
    isIdentifier(name) ? name : stringLiteral(name)
  }

  /// An attribute path (`a.b."c d"`) from its components.
  public static func attributePath(_ components: [String]) -> String {
    components.map(attributeName).joined(separator: ".")
  }

  /// Whether `name` is a Nix identifier (`[a-zA-Z_][a-zA-Z0-9_'-]*`, not a keyword).
  public static func isIdentifier(_ name: String) -> Bool {
    guard let first = name.unicodeScalars.first, !keywords.contains(name) else { return false }
    func isLetter(_ scalar: Unicode.Scalar) -> Bool {
      ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar) || scalar == "_"
    }
    return isLetter(first)
      && name.unicodeScalars.dropFirst().allSatisfy {
        isLetter($0) || ("0"..."9").contains($0) || $0 == "'" || $0 == "-"
      }
  }

  /// A Nix path literal for an absolute path. Paths with characters a path literal cannot hold
  /// are written as `/. + "/the path"`, which is the same path value.
  public static func pathLiteral(_ absolutePath: String) -> String {
    let plain = absolutePath.unicodeScalars.allSatisfy {
      ("a"..."z").contains($0) || ("A"..."Z").contains($0) || ("0"..."9").contains($0)
        || "._-+/".unicodeScalars.contains($0)
    }
    if plain && absolutePath.hasPrefix("/") && absolutePath.count > 1 && !absolutePath.hasSuffix("/") {
      return absolutePath
    }
    return "(/. + \(stringLiteral(absolutePath)))"
  }
}
