import Basics

/// Walks a directory tree with POSIX `opendir`/`readdir`/`lstat` on byte paths, so names that are
/// not valid UTF-8 survive, and never follows symlinks.
///
/// What an unsplit build may leave in its tree is packed too: FIFOs are entries; sockets, which
/// cannot be restored, are skipped with a note; directories without owner `rwx` and regular files
/// without owner `r` that the packing user owns are opened up (`permissionGrants`) with their
/// original modes recorded, and must be given back with `PermissionGrants.restore()` once the
/// contents are read.
final class TreeScanner {
  /// Relative paths to leave out, with everything below them.
  let excludedPaths: Set<RawPath>
  /// Inodes to skip: the archive being written, and the archive it replaces, when inside the tree.
  let skippedInodes: Set<InodeKey>
  /// Modes changed so the tree can be read, to be restored after packing.
  let permissionGrants = PermissionGrants()
  /// One line per entry left out (sockets).
  private(set) var notes: [String] = []
  private let user = geteuid()

  init(excludedPaths: Set<RawPath>, skippedInodes: Set<InodeKey>) {
    self.excludedPaths = excludedPaths
    self.skippedInodes = skippedInodes
  }

  /// Every entry below `root` (the root itself excluded), sorted byte-wise by relative path.
  func scan(root: RawPath) throws -> [TreeEntry] {
    var entries: [TreeEntry] = []
    try scanDirectory(root: root, relative: RawPath(bytes: []), into: &entries)
    entries.sort { $0.relativePath < $1.relativePath }
    return entries
  }

  private func scanDirectory(root: RawPath, relative: RawPath, into entries: inout [TreeEntry]) throws {
    let directory = root.appending(relative)
    guard let handle = directory.withCString({ opendir($0) }) else {
      throw ArchiveError.cannotAccess(path: directory.description, operation: "open directory", errno: errno)
    }
    defer { closedir(handle) }
    let names = try DirectoryReading.names(of: handle, path: directory)
    for name in names {
      let relativePath = relative.appending(name)
      if excludedPaths.contains(relativePath) { continue }
      guard let entry = try examine(root.appending(relativePath), relativePath: relativePath) else {
        continue
      }
      if skippedInodes.contains(InodeKey(device: entry.device, inode: entry.inode)) { continue }
      try grantOwnerAccess(root.appending(relativePath), entry: entry)
      entries.append(entry)
      if entry.kind == .directory {
        try scanDirectory(root: root, relative: relativePath, into: &entries)
      }
    }
  }

  /// Opens up a directory without owner `rwx`, or a regular file without owner `r`, when the
  /// packing user owns it (an unsplit build can leave such entries, and the build user may read
  /// them after a `chmod`); others are left for `open` to report.
  private func grantOwnerAccess(_ path: RawPath, entry: TreeEntry) throws {
    let needed: UInt32
    switch entry.kind {
    case .directory: needed = 0o700
    case .regularFile: needed = 0o400
    default: return
    }
    guard entry.permissions & needed != needed, entry.owner == user else { return }
    guard path.withCString({ chmod($0, mode_t(entry.permissions | needed)) }) == 0 else {
      throw ArchiveError.cannotAccess(path: path.description, operation: "chmod (to read it)", errno: errno)
    }
    permissionGrants.record(path, originalPermissions: entry.permissions)
  }

  private func examine(_ path: RawPath, relativePath: RawPath) throws -> TreeEntry? {
    var info = stat()
    guard path.withCString({ lstat($0, &info) }) == 0 else {
      throw ArchiveError.cannotAccess(path: path.description, operation: "lstat", errno: errno)
    }
    let kind: TreeEntryKind
    var target: RawPath?
    switch info.st_mode & S_IFMT {
    case S_IFDIR: kind = .directory
    case S_IFREG: kind = .regularFile
    case S_IFLNK:
      kind = .symlink
      target = try readLink(path, expectedSize: Int(info.st_size))
    case S_IFIFO: kind = .fifo
    case S_IFSOCK:
      notes.append(
        "skipped socket '\(path)': a socket cannot be archived (its server is gone after the build)")
      return nil
    case S_IFCHR: throw ArchiveError.unsupportedFileType(path: path.description, kind: "character device")
    case S_IFBLK: throw ArchiveError.unsupportedFileType(path: path.description, kind: "block device")
    default: throw ArchiveError.unsupportedFileType(path: path.description, kind: "file of unknown type")
    }
    return TreeEntry(
      relativePath: relativePath,
      kind: kind,
      permissions: UInt32(info.st_mode) & 0o7777,
      size: kind == .regularFile ? Int64(info.st_size) : 0,
      modificationTime: FileTime(
        seconds: Int64(info.st_mtim.tv_sec), nanoseconds: Int64(info.st_mtim.tv_nsec)),
      changeTime: FileTime(seconds: Int64(info.st_ctim.tv_sec), nanoseconds: Int64(info.st_ctim.tv_nsec)),
      device: UInt64(info.st_dev),
      inode: UInt64(info.st_ino),
      linkCount: UInt64(info.st_nlink),
      owner: UInt32(info.st_uid),
      symlinkTarget: target
    )
  }

  private func readLink(_ path: RawPath, expectedSize: Int) throws -> RawPath {
    var capacity = max(expectedSize + 1, 256)
    while true {
      var buffer = [UInt8](repeating: 0, count: capacity)
      let count = path.withCString { cPath in
        buffer.withUnsafeMutableBufferPointer { out in
          out.baseAddress!.withMemoryRebound(to: CChar.self, capacity: capacity) {
            readlink(cPath, $0, capacity)
          }
        }
      }
      guard count >= 0 else {
        throw ArchiveError.cannotAccess(path: path.description, operation: "readlink", errno: errno)
      }
      if count < capacity { return RawPath(bytes: Array(buffer[0..<count])) }
      capacity *= 2
    }
  }
}
