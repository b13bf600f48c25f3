/// Which state `phasesplit enter` opens.
public enum EnterTarget: Sendable, Equatable {
  /// The state at the end of the named segment (its archive), before the next segment's phases.
  case afterSegment(String)
  /// The state before the segment that runs the named phase.
  case beforePhase(String)
  /// The state before the first segment that is not in the store (the failed one, after a
  /// failed build).
  case beforeFirstUnbuilt
}
