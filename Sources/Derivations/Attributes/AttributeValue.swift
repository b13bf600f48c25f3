/// A derivation attribute as the builder sees it: an environment string, or a structured
/// attribute (JSON) when the derivation uses `__structuredAttrs = true`.
///
/// The shell views (``shellText``, ``isTruthy``, ``words``) follow how Nix hands structured
/// attributes to bash in `.attrs.sh` and how stdenv tests and splits them.
public enum AttributeValue: Sendable, Equatable {
  /// An environment variable's value.
  case string(String)
  /// A structured attribute.
  case json(JSONValue)

  /// What bash's `"${name[*]}"` expands to for this attribute, or `nil` when Nix does not hand the
  /// value to bash (nested lists or objects, non-integral numbers).
  ///
  /// Strings are themselves; `true` is `1`, `false` and `null` are empty; integral numbers are
  /// their decimal text; a list or object of such values becomes a bash array whose elements are
  /// joined with single spaces.
  public var shellText: String? {
    switch self {
    case .string(let value):
      return value
    case .json(let value):
      if let scalar = Self.shellScalar(value) { return scalar }
      switch value {
      case .array(let elements):
        let texts = elements.compactMap(Self.shellScalar)
        return texts.count == elements.count ? texts.joined(separator: " ") : nil
      case .object(let members):
        let texts = members.compactMap { Self.shellScalar($0.value) }
        return texts.count == members.count ? texts.joined(separator: " ") : nil
      default:
        return nil
      }
    }
  }

  /// Whether stdenv's `[ -n "${name[*]}" ]` test is true: the shell text is not empty. A value bash
  /// never receives counts as false.
  public var isTruthy: Bool {
    guard let text = shellText else { return false }
    return !text.isEmpty
  }

  /// The words stdenv makes of the attribute (as its `concatTo` does): a string, from the
  /// environment or JSON, is split at whitespace; a list or object gives one word per element,
  /// unsplit; a scalar gives its shell text split at whitespace.
  public var words: [String] {
    switch self {
    case .string(let value):
      return Self.splitWords(value)
    case .json(let value):
      switch value {
      case .array(let elements):
        return elements.compactMap(Self.shellScalar)
      case .object(let members):
        return members.compactMap { Self.shellScalar($0.value) }
      default:
        return Self.shellScalar(value).map(Self.splitWords) ?? []
      }
    }
  }

  /// The JSON value, or a JSON string for an environment string.
  public var jsonValue: JSONValue {
    switch self {
    case .string(let value): return .string(value)
    case .json(let value): return value
    }
  }

  /// The bash text Nix writes for a JSON scalar in `.attrs.sh`, or `nil` for values it skips.
  private static func shellScalar(_ value: JSONValue) -> String? {
    switch value {
    case .null: return ""
    case .bool(let flag): return flag ? "1" : ""
    case .string(let text): return text
    case .number: return value.integerValue.map(String.init)
    case .array, .object: return nil
    }
  }

  private static func splitWords(_ text: String) -> [String] {
    text.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" }).map(String.init)
  }
}
