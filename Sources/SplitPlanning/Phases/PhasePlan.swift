/// The phases a stdenv derivation runs, in order, with static skips: the same list
/// `genericBuild` computes, and the same as `nix-lib/lib/phasePlan.nix`.
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
  public static let phaseListAttributes = [
    "prePhases", "preConfigurePhases", "preBuildPhases", "preInstallPhases", "preFixupPhases",
    "preDistPhases", "postPhases",
  ]

  /// Plans the phases of a derivation.
  /// - Throws: ``PlanningError/notSplittable(_:)`` when the derivation sets `buildCommand` or
  ///   `buildCommandPath`, or its builder arguments are none of the stdenv shapes
  ///   (``StdenvBuilder``).
  public init(attributes: some AttributeSource) throws(PlanningError) {
    if let refusal = Self.refusal(attributes) { throw .notSplittable(refusal) }
    let explicit = attributes.words("phases")
    var entries: [(name: String, anchor: StandardPhase)] = []
    if explicit.isEmpty {
      entries = Self.defaultPhaseEntries(attributes)
    } else {
      var anchor = StandardPhase.unpackPhase
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

  /// The reason a derivation cannot be split, or `nil` when it can.
  public static func refusal(_ attributes: some AttributeSource) -> SplitRefusal? {
    if attributes.hasAttribute("buildCommandPath") { return .buildCommandPath }
    if attributes.hasAttribute("buildCommand") { return .buildCommand }
    let arguments = attributes.builderArguments
    guard StdenvBuilder(arguments: arguments) != nil else { return .notDefaultBuilder(arguments: arguments) }
    if !attributes.hasAttribute("stdenv") { return .noStdenv }
    return nil
  }

  /// The default phase list of `genericBuild` with the custom phase lists spliced in, each
  /// phase with its anchor.
  static func defaultPhaseEntries(_ attributes: some AttributeSource) -> [(
    name: String, anchor: StandardPhase
  )] {
    func custom(_ list: String, _ anchor: StandardPhase) -> [(name: String, anchor: StandardPhase)] {
      attributes.words(list).map { ($0, anchor) }
    }
    func standard(_ phases: StandardPhase...) -> [(name: String, anchor: StandardPhase)] {
      phases.map { ($0.rawValue, $0) }
    }
    return custom("prePhases", .unpackPhase) + standard(.unpackPhase, .patchPhase)
      + custom("preConfigurePhases", .configurePhase) + standard(.configurePhase)
      + custom("preBuildPhases", .buildPhase) + standard(.buildPhase, .checkPhase)
      + custom("preInstallPhases", .installPhase) + standard(.installPhase)
      + custom("preFixupPhases", .fixupPhase) + standard(.fixupPhase, .installCheckPhase)
      + custom("preDistPhases", .distPhase) + standard(.distPhase) + custom("postPhases", .distPhase)
  }

  static func skipReason(_ phase: StandardPhase, _ attributes: some AttributeSource) -> PhaseSkipReason? {
    let isSet = attributes.isSet(phase.skipFlag)
    if phase.runsOnlyWhenFlagSet { return isSet ? nil : .flagUnset(phase.skipFlag) }
    return isSet ? .flagSet(phase.skipFlag) : nil
  }
}
