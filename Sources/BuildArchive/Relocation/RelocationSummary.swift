/// What `StorePathRelocator.relocate` did.
public struct RelocationSummary: Sendable {
  /// Store paths moved (FROM paths that did not exist are skipped).
  public var movedPaths: Int
  /// Files whose contents changed.
  public var rewrittenFiles: Int
  /// Symlinks whose targets changed.
  public var rewrittenSymlinks: Int
  /// Rewritten ELF files whose GNU build ID was recomputed (``ElfBuildID``).
  public var recomputedBuildIDs: Int = 0
  /// Rewritten ELF files whose build ID is no hash phasesplit can recompute (`uuid`, a fixed
  /// value, lld's styles), kept as the linker wrote it over the stand-in paths.
  public var keptBuildIDs: [String] = []
}
