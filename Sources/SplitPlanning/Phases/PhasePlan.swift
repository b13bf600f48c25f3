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
  ///   `buildCommandPath`, or is not built by stdenv's default builder.
  public init(attributes: some AttributeSource) throws(PlanningError) {
    if let refusal = Self.refusal(attributes) { throw .notSplittable(refusal) }
    let explicit = attributes.words("phases")
    let names = explicit.isEmpty ? Self.defaultPhaseNames(attributes) : explicit
    self.init(
      phases: names.map { name in
        let standard = StandardPhase(rawValue: name)
        return PlannedPhase(
          name: name,
          standard: standard,
          skipReason: standard.flatMap { Self.skipReason($0, attributes) },
          definedByAttribute: attributes.hasAttribute(name)
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
    guard arguments.count == 2, arguments[0] == "-e", arguments[1].hasSuffix("default-builder.sh") else {
      return .notDefaultBuilder(arguments: arguments)
    }
    if !attributes.hasAttribute("stdenv") { return .noStdenv }
    return nil
  }

  /// The default phase list of `genericBuild` with the custom phase lists spliced in.
  static func defaultPhaseNames(_ attributes: some AttributeSource) -> [String] {
    func custom(_ name: String) -> [String] { attributes.words(name) }
    return custom("prePhases") + ["unpackPhase", "patchPhase"] + custom("preConfigurePhases")
      + ["configurePhase"] + custom("preBuildPhases") + ["buildPhase", "checkPhase"]
      + custom("preInstallPhases") + ["installPhase"] + custom("preFixupPhases")
      + ["fixupPhase", "installCheckPhase"] + custom("preDistPhases") + ["distPhase"] + custom("postPhases")
  }

  static func skipReason(_ phase: StandardPhase, _ attributes: some AttributeSource) -> PhaseSkipReason? {
    let isSet = attributes.isSet(phase.skipFlag)
    if phase.runsOnlyWhenFlagSet { return isSet ? nil : .flagUnset(phase.skipFlag) }
    return isSet ? .flagSet(phase.skipFlag) : nil
  }
}
