/// One row of the build summary (and of `--json`'s `segments`).
public struct SegmentReport: Sendable, Equatable, Codable {
  /// Segment name.
  public var segment: String
  /// Its `.drv` path.
  public var derivation: String
  /// Its phases in order.
  public var phases: [String]
  /// `reused`, `built`, `failed` or `not built`.
  public var status: String
  /// Build time in seconds (0 when reused or not built).
  public var seconds: Double
  /// The phase it failed in, for a failed segment.
  public var failedPhase: String?
  /// Size in bytes of the segment's `tree.pst` in the store (nil for the final segment, or when
  /// the archive is not in the store).
  public var archiveBytes: Int64?

  /// Creates a row.
  public init(
    segment: String, derivation: String, phases: [String], status: String, seconds: Double,
    failedPhase: String?, archiveBytes: Int64?
  ) {
    self.segment = segment
    self.derivation = derivation
    self.phases = phases
    self.status = status
    self.seconds = seconds
    self.failedPhase = failedPhase
    self.archiveBytes = archiveBytes
  }
}
