/// Everything the planner knows about splitting one derivation: phases, segments, attribute
/// placement and findings. `phasesplit analyze` prints it.
public struct SplitAnalysis: Sendable, Equatable {
  /// The derivation's `name`.
  public var packageName: String
  /// The derivation's outputs in order.
  public var outputNames: [String]
  /// The phases.
  public var phasePlan: PhasePlan
  /// The segments.
  public var segmentPlan: SegmentPlan
  /// The scripts each segment runs, analysed.
  public var scripts: [SegmentScript]
  /// The attributes each segment carries.
  public var placement: AttributePlacement
  /// What the planner points out.
  public var findings: [Finding]

  /// Analyses a derivation.
  /// - Throws: ``PlanningError/notSplittable(_:)`` when it cannot be split.
  public init(
    attributes: some AttributeSource, boundaries: [Boundary] = Boundary.defaults, table: AttributePhaseTable,
    lateAttributes: LateAttributes = LateAttributes()
  ) throws(PlanningError) {
    packageName = attributes.shellString("name") ?? ""
    let outputs = attributes.words("outputs")
    outputNames = outputs.isEmpty ? ["out"] : outputs
    phasePlan = try PhasePlan(attributes: attributes)
    segmentPlan = try SegmentPlan(phasePlan: phasePlan, boundaries: boundaries)
    scripts = SegmentScript.collect(
      segmentPlan: segmentPlan, attributes: attributes, outputNames: outputNames)
    placement = try AttributePlacement(
      attributes: attributes, segmentPlan: segmentPlan, table: table, lateAttributes: lateAttributes)
    findings =
      Finding.findings(scripts: scripts, segmentPlan: segmentPlan)
      + Finding.lateDeclarationAdvice(
        attributes: attributes, scripts: scripts, segmentPlan: segmentPlan, placement: placement)
      + Finding.buildIDFindings(attributes: attributes, segmentPlan: segmentPlan)
  }
}
