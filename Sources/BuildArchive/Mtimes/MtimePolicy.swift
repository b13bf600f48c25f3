/// How `pack` stores modification times.
public enum MtimePolicy: String, Sendable, Codable {
  /// Each entry's mtime is stored as its rank among the tree's distinct mtimes (reproducible,
  /// order-preserving); `unpack` maps ranks to times just before "now".
  case ranked
  /// Exact nanosecond mtimes are stored and restored (not reproducible).
  case exact
}
