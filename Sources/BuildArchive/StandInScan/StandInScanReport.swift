/// The result of scanning outputs for stand-in remnants.
public struct StandInScanReport: Sendable, Equatable {
  /// Every place that still names a stand-in, in path order (at most one for each file and
  /// container entry: the first occurrence).
  public var remnants: [StandInRemnant] = []
  /// Containers that were not looked into.
  public var notes: [StandInScanNote] = []
  /// Regular files scanned.
  public var files = 0
  /// Bytes of those files.
  public var bytes: Int64 = 0
  /// Compressed streams and archives looked into (nested ones included).
  public var containers = 0
}
