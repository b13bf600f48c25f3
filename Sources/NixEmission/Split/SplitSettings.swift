import SplitPlanning

/// How phasesplit splits a package it is given unsplit (`phasesplit wrap`, and `build`, `enter`,
/// `explain` splitting on the fly): where the segments end, which attributes the author declares
/// late, and whether the final segment may keep stand-in remnants (see `splitPhases`).
public struct SplitSettings: Sendable, Equatable {
  /// The segment boundaries, in phase order.
  public var boundaries: [Boundary]
  /// The attributes first read in a later segment than the first (`--late`).
  public var lateAttributes: LateAttributes
  /// Whether the final segment succeeds when outputs still name a stand-in path in a form
  /// relocation cannot rewrite (the outputs then differ from the unsplit build).
  public var allowStandInRemnants: Bool

  /// Creates settings; the defaults split at every boundary with nothing declared late.
  public init(
    boundaries: [Boundary] = Boundary.defaults, lateAttributes: LateAttributes = LateAttributes(),
    allowStandInRemnants: Bool = false
  ) {
    self.boundaries = boundaries
    self.lateAttributes = lateAttributes
    self.allowStandInRemnants = allowStandInRemnants
  }
}
