/// An error from packing or restoring a layered segment tree (see docs/archive-format.md, "Layers").
///
/// Every case names the file involved and says what to do next.
public enum LayerError: Error, Equatable, CustomStringConvertible {
  /// A tree index is damaged or not an index.
  case badIndex(path: String, detail: String)
  /// A segment directory lacks a file the chain needs.
  case missingLayerFile(path: String, detail: String)
  /// The restored tree does not hold an entry the last index lists.
  case inconsistentChain(segment: String, entry: String, detail: String)
  /// The time given for `--changed-since` is not `SECONDS.NANOSECONDS`.
  case badChangeTime(text: String)

  public var description: String {
    switch self {
    case .badIndex(let path, let detail):
      return "tree index '\(path)' is damaged: \(detail); rebuild the segment that made it"
    case .missingLayerFile(let path, let detail):
      return "cannot restore the layered tree: '\(path)' is missing (\(detail)); realise the segment's "
        + "closure (nix-store --realise) or rebuild it"
    case .inconsistentChain(let segment, let entry, let detail):
      return "the layers of '\(segment)' do not restore its tree: '\(entry)' \(detail); rebuild the segments"
    case .badChangeTime(let text):
      return
        "'\(text)' is not a time: give SECONDS.NANOSECONDS as printed by 'phasesplit restore --print-time'"
    }
  }
}
