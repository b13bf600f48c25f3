/// Why an attribute is placed where it is, beyond the shared table's own rule.
public enum PlacementReason: Sendable, Equatable {
  /// The attribute is in no table list; it goes to the segments whose scripts read or hold it,
  /// plus the final segment.
  case readByScripts
  /// The attribute is in no table list and a script of an earlier segment cannot be analysed
  /// with certainty (eval, source, indirect expansion), so it goes to every segment.
  case uncertainScripts(attributes: [String])
  /// The attribute is in the table, but scripts of segments the table does not give it to read
  /// it; those segments get it too.
  case readOutsideTable

  /// A stable identifier for reports.
  public var identifier: String {
    switch self {
    case .readByScripts: "readByScripts"
    case .uncertainScripts: "uncertainScripts"
    case .readOutsideTable: "readOutsideTable"
    }
  }
}
