/// One file system entry found while scanning a tree to pack.
struct TreeEntry {
  /// Path relative to the scanned root, never empty.
  var relativePath: RawPath
  /// The entry's kind as found on disk (hard links are detected later, from `device`/`inode`).
  var kind: TreeEntryKind
  /// Permission bits (`st_mode & 0o7777`).
  var permissions: UInt32
  /// Size in bytes for regular files, 0 otherwise.
  var size: Int64
  /// Modification time.
  var modificationTime: FileTime
  /// Status change time (ctime): set by the kernel on every change of contents or metadata, never
  /// by the user, so layers find what changed since a restore with it.
  var changeTime: FileTime
  /// Device of the inode, for hard-link detection.
  var device: UInt64
  /// Inode number, for hard-link detection.
  var inode: UInt64
  /// Number of hard links to the inode.
  var linkCount: UInt64
  /// The owning user id.
  var owner: UInt32
  /// The symlink's target, for symlinks.
  var symlinkTarget: RawPath?
}

/// The kinds of file system entries a build-tree archive holds.
public enum TreeEntryKind: String, Sendable, Codable {
  case directory
  case regularFile = "file"
  case symlink
  case hardLink = "hardlink"
  /// A named pipe: restored as an empty FIFO with its mode and time.
  case fifo
}
