/// The value of one attribute in an ``AttributeSet``, with stdenv's reading of it.
public enum AttributeSetValue: Sendable, Equatable {
  /// A string, as every attribute is without structured attributes.
  case string(String)
  /// A list of strings (structured attributes).
  case list([String])
  /// A boolean (structured attributes: `true` reads as `1`, `false` as the empty string).
  case bool(Bool)

  /// The value as `$name` shows it in a script.
  public var shellString: String {
    switch self {
    case .string(let text): text
    case .list(let items): items.joined(separator: " ")
    case .bool(let flag): flag ? "1" : ""
    }
  }

  /// The value as words (whitespace-split string or list elements).
  public var words: [String] {
    switch self {
    case .string(let text): text.split(whereSeparator: \.isWhitespace).map(String.init)
    case .list(let items): items.flatMap { $0.split(whereSeparator: \.isWhitespace).map(String.init) }
    case .bool(let flag): flag ? ["1"] : []
    }
  }

  /// stdenv truthiness as the Nix library reads it (`flagIsSet.nix`): a non-empty string, a
  /// list with a non-empty element, or `true`.
  public var isSet: Bool {
    switch self {
    case .string(let text): !text.isEmpty
    case .list(let items): items.contains { !$0.isEmpty }
    case .bool(let flag): flag
    }
  }
}
