/// A place in an output that still names a stand-in after relocation: a file and the form the
/// stand-in's hash part is stored in.
public struct StandInRemnant: Sendable, Equatable, CustomStringConvertible {
  /// The file (or symlink) in the output.
  public var file: RawPath
  /// The containers around the bytes, outermost first (`gzip-compressed data`, `zip entry 'a'`);
  /// empty for the file's own bytes.
  public var layers: [String]
  /// How the hash part is encoded.
  public var encoding: StandInPattern.Encoding
  /// The offset of the hash part in the innermost container's contents (the file's bytes when
  /// there is none); nil for a symlink target.
  public var offset: Int?
  /// The stand-in path whose hash part it is.
  public var standIn: RawPath
  /// When relocation rewrote a stand-in stored uncompressed inside a container and so broke the
  /// container's checksum: libarchive's complaint. `offset` is then where the file's own bytes
  /// name the real output.
  public var damage: String? = nil

  /// Where and how the stand-in is stored, e.g. `gzip-compressed data, plain bytes at offset 12 of
  /// the decompressed contents`.
  public var form: String {
    guard let offset else { return "symlink target" }
    if let damage {
      return "\(layers.joined(separator: " → ")) no longer reads (\(damage)), and the file names the real "
        + "output at offset \(offset): relocation rewrote a stand-in stored uncompressed inside it, so its "
        + "checksum no longer matches"
    }
    if layers.isEmpty { return "\(encoding.rawValue) at offset \(offset)" }
    return
      "\(layers.joined(separator: " → ")), \(encoding.rawValue) at offset \(offset) of the decompressed contents"
  }

  /// `FILE: FORM (stand-in STANDIN)`.
  public var description: String {
    "\(file): \(form) (stand-in \(standIn))"
  }
}
