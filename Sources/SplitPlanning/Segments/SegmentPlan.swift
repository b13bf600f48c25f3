/// The segments of a split build: the phase plan cut at boundaries (docs/design.md,
/// `nix-lib/lib/segmentPlan.nix`).
///
/// Each phase goes into the current segment; a segment closes right after the standard phase
/// its boundary names, so custom phases belong to the segment of the standard phase before
/// them (the first segment when none is). Everything after the last cut is the final segment
/// ``Segment/finalName``. An earlier segment whose phases are all statically skipped (or that
/// has no phase) is dropped; the final segment always exists, since it produces the outputs.
public struct SegmentPlan: Sendable, Equatable {
  /// The boundaries used, in phase order.
  public var boundaries: [Boundary]
  /// The segments in build order; the last one is final.
  public var segments: [Segment]

  /// Cuts `phasePlan` at `boundaries`.
  public init(phasePlan: PhasePlan, boundaries: [Boundary] = Boundary.defaults) {
    self.boundaries = Boundary.allCases.filter(boundaries.contains)
    let cut = Self.segmentsBeforeDropping(phasePlan, boundaries: boundaries)
    self.segments = cut.filter { $0.isFinal || !$0.runningPhases.isEmpty }
  }

  /// The segments of the cut before dropping earlier segments with no running phase; every
  /// phase of the plan is in exactly one of them, in order.
  public static func segmentsBeforeDropping(_ phasePlan: PhasePlan, boundaries: [Boundary]) -> [Segment] {
    let ordered = Boundary.allCases.filter(boundaries.contains)
    var segments: [Segment] = []
    var current: [PlannedPhase] = []
    var open = Set(ordered)
    for phase in phasePlan.phases {
      current.append(phase)
      if let boundary = open.first(where: { $0.endsAfter.rawValue == phase.name }) {
        open.remove(boundary)
        segments.append(Segment(name: boundary.rawValue, phases: current, isFinal: false))
        current = []
      }
    }
    segments.append(Segment(name: Segment.finalName, phases: current, isFinal: true))
    return segments
  }

  /// The earlier (non-final) segments.
  public var earlierSegments: [Segment] { segments.filter { !$0.isFinal } }

  /// The final segment.
  public var finalSegment: Segment { segments[segments.count - 1] }

  /// The segment names in order.
  public var segmentNames: [String] { segments.map(\.name) }
}
