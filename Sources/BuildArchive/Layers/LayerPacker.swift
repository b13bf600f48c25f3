/// Packs a segment's build tree as a layer: an archive of only the entries that changed since the
/// tree it was made over (new, modified in content or metadata, or of another kind), and an index
/// of the whole tree with the deletions (docs/archive-format.md, "Layers").
public enum LayerPacker {
  /// Packs `directory` into `archive` and writes its index to `indexPath`. Without `base` the
  /// layer holds the whole tree. Entries are stored with their mtime ranks in the whole tree, so
  /// restoring the chain gives the mtime order a full archive gives. Throws `ArchiveError`.
  @discardableResult
  public static func pack(
    directory: RawPath, archive: RawPath, index indexPath: RawPath, over base: LayerBase?,
    options: PackOptions = PackOptions()
  ) throws -> LayerSummary {
    var deletions: [RawPath] = []
    let packed = try ArchivePacker.packSelected(directory: directory, archive: archive, options: options) {
      tree, _ in
      guard let base else { return tree }
      deletions = Self.deletions(tree: tree, base: base.index)
      return Self.changedEntries(tree: tree, base: base)
    }
    let index = TreeIndex(
      maxRank: packed.ranking.maxRank,
      isOverPrevious: base != nil,
      entries: packed.tree.map {
        TreeIndex.Entry(
          path: $0.relativePath, kind: $0.kind, permissions: $0.permissions,
          rank: packed.ranking.rank(atOrBelow: $0.modificationTime))
      },
      deletions: deletions
    )
    try index.write(to: indexPath)
    return LayerSummary(
      pack: packed.summary, treeEntryCount: packed.tree.count, deletionCount: deletions.count)
  }

  /// The entries to store: those that are new or of another kind than in the base, those whose
  /// ctime is not older than the restore, ninja state files (their recorded times follow the
  /// whole tree's ranks), and the parents of stored entries that lack owner `rwx` (so a restore
  /// by an unprivileged user can write into them; their mode is applied after their contents).
  static func changedEntries(tree: [TreeEntry], base: LayerBase) -> [TreeEntry] {
    let baseKinds = Dictionary(base.index.entries.map { ($0.path, $0.kind) }) { first, _ in first }
    var positions: [RawPath: Int] = [:]
    for (position, entry) in tree.enumerated() { positions[entry.relativePath] = position }
    var selected = [Bool](repeating: false, count: tree.count)
    for (position, entry) in tree.enumerated() {
      let changed =
        baseKinds[entry.relativePath] != entry.kind || entry.changeTime >= base.restoredAt
        || (entry.kind == .regularFile && entry.linkCount == 1
          && NinjaTimeMapping.isNinjaStateFile(entry.relativePath.lastComponent))
      guard changed else { continue }
      selected[position] = true
      var parent = entry.relativePath.parent
      while let path = parent, let parentPosition = positions[path] {
        if tree[parentPosition].permissions & 0o700 != 0o700 { selected[parentPosition] = true }
        parent = path.parent
      }
    }
    return tree.indices.filter { selected[$0] }.map { tree[$0] }
  }

  /// The topmost paths of the base tree that are gone or whose kind changed.
  static func deletions(tree: [TreeEntry], base: TreeIndex) -> [RawPath] {
    let kinds = Dictionary(tree.map { ($0.relativePath, $0.kind) }) { first, _ in first }
    var removed: Set<RawPath> = []
    var topmost: [RawPath] = []
    for entry in base.entries where kinds[entry.path] != entry.kind {
      removed.insert(entry.path)
      var ancestor = entry.path.parent
      var coveredByAncestor = false
      while let path = ancestor {
        if removed.contains(path) {
          coveredByAncestor = true
          break
        }
        ancestor = path.parent
      }
      if !coveredByAncestor { topmost.append(entry.path) }
    }
    return topmost
  }
}

extension RawPath {
  /// The path without its last component, or nil for a single component.
  var parent: RawPath? {
    guard let slash = bytes.lastIndex(of: UInt8(ascii: "/")) else { return nil }
    return RawPath(bytes: Array(bytes[..<slash]))
  }
}

/// What `LayerPacker.pack` wrote.
public struct LayerSummary: Sendable {
  /// The pack of the layer's entries.
  public var pack: PackSummary
  /// Entries of the whole tree (the index's length).
  public var treeEntryCount: Int
  /// Paths the layer deletes.
  public var deletionCount: Int
}
