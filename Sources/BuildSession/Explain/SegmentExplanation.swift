/// Whether one segment is reused from the older build or rebuilt, and why.
public struct SegmentExplanation: Sendable, Equatable {
  /// The segment name.
  public var segment: String
  /// The segment's `.drv` path now.
  public var derivation: String
  /// The same-named segment's `.drv` path in the older build, if it had one.
  public var oldDerivation: String?
  /// Reasons it is rebuilt; empty when it is reused (same `.drv`).
  public var reasons: [RebuildReason]

  /// Creates an explanation.
  public init(segment: String, derivation: String, oldDerivation: String?, reasons: [RebuildReason]) {
    self.segment = segment
    self.derivation = derivation
    self.oldDerivation = oldDerivation
    self.reasons = reasons
  }

  /// Whether the segment is the same derivation as before (so its store path is reused).
  public var isReused: Bool { derivation == oldDerivation }
}
