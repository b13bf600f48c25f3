/// One phase of a derivation's phase list, as stdenv's `genericBuild` would run it.
public struct PlannedPhase: Sendable, Equatable {
  /// The phase name (`configurePhase`, or a custom name such as `generatePhase`).
  public var name: String
  /// The standard phase of that name, or `nil` for a custom phase.
  public var standard: StandardPhase?
  /// Why the phase is statically skipped, or `nil` when it runs.
  public var skipReason: PhaseSkipReason?
  /// Whether an attribute of the phase's name replaces the default code (`buildPhase = "…"`,
  /// or the script of a custom phase).
  public var definedByAttribute: Bool

  /// Creates a planned phase.
  public init(name: String, standard: StandardPhase?, skipReason: PhaseSkipReason?, definedByAttribute: Bool)
  {
    self.name = name
    self.standard = standard
    self.skipReason = skipReason
    self.definedByAttribute = definedByAttribute
  }

  /// Whether the phase runs (is not statically skipped).
  public var runs: Bool { skipReason == nil }

  /// The attributes holding this phase's shell code: the phase attribute when set, and the
  /// standard phase's pre/post hooks.
  public var scriptAttributes: [String] {
    (definedByAttribute ? [name] : []) + (standard?.hooks ?? [])
  }
}
