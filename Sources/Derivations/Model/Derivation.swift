/// A Nix store derivation (`.drv` file): what to build, from which inputs, with which builder
/// and environment.
///
/// The model keeps every list in file order, so that ``serialized()`` reproduces the ATerm text
/// byte for byte. Read one with ``read(path:)`` or ``init(parsing:origin:)``.
public struct Derivation: Sendable, Equatable {
  /// The outputs, sorted by name as Nix writes them.
  public var outputs: [Output]
  /// The derivations this one depends on, with the outputs of each it uses.
  public var inputDerivations: [InputDerivation]
  /// Store paths of plain sources (not built by a derivation) the build reads.
  public var inputSources: [String]
  /// The Nix system type the build runs on, e.g. `x86_64-linux`.
  public var system: String
  /// The program Nix runs to build.
  public var builder: String
  /// The builder's arguments.
  public var arguments: [String]
  /// The builder's environment, in file order (Nix sorts it by name).
  ///
  /// Every change re-parses `__json` (when present) to keep ``structuredAttributes`` current, so
  /// build a new array and assign it once rather than appending in a loop.
  public var environment: [EnvironmentVariable] {
    didSet { structuredAttributesCache = Self.decodeStructuredAttributes(environment) }
  }

  /// The parsed `__json` variable, kept in step with ``environment``.
  private var structuredAttributesCache: JSONValue?

  /// Creates a derivation from its parts.
  public init(
    outputs: [Output],
    inputDerivations: [InputDerivation],
    inputSources: [String],
    system: String,
    builder: String,
    arguments: [String],
    environment: [EnvironmentVariable]
  ) {
    self.outputs = outputs
    self.inputDerivations = inputDerivations
    self.inputSources = inputSources
    self.system = system
    self.builder = builder
    self.arguments = arguments
    self.environment = environment
    self.structuredAttributesCache = Self.decodeStructuredAttributes(environment)
  }

  /// The value of the environment variable `name`, or `nil` when the derivation does not set it.
  public func environmentValue(_ name: String) -> String? {
    environment.first { $0.name == name }?.value
  }

  /// The derivation's structured attributes (the parsed `__json` variable) when the derivation
  /// was made with `__structuredAttrs = true`; `nil` otherwise.
  public var structuredAttributes: JSONValue? { structuredAttributesCache }

  /// Whether the derivation uses structured attributes (`__structuredAttrs = true`).
  public var hasStructuredAttributes: Bool { structuredAttributesCache != nil }

  /// The derivation's name (the `name` attribute), or the empty string when it has none.
  public var name: String {
    if case .string(let name)? = structuredAttributesCache?["name"] {
      return name
    }
    return environmentValue("name") ?? ""
  }

  /// The names of the outputs in the order the derivation declares them (`outputs` attribute),
  /// falling back to the sorted order of ``outputs``.
  public var outputNames: [String] {
    let sortedNames = outputs.map(\.name)
    guard let declared = attributes["outputs"]?.words, Set(declared) == Set(sortedNames) else {
      return sortedNames
    }
    return declared
  }

  /// Output name → store path (empty for a floating content-addressed output).
  public var outputPaths: [String: String] {
    Dictionary(outputs.map { ($0.name, $0.path) }, uniquingKeysWith: { $1 })
  }

  /// The output named `name`, if any.
  public func output(named name: String) -> Output? {
    outputs.first { $0.name == name }
  }

  /// How the derivation's outputs are addressed. Nix requires all outputs of a derivation to be of
  /// one kind, so this is the kind of the first output (`.deferred` for a derivation without
  /// outputs, which Nix never writes).
  public var outputKind: OutputKind {
    outputs.first?.kind ?? .deferred
  }

  private static func decodeStructuredAttributes(_ environment: [EnvironmentVariable]) -> JSONValue? {
    guard let text = environment.first(where: { $0.name == "__json" })?.value else { return nil }
    return try? JSONValue(parsing: text)
  }
}

extension Derivation {
  /// One variable of a derivation's build environment.
  public struct EnvironmentVariable: Sendable, Equatable {
    /// The variable's name.
    public var name: String
    /// The variable's value.
    public var value: String

    /// Creates a variable.
    public init(name: String, value: String) {
      self.name = name
      self.value = value
    }
  }
}

extension Derivation {
  /// A derivation this derivation depends on, with the outputs of it that the build uses.
  public struct InputDerivation: Sendable, Equatable {
    /// The store path of the input's `.drv` file.
    public var path: String
    /// The names of the input's outputs the build uses, sorted as Nix writes them.
    public var outputs: [String]

    /// Creates an input record.
    public init(path: String, outputs: [String]) {
      self.path = path
      self.outputs = outputs
    }
  }
}
