/// One entry of an archive as `phasesplit list` shows it.
public struct ArchiveEntryInfo: Codable, Equatable, Sendable {
  /// The path as text: valid UTF-8 as is, other bytes as `\xNN` (see `EscapedText`).
  public var path: String
  /// The raw path bytes.
  public var rawPath: RawPath
  /// Entry kind.
  public var type: TreeEntryKind
  /// Permission bits (including setuid/setgid/sticky as stored).
  public var mode: UInt32
  /// Data size in bytes (0 for directories, symlinks and hard links).
  public var size: Int64
  /// Symlink target or hard-link target path, escaped like `path`.
  public var linkTarget: String?
  /// Stored modification time (a rank time in ranked archives).
  public var storedTime: FileTime

  private enum CodingKeys: String, CodingKey {
    case path, type, mode, size, linkTarget
  }

  /// An entry description.
  public init(
    rawPath: RawPath, type: TreeEntryKind, mode: UInt32, size: Int64, linkTarget: RawPath?,
    storedTime: FileTime
  ) {
    self.path = rawPath.description
    self.rawPath = rawPath
    self.type = type
    self.mode = mode
    self.size = size
    self.linkTarget = linkTarget?.description
    self.storedTime = storedTime
  }

  /// Decodes the JSON form (`rawPath` is rebuilt from the escaped text and may differ for names
  /// that are not valid UTF-8; `storedTime` is not part of the JSON form).
  public init(from decoder: any Decoder) throws {
    let container = try decoder.container(keyedBy: CodingKeys.self)
    path = try container.decode(String.self, forKey: .path)
    rawPath = RawPath(path)
    type = try container.decode(TreeEntryKind.self, forKey: .type)
    let modeText = try container.decode(String.self, forKey: .mode)
    mode = UInt32(modeText, radix: 8) ?? 0
    size = try container.decode(Int64.self, forKey: .size)
    linkTarget = try container.decodeIfPresent(String.self, forKey: .linkTarget)
    storedTime = FileTime(seconds: 0)
  }

  /// Encodes `path`, `type`, `mode` (octal text such as "0755"), `size` and `linkTarget`.
  public func encode(to encoder: any Encoder) throws {
    var container = encoder.container(keyedBy: CodingKeys.self)
    try container.encode(path, forKey: .path)
    try container.encode(type, forKey: .type)
    let octal = String(mode, radix: 8)
    try container.encode(String(repeating: "0", count: max(0, 4 - octal.count)) + octal, forKey: .mode)
    try container.encode(size, forKey: .size)
    try container.encodeIfPresent(linkTarget, forKey: .linkTarget)
  }
}
