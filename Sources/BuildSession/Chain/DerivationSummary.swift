/// What a session needs to know about one `.drv`: name, outputs, input derivations, environment.
///
/// Read from `nix show-derivation` JSON (see ``DerivationGraphReader``). With structured attributes
/// the attributes are the top-level keys of the `__json` environment value, rendered as JSON text.
public struct DerivationSummary: Sendable, Equatable {
  /// The `.drv` store path.
  public var path: String
  /// Output name → store path (empty for floating content-addressed outputs).
  public var outputPaths: [String: String]
  /// Input `.drv` path → the output names used.
  public var inputDerivations: [String: [String]]
  /// Input source store paths.
  public var inputSources: [String]
  /// The environment: attribute name → value (structured attributes expanded, as JSON text).
  public var attributes: [String: String]
  /// The builder's arguments.
  public var arguments: [String] = []
  /// Whether the derivation uses structured attributes (`__json`).
  public var usesStructuredAttributes = false

  /// Creates a summary.
  public init(
    path: String, outputPaths: [String: String], inputDerivations: [String: [String]],
    inputSources: [String], attributes: [String: String]
  ) {
    self.path = path
    self.outputPaths = outputPaths
    self.inputDerivations = inputDerivations
    self.inputSources = inputSources
    self.attributes = attributes
  }

  /// The derivation's `name` attribute.
  public var name: String { attributes["name"] ?? "" }
}
