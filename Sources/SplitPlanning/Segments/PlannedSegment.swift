/// A segment as planned: a run of consecutive phases to be built as one derivation.
///
/// The planner's half of a pair: once the segment derivations are instantiated, BuildSession reads
/// each one back from the store as a `BuiltSegment` (its `.drv`, outputs and phase names).
public struct PlannedSegment: Sendable, Equatable {
  /// The name of the final segment, which holds install and every later phase.
  public static var finalName: String { SegmentContract.finalSegmentName }

  /// The segment name: a ``Boundary`` name, or ``finalName``.
  public var name: String
  /// The phases of the segment in order, statically skipped ones included.
  public var phases: [PlannedPhase]
  /// Whether this is the final segment (original name and outputs).
  public var isFinal: Bool

  /// Creates a segment.
  public init(name: String, phases: [PlannedPhase], isFinal: Bool) {
    self.name = name
    self.phases = phases
    self.isFinal = isFinal
  }

  /// The phases that actually run.
  public var runningPhases: [PlannedPhase] { phases.filter(\.runs) }

  /// The derivation name of the segment for a package called `packageName`:
  /// `NAME-seg-SEGMENT`, or `NAME` itself for the final segment.
  public func derivationName(packageName: String) -> String {
    isFinal
      ? packageName : SegmentContract.current.earlierSegmentName(packageName: packageName, segment: name)
  }
}
