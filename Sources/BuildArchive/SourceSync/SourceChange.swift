/// One entry of a source tree that differs between an old and a new source: added, changed
/// (kind, contents, permission bits or symlink target) or deleted.
public struct SourceChange: Hashable, Sendable {
  /// How the entry changed.
  public enum Kind: String, Sendable {
    case added, changed, deleted
  }

  /// The path relative to the source trees' root.
  public var path: RawPath
  /// How it changed.
  public var kind: Kind
  /// Whether the new entry (the old one, for a deletion) is a directory.
  public var isDirectory: Bool
  /// Whether the new entry (the old one, for a deletion) is a regular file.
  public var isRegularFile: Bool

  public init(path: RawPath, kind: Kind, isDirectory: Bool, isRegularFile: Bool? = nil) {
    self.path = path
    self.kind = kind
    self.isDirectory = isDirectory
    self.isRegularFile = isRegularFile ?? !isDirectory
  }
}
