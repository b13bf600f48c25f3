/// The segments of a split build: the phase plan cut at boundaries (docs/design.md,
/// `nix-lib/lib/segmentPlan.nix`).
///
/// A phase belongs to the first boundary (in phase order) that cuts at or after its anchor
/// (``PlannedPhase/anchor``), or to the final segment ``PlannedSegment/finalName`` when none does.
/// An earlier segment whose phases are all statically skipped (or that has no phase) is
/// dropped; the final segment always exists, since it produces the outputs.
public struct SegmentPlan: Sendable, Equatable {
  /// The boundaries used, in phase order.
  public var boundaries: [Boundary]
  /// The segments in build order; the last one is final.
  public var segments: [PlannedSegment]

  /// Cuts `phasePlan` at `boundaries`.
  /// - Throws: ``PlanningError/notSplittable(_:)`` when an explicit phase list puts a phase of
  ///   an earlier segment after one of a later segment.
  public init(phasePlan: PhasePlan, boundaries: [Boundary] = Boundary.defaults) throws(PlanningError) {
    self.boundaries = Boundary.defaults.filter(boundaries.contains)
    let cut = try Self.segmentsBeforeDropping(phasePlan, boundaries: boundaries)
    self.segments = cut.filter { $0.isFinal || !$0.runningPhases.isEmpty }
  }

  /// The segment name a phase with `anchor` belongs to.
  static func segmentName(anchor: StandardPhase, boundaries: [Boundary]) -> String {
    boundaries.first { $0.endsAfter.rank >= anchor.rank }?.rawValue ?? PlannedSegment.finalName
  }

  /// The segments before dropping earlier segments with no running phase, one per boundary
  /// plus the final one; every phase of the plan is in exactly one of them, in order.
  public static func segmentsBeforeDropping(
    _ phasePlan: PhasePlan, boundaries: [Boundary]
  ) throws(PlanningError) -> [PlannedSegment] {
    let ordered = Boundary.defaults.filter(boundaries.contains)
    let names = ordered.map(\.rawValue) + [PlannedSegment.finalName]
    var members: [[PlannedPhase]] = Array(repeating: [], count: names.count)
    var reached = 0
    for phase in phasePlan.phases {
      let name = segmentName(anchor: phase.anchor, boundaries: ordered)
      let index = names.firstIndex(of: name) ?? names.count - 1
      guard index >= reached else {
        throw .notSplittable(.phasesOutOfOrder(phase: phase.name, segment: name))
      }
      reached = index
      members[index].append(phase)
    }
    return names.indices.map { index in
      PlannedSegment(name: names[index], phases: members[index], isFinal: index == names.count - 1)
    }
  }

  /// The earlier (non-final) segments.
  public var earlierSegments: [PlannedSegment] { segments.filter { !$0.isFinal } }

  /// The final segment.
  public var finalSegment: PlannedSegment { segments[segments.count - 1] }

  /// The segment names in order.
  public var segmentNames: [String] { segments.map(\.name) }
}
