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
  /// The standard phase this phase is grouped with: itself for a standard phase; for a custom
  /// phase of the default list, the standard phase its list precedes (`postPhases`: `distPhase`);
  /// for a custom phase of an explicit list, the standard phase before it (`unpackPhase` when
  /// none is). Segments are cut by anchor, as `nix-lib/lib/phasePlan.nix` does.
  public var anchor: StandardPhase

  /// Creates a planned phase.
  public init(
    name: String, standard: StandardPhase?, skipReason: PhaseSkipReason?, definedByAttribute: Bool,
    anchor: StandardPhase
  ) {
    self.name = name
    self.standard = standard
    self.skipReason = skipReason
    self.definedByAttribute = definedByAttribute
    self.anchor = anchor
  }

  /// Whether the phase runs (is not statically skipped).
  public var runs: Bool { skipReason == nil }

  /// The attributes holding this phase's shell code: the phase attribute when set, and the
  /// standard phase's pre/post hooks.
  public var scriptAttributes: [String] {
    (definedByAttribute ? [name] : []) + (standard?.hooks ?? [])
  }
}
