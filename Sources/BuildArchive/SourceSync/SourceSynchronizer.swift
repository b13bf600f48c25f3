import Basics

/// Brings the source part of a restored build tree up to a new source: applies a
/// `SourceDifference` (old source → new source) to the tree, copying added and changed entries
/// from the new source and removing deleted ones. Entries the source did not change are left
/// as the build left them.
///
/// Every added or changed file, symlink and FIFO gets a modification time newer than every
/// entry of the tree before the sync, in the order of their times in the new source (ties
/// kept): `newest + (rank + 1) µs`. The sync waits until the clock has passed the newest time
/// it set, so no time is in the future and everything the build writes afterwards is newer.
public enum SourceSynchronizer {
  /// What the sync did.
  public struct Summary: Sendable {
    /// Entries written or removed, in path order.
    public var applied: [SourceChange]
    /// The deleted entries left in the tree (`keepingDeleted`) for the runner to remove, in path order.
    public var keptDeleted: [RawPath]
  }

  /// Applies `difference` to `target`, reading new entries from `newSource` (a directory holding at
  /// least the added and changed entries, see `ArchivedTree.extract`). `excluded` are
  /// paths relative to `target` that are not part of the build tree (scratch directories).
  /// With `keepingDeleted`, deleted entries stay in the tree and their files get new mtimes as
  /// changed files do (`IncrementalMode.incrementalSettlingDeletions`).
  @discardableResult
  public static func apply(
    _ difference: SourceDifference, from newSource: RawPath, into target: RawPath, excluded: Set<RawPath>,
    keepingDeleted: Bool = false
  ) throws -> Summary {
    let newest = try newestTime(in: target, excluded: excluded)
    var written: [RawPath] = []
    var keptDeleted: [RawPath] = []
    if keepingDeleted {
      for change in difference.changes where change.kind == .deleted {
        var info = stat()
        guard target.appending(change.path).withCString({ lstat($0, &info) }) == 0 else { continue }
        keptDeleted.append(change.path)
        if info.st_mode & S_IFMT == S_IFREG { written.append(change.path) }
      }
    } else {
      for change in difference.changes.reversed() where change.kind == .deleted {
        try removeTree(target.appending(change.path))
      }
    }
    var directoryModes: [(RawPath, UInt32)] = []
    for change in difference.changes where change.kind != .deleted {
      let source = newSource.appending(change.path)
      let destination = target.appending(change.path)
      var info = stat()
      guard source.withCString({ lstat($0, &info) }) == 0 else {
        throw ArchiveError.cannotAccess(path: source.description, operation: "lstat", errno: errno)
      }
      let permissions = UInt32(info.st_mode) & 0o7777
      switch info.st_mode & S_IFMT {
      case S_IFDIR:
        try makeDirectory(destination)
        directoryModes.append((destination, permissions))
      case S_IFREG:
        try removeTree(destination)
        try copyFile(source, to: destination, permissions: permissions)
        written.append(change.path)
      case S_IFLNK:
        try removeTree(destination)
        let target = try readLink(source, size: Int(info.st_size))
        let status = target.withCString { linkText in destination.withCString { symlink(linkText, $0) } }
        guard status == 0 else {
          throw ArchiveError.cannotExtract(entry: destination.description, operation: "symlink", errno: errno)
        }
        written.append(change.path)
      case S_IFIFO:
        try removeTree(destination)
        guard destination.withCString({ mkfifo($0, mode_t(permissions)) }) == 0 else {
          throw ArchiveError.cannotExtract(entry: destination.description, operation: "mkfifo", errno: errno)
        }
        written.append(change.path)
      default:
        throw ArchiveError.unsupportedFileType(path: source.description, kind: "special file")
      }
    }
    try setTimes(of: written, in: target, after: newest, order: difference.newTimes)
    for (directory, permissions) in directoryModes.reversed() {
      guard directory.withCString({ chmod($0, mode_t(permissions)) }) == 0 else {
        throw ArchiveError.cannotExtract(entry: directory.description, operation: "chmod", errno: errno)
      }
    }
    return Summary(applied: difference.changes, keptDeleted: keptDeleted)
  }

  /// The newest modification time of any entry of the tree (the Unix epoch for an empty tree).
  static func newestTime(in root: RawPath, excluded: Set<RawPath>) throws -> FileTime {
    let scanner = TreeScanner(excludedPaths: excluded, skippedInodes: [])
    let entries: [TreeEntry]
    do {
      entries = try scanner.scan(root: root)
    } catch {
      try? scanner.permissionGrants.restore()
      throw error
    }
    try scanner.permissionGrants.restore()
    return entries.map(\.modificationTime).max() ?? FileTime(seconds: 0)
  }

  /// Gives the written entries times `newest + (rank + 1) µs` by the rank of their new-source
  /// times, then waits until the clock is past the last of them.
  private static func setTimes(
    of paths: [RawPath], in root: RawPath, after newest: FileTime, order: [RawPath: FileTime]
  ) throws {
    let distinct = Array(Set(paths.compactMap { order[$0] })).sorted()
    let ranks = Dictionary(uniqueKeysWithValues: distinct.enumerated().map { ($1, Int64($0)) })
    var latest = newest
    for path in paths {
      let rank = order[path].flatMap { ranks[$0] } ?? Int64(distinct.count)
      let time = FileTime(seconds: newest.seconds, nanoseconds: newest.nanoseconds + (rank + 1) * 1000)
      latest = max(latest, time)
      var times = [
        timespec(tv_sec: Int(time.seconds), tv_nsec: Int(time.nanoseconds)),
        timespec(tv_sec: Int(time.seconds), tv_nsec: Int(time.nanoseconds)),
      ]
      let full = root.appending(path)
      let status = full.withCString { utimensat(AT_FDCWD, $0, &times, AT_SYMLINK_NOFOLLOW) }
      guard status == 0 else {
        throw ArchiveError.cannotExtract(entry: full.description, operation: "set the time of", errno: errno)
      }
    }
    // A restored tree's newest time is just before the restore; a tree with times far in the
    // future (a skewed clock) is not waited for: the build tool will warn about it anyway.
    let giveUp = currentTime().seconds + 2
    while latest.seconds < giveUp {
      if currentTime() > latest { return }
      var pause = timespec(tv_sec: 0, tv_nsec: 1_000_000)
      nanosleep(&pause, nil)
    }
  }

  private static func currentTime() -> FileTime {
    var now = timespec()
    clock_gettime(CLOCK_REALTIME_COARSE, &now)
    return FileTime(seconds: Int64(now.tv_sec), nanoseconds: Int64(now.tv_nsec))
  }

  private static func makeDirectory(_ path: RawPath) throws {
    var info = stat()
    if path.withCString({ lstat($0, &info) }) == 0 {
      if info.st_mode & S_IFMT == S_IFDIR { return }
      try removeTree(path)
    }
    guard path.withCString({ mkdir($0, 0o700) }) == 0 else {
      throw ArchiveError.cannotExtract(entry: path.description, operation: "mkdir", errno: errno)
    }
  }

  private static func copyFile(_ source: RawPath, to destination: RawPath, permissions: UInt32) throws {
    let input = source.withCString { open($0, O_RDONLY | O_NOFOLLOW | O_CLOEXEC) }
    guard input >= 0 else {
      throw ArchiveError.cannotAccess(path: source.description, operation: "open", errno: errno)
    }
    defer { close(input) }
    let output = destination.withCString {
      open($0, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, mode_t(0o600))
    }
    guard output >= 0 else {
      throw ArchiveError.cannotExtract(entry: destination.description, operation: "create", errno: errno)
    }
    defer { close(output) }
    var block = [UInt8](repeating: 0, count: 1 << 20)
    while true {
      let count = block.withUnsafeMutableBytes {
        FileDescriptorIO.readFully(input, $0.baseAddress!, count: $0.count)
      }
      guard count >= 0 else {
        throw ArchiveError.cannotAccess(path: source.description, operation: "read", errno: Int32(-count))
      }
      if count == 0 { break }
      let code = block.withUnsafeBytes { FileDescriptorIO.writeAll(output, $0.baseAddress!, count: count) }
      guard code == 0 else {
        throw ArchiveError.cannotExtract(entry: destination.description, operation: "write", errno: code)
      }
    }
    guard fchmod(output, mode_t(permissions & 0o777)) == 0 else {
      throw ArchiveError.cannotExtract(entry: destination.description, operation: "chmod", errno: errno)
    }
  }

  private static func readLink(_ path: RawPath, size: Int) throws -> RawPath {
    var buffer = [UInt8](repeating: 0, count: max(size, 1) + 1)
    let count = path.withCString { cPath in
      buffer.withUnsafeMutableBytes {
        readlink(cPath, $0.baseAddress!.assumingMemoryBound(to: CChar.self), $0.count)
      }
    }
    guard count >= 0 else {
      throw ArchiveError.cannotAccess(path: path.description, operation: "readlink", errno: errno)
    }
    return RawPath(bytes: Array(buffer[0..<count]))
  }

  /// Removes every entry of the directory `root` except the top-level names in `keeping`.
  public static func clear(_ root: RawPath, keeping: Set<RawPath>) throws {
    for name in try DirectoryReading.names(in: root) where !keeping.contains(name) {
      try removeTree(root.appending(name))
    }
  }

  /// Removes a file, symlink or whole directory tree; nothing when the path does not exist.
  public static func removeTree(_ path: RawPath) throws {
    var info = stat()
    guard path.withCString({ lstat($0, &info) }) == 0 else {
      if errno == ENOENT { return }
      throw ArchiveError.cannotAccess(path: path.description, operation: "lstat", errno: errno)
    }
    if info.st_mode & S_IFMT == S_IFDIR {
      _ = path.withCString { chmod($0, mode_t(UInt32(info.st_mode) & 0o7777 | 0o700)) }
      for name in try DirectoryReading.names(in: path) { try removeTree(path.appending(name)) }
      guard path.withCString({ rmdir($0) }) == 0 else {
        throw ArchiveError.cannotExtract(entry: path.description, operation: "rmdir", errno: errno)
      }
    } else {
      guard path.withCString({ unlink($0) }) == 0 else {
        throw ArchiveError.cannotExtract(entry: path.description, operation: "unlink", errno: errno)
      }
    }
  }
}

extension SourceSynchronizer {
  /// Whether the tree holds a `build.ninja` (a CMake-with-Ninja or Meson build directory).
  public static func buildTreeUsesNinja(_ root: RawPath, excluded: Set<RawPath>) throws -> Bool {
    let scanner = TreeScanner(excludedPaths: excluded, skippedInodes: [])
    defer { try? scanner.permissionGrants.restore() }
    return try scanner.scan(root: root).contains {
      $0.kind == .regularFile && $0.relativePath.lastComponent == RawPath("build.ninja")
    }
  }
}
