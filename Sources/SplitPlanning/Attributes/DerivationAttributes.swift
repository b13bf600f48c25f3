import Derivations

/// A `.drv` file's attributes as the planner reads them — the same attribute names and the
/// same readings of flags and word lists as the Nix library applies to `drvAttrs`.
///
/// Attribute names: without structured attributes, the environment minus the output path
/// variables Nix adds (`out`, `dev`, …); with them, the keys of `__json` plus
/// `__structuredAttrs`. `args` is added when the builder has arguments, since Nix keeps it out
/// of the environment but it is an attribute of the derivation.
public struct DerivationAttributes: AttributeSource, Sendable {
  /// The derivation read.
  public let derivation: Derivation
  public let attributeNames: [String]

  /// Wraps a derivation.
  public init(_ derivation: Derivation) {
    self.derivation = derivation
    var names: [String]
    if case .object(let members)? = derivation.structuredAttributes {
      names = members.map(\.key) + ["__structuredAttrs"]
    } else {
      let outputNames = Set(derivation.outputs.map(\.name))
      names = derivation.environment.map(\.name).filter { !outputNames.contains($0) }
    }
    if !derivation.arguments.isEmpty && !names.contains("args") { names.append("args") }
    attributeNames = names
  }

  public var builderArguments: [String] { derivation.arguments }

  public var associativeArrayAttributes: Set<String> {
    guard case .object(let members)? = derivation.structuredAttributes else { return [] }
    return Set(
      members.compactMap { member in
        if case .object = member.value { return member.key }
        return nil
      })
  }

  public func shellString(_ name: String) -> String? {
    if name == "args" && !derivation.arguments.isEmpty { return derivation.arguments.joined(separator: " ") }
    guard let value = derivation.attribute(name) else { return nil }
    return value.shellText ?? ""
  }

  public func words(_ name: String) -> [String] {
    switch derivation.attribute(name) {
    case nil: return []
    case .string(let text)?: return Self.split(text)
    case .json(.array(let elements))?: return elements.flatMap { Self.split(Self.text($0)) }
    case .json(let value)?: return Self.split(Self.text(value))
    }
  }

  public func isSet(_ name: String) -> Bool {
    switch derivation.attribute(name) {
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
