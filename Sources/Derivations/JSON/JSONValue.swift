/// A JSON value that keeps object members in document order and numbers as their literal text,
/// so that structured attributes can be inspected and written back without changes.
public enum JSONValue: Sendable, Equatable {
  /// `null`.
  case null
  /// `true` or `false`.
  case bool(Bool)
  /// A number, as its literal text (e.g. `1`, `2.5`, `-3e2`).
  case number(String)
  /// A string.
  case string(String)
  /// An array.
  case array([JSONValue])
  /// An object; members in document order.
  case object([Member])

  /// The member value for `key` when this is an object that has it; `nil` otherwise.
  public subscript(key: String) -> JSONValue? {
    guard case .object(let members) = self else { return nil }
    return members.first { $0.key == key }?.value
  }

  /// The string when this is a string.
  public var stringValue: String? {
    if case .string(let value) = self { return value }
    return nil
  }

  /// The elements when this is an array.
  public var arrayValue: [JSONValue]? {
    if case .array(let value) = self { return value }
    return nil
  }

  /// The members when this is an object.
  public var objectMembers: [Member]? {
    if case .object(let value) = self { return value }
    return nil
  }

  /// The number as a `Double` when this is a number.
  public var doubleValue: Double? {
    if case .number(let text) = self { return Double(text) }
    return nil
  }

  /// The number as an `Int` when this is a number with an integral value that fits.
  public var integerValue: Int? {
    guard case .number(let text) = self else { return nil }
    if let value = Int(text) { return value }
    guard let value = Double(text), value.rounded() == value, abs(value) < 9.0e18 else { return nil }
    return Int(value)
  }
}

extension JSONValue {
  /// One member of a JSON object.
  public struct Member: Sendable, Equatable {
    /// The member's key.
    public var key: String
    /// The member's value.
    public var value: JSONValue

    /// Creates a member.
    public init(key: String, value: JSONValue) {
      self.key = key
      self.value = value
    }
  }
}
