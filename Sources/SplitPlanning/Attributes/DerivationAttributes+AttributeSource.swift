import Derivations

/// A `.drv`'s attributes read as the Nix library reads `drvAttrs`: the same flags and word lists,
/// so the CLI and `splitPhases` plan a derivation alike.
extension DerivationAttributes: AttributeSource {
  /// Lists are joined with single spaces; a value bash never receives (a nested list or object)
  /// is the empty string.
  public func shellString(_ name: String) -> String? {
    self[name].map { $0.shellText ?? "" }
  }

  public func words(_ name: String) -> [String] {
    switch self[name] {
    case nil: return []
    case .string(let text)?: return Self.split(text)
    case .json(.array(let elements))?: return elements.flatMap { Self.split(Self.text($0)) }
    case .json(let value)?: return Self.split(Self.text(value))
    }
  }

  public func isSet(_ name: String) -> Bool {
    switch self[name] {
    case nil: return false
    case .string(let text)?: return !text.isEmpty
    case .json(let value)?:
      switch value {
      case .null: return false
      case .bool(let flag): return flag
      case .string(let text): return !text.isEmpty
      case .array(let elements):
        return elements.contains { element in
          if case .null = element { return false }
          if case .string(let text) = element { return !text.isEmpty }
          return true
        }
      case .number, .object: return true
      }
    }
  }

  /// Nix's `toString` of a JSON scalar (booleans: `1`/empty, null: empty).
  private static func text(_ value: JSONValue) -> String {
    switch value {
    case .null: ""
    case .bool(let flag): flag ? "1" : ""
    case .number(let literal): literal
    case .string(let text): text
    case .array(let elements): elements.map(text).joined(separator: " ")
    case .object: ""
    }
  }

  private static func split(_ text: String) -> [String] {
    text.split(whereSeparator: \.isWhitespace).map(String.init)
  }
}
