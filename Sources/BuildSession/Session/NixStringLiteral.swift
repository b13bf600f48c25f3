/// Writes Nix string literals and attribute names.
public enum NixStringLiteral {
  /// `text` as a double-quoted Nix string: `\`, `"` and `${` escaped, control characters as
  /// `\n`, `\r`, `\t`.
  public static func quote(_ text: String) -> String {
    var result = "\""
    var previous: Character?
    for character in text {
      switch character {
      case "\\": result += "\\\\"
      case "\"": result += "\\\""
      case "\n": result += "\\n"
      case "\r": result += "\\r"
      case "\t": result += "\\t"
      case "{" where previous == "$": result += "\\{"
      default: result.append(character)
      }
      previous = character
    }
    return result + "\""
  }

  /// An attribute path `a.b` as a selection `."a"."b"`.
  public static func selection(_ attributePath: String) -> String {
    attributePath.split(separator: ".").map { "." + quote(String($0)) }.joined()
  }
}
