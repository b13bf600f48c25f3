import BuildArchive

/// A segment as built: one segment derivation of a split package, as found in the store (its
/// outputs may not be realised yet).
///
/// The store's half of a pair: SplitPlanning's ``SplitPlanning/PlannedSegment`` is the segment as
/// planned (phases with their anchors and skip flags); this is what its derivation became, read
/// back by ``SegmentChainReader`` — the name, `.drv`, the phases it runs and its output paths.
public struct BuiltSegment: Sendable, Equatable {
  /// The segment name (`unpack`, `configure`, …, `install` for the final segment).
  public var name: String
  /// The segment's `.drv` store path.
  public var derivationPath: String
  /// The phases the segment runs, in order (empty when the derivation does not say).
  public var phases: [String]
  /// Output name → store path. Earlier segments have only `out` (the segment archive directory);
  /// the final segment has the package's outputs. Paths are empty for floating content-addressed
  /// derivations until they are built.
  public var outputPaths: [String: String]
  /// Whether this is the final segment, whose outputs are the package's.
  public var isFinal: Bool

  /// Creates a segment description.
  public init(
    name: String, derivationPath: String, phases: [String], outputPaths: [String: String], isFinal: Bool
  ) {
    self.name = name
    self.derivationPath = derivationPath
    self.phases = phases
    self.outputPaths = outputPaths
    self.isFinal = isFinal
  }

  /// The path of the segment's build-tree archive (`tree.pst`), for earlier segments.
  public var treeArchivePath: String? {
    guard !isFinal, let out = outputPaths["out"], !out.isEmpty else { return nil }
    return out + "/" + LayerRestorer.archiveName
  }
}
