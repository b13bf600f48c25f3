/// What `LayerPacker.pack` wrote.
public struct LayerSummary: Sendable {
  /// The pack of the layer's entries.
  public var pack: PackSummary
  /// Entries of the whole tree (the index's length).
  public var treeEntryCount: Int
  /// Paths the layer deletes.
  public var deletionCount: Int
}
