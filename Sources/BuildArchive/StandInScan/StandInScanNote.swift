/// Something the stand-in scan could not look into (a container libarchive cannot read, or one
/// nested deeper or larger than the scan goes); not a failure.
public struct StandInScanNote: Sendable, Equatable, CustomStringConvertible {
  /// The file in the output.
  public var file: RawPath
  /// The containers around the unread part, outermost first.
  public var layers: [String]
  /// Why it was not read.
  public var reason: String

  public var description: String {
    let place = layers.isEmpty ? "\(file)" : "\(file) (\(layers.joined(separator: " → ")))"
    return "\(place): not looked into: \(reason)"
  }
}
