import Derivations

/// What a session needs to know about one `.drv`: name, outputs, input derivations, environment.
///
/// Made from a parsed ``Derivations/Derivation`` (see ``DerivationGraphReader``). With structured
/// attributes the attributes are the top-level keys of the `__json` environment value, strings as
/// they are and other values as JSON text.
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
  /// The parsed `__json` value when the derivation uses structured attributes.
  public var structuredAttributes: JSONValue?

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

  /// The summary of `derivation`, read from `path`.
  public init(path: String, derivation: Derivation) {
    var attributes: [String: String] = [:]
    for variable in derivation.environment where variable.name != "__json" {
      attributes[variable.name] = variable.value
    }
    if case .object(let members)? = derivation.structuredAttributes {
      for member in members {
        if case .string(let text) = member.value {
          attributes[member.key] = text
        } else {
          attributes[member.key] = member.value.serialized()
        }
      }
    }
    self.init(
      path: path,
      outputPaths: Dictionary(derivation.outputs.map { ($0.name, $0.path) }, uniquingKeysWith: { $1 }),
      inputDerivations: Dictionary(
        derivation.inputDerivations.map { ($0.path, $0.outputs) }, uniquingKeysWith: { $1 }),
      inputSources: derivation.inputSources, attributes: attributes)
    arguments = derivation.arguments
    usesStructuredAttributes = derivation.hasStructuredAttributes
    structuredAttributes = derivation.structuredAttributes
  }
}
