import Basics

/// The incremental segment's source sync as one step (`phasesplit sync-source`, docs/design.md,
/// "Incremental builds"): compares the old and the new source in their segments' archives,
/// decides the `IncrementalMode`, and brings the restored build tree up to the new source, or, in
/// clean mode, empties it for a build from the new source.
public enum SourceSync {
  /// What the sync found and did.
  public struct Outcome: Sendable {
    public var difference: SourceDifference
    public var mode: IncrementalMode
    /// The deleted entries left in the tree for `make -t` (`IncrementalMode.incrementalSettlingDeletions`).
    public var keptDeleted: [RawPath]
  }

  /// Syncs the tree at `tree` from the source tree of segment `oldSource` to that of `newSource`.
  /// `excluded` are paths relative to `tree` that are not part of the build tree (scratch files);
  /// `scratch`, a path that does not exist yet, receives the new source's added and changed entries
  /// and is removed afterwards. With `makeSettlesDeletions` a make tree that lost files keeps them
  /// for `make -t`. In clean mode everything in `tree` but `excluded` is removed, and so is each of
  /// `removedOnClean` (the stand-in outputs).
  public static func run(
    oldSource: RawPath, newSource: RawPath, tree: RawPath, scratch: RawPath, excluded: Set<RawPath>,
    makeSettlesDeletions: Bool, removedOnClean: [RawPath]
  ) throws -> Outcome {
    let newTree = try ArchivedTree.read(segment: newSource)
    let difference = try SourceDifference.between(old: ArchivedTree.read(segment: oldSource), new: newTree)
    let mode = IncrementalMode.decide(
      for: difference,
      buildTreeUsesNinja: try SourceSynchronizer.buildTreeUsesNinja(tree, excluded: excluded),
      makeSettlesDeletions: makeSettlesDeletions)
    var keptDeleted: [RawPath] = []
    switch mode {
    case .incremental, .incrementalSettlingDeletions:
      try newTree.extract(difference.changes.filter { $0.kind != .deleted }.map(\.path), into: scratch)
      keptDeleted =
        try SourceSynchronizer.apply(
          difference, from: scratch, into: tree, excluded: excluded,
          keepingDeleted: mode == .incrementalSettlingDeletions
        ).keptDeleted
      try SourceSynchronizer.removeTree(scratch)
    case .clean:
      try SourceSynchronizer.clear(tree, keeping: excluded)
      for path in removedOnClean { try SourceSynchronizer.removeTree(path) }
    }
    return Outcome(difference: difference, mode: mode, keptDeleted: keptDeleted)
  }
}
