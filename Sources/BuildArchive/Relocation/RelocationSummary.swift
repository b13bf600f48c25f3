/// What `StorePathRelocator.relocate` did.
public struct RelocationSummary: Sendable {
  /// Store paths moved (FROM paths that did not exist are skipped).
  public var movedPaths: Int
  /// Files whose contents changed.
  public var rewrittenFiles: Int
  /// Symlinks whose targets changed.
  public var rewrittenSymlinks: Int
}
