/// The kinds of file system entries a build-tree archive holds.
public enum TreeEntryKind: String, Sendable, Codable {
  case directory
  case regularFile = "file"
  case symlink
  case hardLink = "hardlink"
  /// A named pipe: restored as an empty FIFO with its mode and time.
  case fifo
}
