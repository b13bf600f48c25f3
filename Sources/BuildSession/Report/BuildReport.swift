/// The result of `phasesplit build`: the summary table's data, the `--json` document
/// (schema: docs/build-json.md).
public struct BuildReport: Sendable, Equatable, Codable {
  /// The schema version of the JSON form.
  public static let currentSchemaVersion = 2

  /// The JSON schema version.
  public var schemaVersion: Int
  /// The package name.
  public var package: String
  /// Whether every segment is now in the store.
  public var success: Bool
  /// Total wall-clock time of the build step in seconds.
  public var seconds: Double
  /// One row per segment, in build order.
  public var segments: [SegmentReport]
  /// Output name → store path of the package (set on success).
  public var outputs: [String: String]
  /// The out links created (empty with `--no-out-link`).
  public var outLinks: [String]
  /// Set when the build failed.
  public var failure: BuildFailureReport?
  /// The garbage-collector roots of the earlier segments in the store (absent with
  /// `--no-segment-roots`).
  public var segmentRoots: [String]?
  /// The other derivations of the build graph (not segments) built, substituted or downloaded.
  public var dependencies: [DependencyReport]
  /// For an incremental build (`--from`): the segment that starts from the older build and the
  /// source changes it brought in, as `explain` shows them (absent for clean builds).
  public var incremental: IncrementalExplanation?

  /// Creates a report.
  public init(
    package: String, success: Bool, seconds: Double, segments: [SegmentReport], outputs: [String: String],
    outLinks: [String], failure: BuildFailureReport?, segmentRoots: [String]? = nil,
    dependencies: [DependencyReport] = [], incremental: IncrementalExplanation? = nil
  ) {
    self.dependencies = dependencies
    self.incremental = incremental
    self.schemaVersion = Self.currentSchemaVersion
    self.package = package
    self.success = success
    self.seconds = seconds
    self.segments = segments
    self.outputs = outputs
    self.outLinks = outLinks
    self.failure = failure
    self.segmentRoots = segmentRoots
  }
}
