/// A package rebuilt from a `.drv` file's attributes, for `phasesplit wrap X.drv` when there is
/// no expression: `{ drvAttrs = { … }; name; outputs; meta = { }; }`, the shape `splitPhases`
/// reads. Every string that mentions an input store path carries Nix string context, so the
/// segment derivations depend on the same inputs as the original.
public struct DerivationPackage: Sendable, Equatable {
  /// The derivation name.
  public var name: String
  /// The output names in order.
  public var outputs: [String]
  /// The derivation attributes (without the output path variables Nix adds itself).
  public var attributes: [(name: String, value: NixValue)]

  /// Creates a package from attributes already carrying their context.
  public init(name: String, outputs: [String], attributes: [(name: String, value: NixValue)]) {
    self.name = name
    self.outputs = outputs
    self.attributes = attributes
  }

  public static func == (lhs: DerivationPackage, rhs: DerivationPackage) -> Bool {
    lhs.value == rhs.value
  }

  /// The attribute set value.
  public var value: NixValue {
    .attributes([
      ("drvAttrs", .attributes(attributes)),
      ("name", .string(name)),
      ("outputs", .list(outputs.map { .string($0) })),
      ("meta", .attributes([])),
    ])
  }
}
