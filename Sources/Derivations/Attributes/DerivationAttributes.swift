/// The attributes of a `.drv`, as Nix's `drvAttrs` holds them: the one attribute view of a
/// derivation that the planner, the wrapper, the session and `explain` all read.
///
/// Without structured attributes, the attributes are the environment minus the output path
/// variables Nix adds (`out`, `dev`, …), each a ``AttributeValue/string(_:)``. With them, they are
/// the members of the parsed `__json` variable (``AttributeValue/json(_:)``) followed by
/// `__structuredAttrs = true`, which Nix keeps out of `__json`. Either way `args` comes last when
/// the builder has arguments, as a JSON list of strings: Nix keeps it out of the environment and
/// out of `__json`, but it is an attribute of the derivation.
public struct DerivationAttributes: Sequence, Sendable, Equatable {
  /// One attribute: its name and value.
  public struct Attribute: Sendable, Equatable {
    /// The attribute name.
    public var name: String
    /// The value.
    public var value: AttributeValue
  }

  /// The attributes, in the derivation's order (Nix sorts the environment and `__json` by name).
  private let attributes: [Attribute]
  /// The builder's arguments (also the `args` attribute when not empty).
  public let builderArguments: [String]
  /// Whether the derivation uses structured attributes (`__structuredAttrs = true`).
  public let usesStructuredAttributes: Bool
  private let indexByName: [String: Int]

  /// The attributes of `derivation`.
  public init(_ derivation: Derivation) {
    var attributes: [Attribute]
    if let members = derivation.structuredAttributes?.objectMembers {
      attributes = members.map { Attribute(name: $0.key, value: .json($0.value)) }
      attributes.append(Attribute(name: "__structuredAttrs", value: .json(.bool(true))))
    } else {
      let outputNames = Set(derivation.outputs.map(\.name))
      attributes = derivation.environment.filter { !outputNames.contains($0.name) }.map {
        Attribute(name: $0.name, value: .string($0.value))
      }
    }
    var indexByName = Dictionary(attributes.enumerated().map { ($1.name, $0) }, uniquingKeysWith: { $1 })
    if !derivation.arguments.isEmpty && indexByName["args"] == nil {
      indexByName["args"] = attributes.count
      attributes.append(
        Attribute(name: "args", value: .json(.array(derivation.arguments.map(JSONValue.string)))))
    }
    self.attributes = attributes
    self.indexByName = indexByName
    self.builderArguments = derivation.arguments
    self.usesStructuredAttributes = derivation.hasStructuredAttributes
  }

  /// The attributes in order.
  public func makeIterator() -> IndexingIterator<[Attribute]> { attributes.makeIterator() }

  /// The attribute names, in order.
  public var attributeNames: [String] { attributes.map(\.name) }

  /// The value of the attribute `name`, or `nil` when the derivation has no such attribute.
  public subscript(name: String) -> AttributeValue? {
    indexByName[name].map { attributes[$0].value }
  }

  /// The value of `name` as text: a string as it is, any other value as its JSON text. `nil`
  /// when the derivation has no such attribute.
  public func text(_ name: String) -> String? {
    switch self[name] {
    case nil: nil
    case .string(let text)?, .json(.string(let text))?: text
    case .json(let value)?: value.serialized()
    }
  }

  /// The attributes the builder sees as bash associative arrays: the attribute sets among the
  /// structured attributes, so `${name[key]}` reads `name`, not `key`.
  public var associativeArrayAttributes: Set<String> {
    Set(
      attributes.compactMap { attribute in
        if case .json(.object) = attribute.value { return attribute.name }
        return nil
      })
  }
}

extension Derivation {
  /// The derivation's attributes, as `drvAttrs` holds them (see ``DerivationAttributes``).
  public var attributes: DerivationAttributes { DerivationAttributes(self) }
}
