/// The phases a stdenv derivation runs, in order, with static skips: the same list
/// `genericBuild` computes, and the same as `nix-lib/lib/phasePlan.nix`; both follow the
/// contract file (``SegmentContract``: the default list, skip flags, refusals).
public struct PhasePlan: Sendable, Equatable {
  /// The phases in order.
  public var phases: [PlannedPhase]
  /// Whether the list comes from an explicit `phases` attribute.
  public var isExplicit: Bool

  /// Creates a plan from its phases.
  public init(phases: [PlannedPhase], isExplicit: Bool) {
    self.phases = phases
    self.isExplicit = isExplicit
  }

  /// The attributes that add custom phases to the default list, in list order.
  public static var phaseListAttributes: [String] { SegmentContract.current.phaseListAttributes }

  /// Plans the phases of a derivation.
  /// - Throws: ``PlanningError/notSplittable(_:)`` when the derivation is refused (``refusal(_:)``).
  public init(attributes: some AttributeSource) throws(PlanningError) {
    if let refusal = Self.refusal(attributes) { throw .notSplittable(refusal) }
    let explicit = attributes.words("phases")
    var entries: [(name: String, anchor: StandardPhase)] = []
    if explicit.isEmpty {
      entries = Self.defaultPhaseEntries(attributes)
    } else {
      var anchor = SegmentContract.current.standardPhases[0].phase
      for name in explicit {
        if let standard = StandardPhase(rawValue: name) { anchor = standard }
        entries.append((name, anchor))
      }
    }
    self.init(
      phases: entries.map { entry in
        let standard = StandardPhase(rawValue: entry.name)
        return PlannedPhase(
          name: entry.name,
          standard: standard,
          skipReason: standard.flatMap { Self.skipReason($0, attributes) },
          definedByAttribute: attributes.hasAttribute(entry.name),
          anchor: entry.anchor
        )
      },
      isExplicit: !explicit.isEmpty
    )
  }

  /// The reason a derivation cannot be split, or `nil` when it can, checked in the contract's
  /// order (as `nix-lib/lib/segmentPlan.nix` does): an attribute that replaces all phases
  /// (`buildCommandPath`, `buildCommand`), builder arguments that are none of the stdenv shapes
  /// (``StdenvBuilder``), a missing required attribute (`stdenv`).
  public static func refusal(_ attributes: some AttributeSource) -> SplitRefusal? {
    let refusals = SegmentContract.current.refusals
    if let replacing = refusals.replacingAttributes.first(where: attributes.hasAttribute) {
      return .replacesPhases(attribute: replacing)
    }
    let arguments = attributes.builderArguments
    guard StdenvBuilder(arguments: arguments) != nil else { return .notDefaultBuilder(arguments: arguments) }
    if let missing = refusals.requiredAttributes.first(where: { !attributes.hasAttribute($0) }) {
      return .missingAttribute(missing)
    }
    return nil
  }

  /// The default phase list of `genericBuild` (the contract's `defaultPhases`) with the custom
  /// phase lists spliced in, each phase with its anchor.
  static func defaultPhaseEntries(_ attributes: some AttributeSource) -> [(
    name: String, anchor: StandardPhase
  )] {
    SegmentContract.current.defaultPhases.flatMap { item -> [(name: String, anchor: StandardPhase)] in
      switch item {
      case .standard(let phase): [(phase.rawValue, phase)]
      case .list(let list, let anchor): attributes.words(list).map { ($0, anchor) }
      }
    }
  }

  static func skipReason(_ phase: StandardPhase, _ attributes: some AttributeSource) -> PhaseSkipReason? {
    let isSet = attributes.isSet(phase.skipFlag)
    if phase.runsOnlyWhenFlagSet { return isSet ? nil : .flagUnset(phase.skipFlag) }
    return isSet ? .flagSet(phase.skipFlag) : nil
  }
}
