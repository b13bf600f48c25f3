import Basics

/// Restores a build-tree archive into a directory, safely (see docs/archive-format.md).
public enum ArchiveUnpacker {
  /// All-zero blocks at least this large are left as holes instead of written.
  private static let holeThreshold = 64 * 1024

  /// Extracts `archive` into `directory` (created if missing).
  ///
  /// Refuses absolute paths, `..` components, writing through symlinks, device nodes and
  /// sockets; drops setuid/setgid bits with a warning. Ranked mtimes are restored just before
  /// `now` (nanoseconds since the epoch; the current time by default). With `only`, extracts just
  /// the entries whose paths (relative, `.` components dropped) it holds, creating missing parent
  /// directories with mode 0755. Throws `ArchiveError`.
  @discardableResult
  public static func unpack(
    archive: RawPath, into directory: RawPath, now: Int64? = nil, only: Set<RawPath>? = nil
  ) throws -> UnpackSummary {
    let reader = try TarStreamReader(path: archive)
    let target = try ExtractionTarget(root: directory)
    let clock: ArchiveClock? =
      reader.header?.mtimePolicy == .ranked
      ? ArchiveClock(maxRank: reader.header!.maxRank, now: now ?? currentTime()) : nil
    var restored: [RestoredEntry] = []
    var entryCount = 0
    var warnings: [String] = []
    while let header = try reader.nextEntry() {
      let components = try ExtractionTarget.components(of: header.path)
      if components.isEmpty || only.map({ !$0.contains(ExtractionTarget.joined(components)) }) ?? false {
        try reader.skipData()
        continue
      }
      var permissions = header.permissions & 0o7777
      if permissions & 0o6000 != 0 {
        permissions &= ~UInt32(0o6000)
        warnings.append("dropped setuid/setgid bits from '\(header.path)'")
      }
      let time = try restoredTime(of: header, clock: clock, reader: reader)
      let created = try extract(
        header, components: components, permissions: permissions, time: time, reader: reader, target: target,
        clock: clock)
      entryCount += 1
      // Files got their time when written; directories and symlinks get theirs at the end.
      switch created {
      case .directory:
        restored.append(RestoredEntry(components: components, time: time, directoryPermissions: permissions))
      case .symlink:
        restored.append(RestoredEntry(components: components, time: time, directoryPermissions: nil))
      case .file:
        break
      }
    }
    for entry in restored.reversed() {
      try entry.apply(in: target)
    }
    return UnpackSummary(entryCount: entryCount, warnings: warnings, header: reader.header)
  }

  /// The time to give an entry: in ranked archives its rank's restored time (a rank beyond the
  /// header's `max-rank` is an error), otherwise the stored time.
  private static func restoredTime(
    of header: ArchiveEntryHeader, clock: ArchiveClock?, reader: TarStreamReader
  )
    throws -> FileTime
  {
    guard let clock, let rank = ArchiveClock.rank(storedTime: header.modificationTime) else {
      return header.modificationTime
    }
    guard rank <= clock.maxRank else {
      throw reader.corruption(
        "its mtime is rank \(rank), beyond the archive header's max-rank \(clock.maxRank)")
    }
    return clock.restoredTime(rank: rank)
  }

  /// What an extracted entry still needs after all entries exist.
  private enum CreatedEntry {
    /// A regular file or hard link: complete.
    case file
    /// A directory: its time and mode.
    case directory
    /// A symlink or FIFO: its time.
    case symlink
  }

  /// Creates one entry (a regular file gets its mode and `time` right away).
  private static func extract(
    _ header: ArchiveEntryHeader, components: [RawPath], permissions: UInt32, time: FileTime,
    reader: TarStreamReader, target: ExtractionTarget, clock: ArchiveClock?
  ) throws -> CreatedEntry {
    let name = components.last!
    let parent = try target.parentDirectory(of: components, entry: header.path, create: true)
    if let linkTarget = header.hardLinkTarget {
      let targetComponents = try ExtractionTarget.components(of: linkTarget)
      guard !targetComponents.isEmpty else {
        throw ArchiveError.unsafeEntry(
          entry: header.path.description, reason: "its hard-link target is empty")
      }
      let duplicate = parent >= 0 ? dup(parent) : parent
      defer { close(duplicate) }
      let targetParent = try target.parentDirectory(of: targetComponents, entry: header.path, create: false)
      let linked = try createReplacing(name, in: duplicate, entry: header.path, target: target) {
        targetComponents.last!.withCString { from in
          name.withCString { to in linkat(targetParent, from, duplicate, to, 0) }
        }
      }
      guard linked == 0 else {
        throw ArchiveError.cannotExtract(
          entry: header.path.description, operation: "link to '\(linkTarget)'", errno: errno)
      }
      try reader.skipData()
      return .file
    }
    switch header.fileType {
    case ArchiveFileType.directory:
      try makeDirectory(name, in: parent, entry: header.path, target: target)
      return .directory
    case ArchiveFileType.regularFile:
      let descriptor = try createReplacing(name, in: parent, entry: header.path, target: target) {
        name.withCString { openat(parent, $0, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o600) }
      }
      guard descriptor >= 0 else {
        throw ArchiveError.cannotExtract(entry: header.path.description, operation: "create", errno: errno)
      }
      defer { close(descriptor) }
      try writeFile(
        header, name: name, descriptor: descriptor, permissions: permissions, time: time, reader: reader,
        clock: clock)
      return .file
    case ArchiveFileType.fifo:
      let made = try createReplacing(name, in: parent, entry: header.path, target: target) {
        name.withCString { mkfifoat(parent, $0, 0o600) }
      }
      guard made == 0 else {
        throw ArchiveError.cannotExtract(entry: header.path.description, operation: "mkfifo", errno: errno)
      }
      guard name.withCString({ fchmodat(parent, $0, mode_t(permissions), 0) }) == 0 else {
        throw ArchiveError.cannotExtract(entry: header.path.description, operation: "chmod", errno: errno)
      }
      try reader.skipData()
      return .symlink
    case ArchiveFileType.symlink:
      let linkTarget = header.symlinkTarget ?? RawPath(bytes: [])
      let made = try createReplacing(name, in: parent, entry: header.path, target: target) {
        linkTarget.withCString { to in name.withCString { symlinkat(to, parent, $0) } }
      }
      guard made == 0 else {
        throw ArchiveError.cannotExtract(entry: header.path.description, operation: "symlink", errno: errno)
      }
      try reader.skipData()
      return .symlink
    default:
      throw ArchiveError.unsafeEntry(
        entry: header.path.description,
        reason:
          "it is a \(kindName(header.fileType)); only files, directories, symlinks and FIFOs are allowed")
    }
  }

  private static func makeDirectory(
    _ name: RawPath, in parent: Int32, entry: RawPath, target: ExtractionTarget
  )
    throws
  {
    if name.withCString({ mkdirat(parent, $0, 0o700) }) == 0 { return }
    guard errno == EEXIST else {
      throw ArchiveError.cannotExtract(entry: entry.description, operation: "mkdir", errno: errno)
    }
    var info = stat()
    if name.withCString({ fstatat(parent, $0, &info, AT_SYMLINK_NOFOLLOW) }) == 0
      && info.st_mode & S_IFMT == S_IFDIR
    {
      // An existing directory is reused; give it owner access until its mode is applied at the end.
      _ = name.withCString { fchmodat(parent, $0, mode_t(info.st_mode & 0o7777) | 0o700, 0) }
      return
    }
    try target.removeExisting(name, in: parent, entry: entry)
    guard name.withCString({ mkdirat(parent, $0, 0o700) }) == 0 else {
      throw ArchiveError.cannotExtract(entry: entry.description, operation: "mkdir", errno: errno)
    }
  }

  /// Runs `create` (which returns a negative value with `errno` set on failure); if the name is
  /// taken by a non-directory, removes that and runs `create` once more.
  private static func createReplacing(
    _ name: RawPath, in parent: Int32, entry: RawPath, target: ExtractionTarget, _ create: () -> Int32
  ) throws -> Int32 {
    let result = create()
    guard result < 0 && errno == EEXIST else { return result }
    try target.removeExisting(name, in: parent, entry: entry)
    return create()
  }

  /// Writes the current entry's data to `descriptor`, then sets its size, mode and time.
  private static func writeFile(
    _ header: ArchiveEntryHeader, name: RawPath, descriptor: Int32, permissions: UInt32, time: FileTime,
    reader: TarStreamReader, clock: ArchiveClock?
  ) throws {
    var finalSize = header.size
    var writtenEnd: Int64 = 0
    if let clock, NinjaTimeMapping.isNinjaStateFile(name) {
      guard header.size <= NinjaTimeMapping.greatestStateFileSize else {
        throw reader.corruption(
          "the ninja state file declares \(header.size) bytes, more than the \(NinjaTimeMapping.greatestStateFileSize) "
            + "phasesplit packs")
      }
      // Grows with the data really read, never with the declared size alone.
      var contents: [UInt8] = []
      try reader.readData { block, offset in
        guard offset == Int64(contents.count) else {
          throw reader.corruption("the ninja state file's data is not contiguous (at offset \(offset))")
        }
        contents.append(contentsOf: block)
      }
      guard contents.count == Int(header.size) else {
        throw reader.corruption("the ninja state file holds \(contents.count) of its \(header.size) bytes")
      }
      let rewritten = NinjaTimeMapping.restoring(clock).rewrite(contents, name: name)
      try rewritten.withUnsafeBytes { try writeBlock($0, at: 0, to: descriptor, entry: header.path) }
      finalSize = Int64(rewritten.count)
      writtenEnd = finalSize
    } else {
      try reader.readData { block, offset in
        if block.count >= holeThreshold && isAllZero(block) { return }
        try writeBlock(block, at: offset, to: descriptor, entry: header.path)
        writtenEnd = max(writtenEnd, offset + Int64(block.count))
      }
    }
    // Trailing holes (skipped zero blocks, sparse entries) need the size set explicitly.
    if writtenEnd != finalSize {
      guard ftruncate(descriptor, off_t(finalSize)) == 0 else {
        throw ArchiveError.cannotExtract(
          entry: header.path.description, operation: "set file size", errno: errno)
      }
    }
    guard fchmod(descriptor, mode_t(permissions)) == 0 else {
      throw ArchiveError.cannotExtract(entry: header.path.description, operation: "chmod", errno: errno)
    }
    var times = [RestoredEntry.timespec(time), RestoredEntry.timespec(time)]
    guard futimens(descriptor, &times) == 0 else {
      throw ArchiveError.cannotExtract(
        entry: header.path.description, operation: "set modification time", errno: errno)
    }
  }

  private static func writeBlock(
    _ block: UnsafeRawBufferPointer, at offset: Int64, to descriptor: Int32, entry: RawPath
  )
    throws
  {
    guard let start = block.baseAddress else { return }  // an empty block (no buffer) writes nothing
    let code = FileDescriptorIO.writeAll(descriptor, start, count: block.count, at: offset)
    guard code == 0 else {
      throw ArchiveError.cannotExtract(entry: entry.description, operation: "write", errno: code)
    }
  }

  private static func isAllZero(_ block: UnsafeRawBufferPointer) -> Bool {
    let words = block.count / 8
    let wordPointer = block.baseAddress!.assumingMemoryBound(to: UInt8.self)
    var accumulator: UInt64 = 0
    for index in 0..<words {
      accumulator |= UnsafeRawPointer(wordPointer).loadUnaligned(fromByteOffset: index * 8, as: UInt64.self)
      if accumulator != 0 { return false }
    }
    for index in (words * 8)..<block.count where block[index] != 0 {
      return false
    }
    return true
  }

  private static func kindName(_ fileType: UInt32) -> String {
    switch fileType {
    case ArchiveFileType.characterDevice: return "character device"
    case ArchiveFileType.blockDevice: return "block device"
    case ArchiveFileType.fifo: return "FIFO (named pipe)"
    case ArchiveFileType.socket: return "socket"
    default: return "file of unknown type \(String(fileType, radix: 8))"
    }
  }

  /// "Now" for restored times: the kernel's coarse clock (the one file timestamps come from) minus
  /// one tick, so every file written after the restore is strictly newer than every restored file.
  static func currentTime() -> Int64 {
    var now = timespec()
    var tick = timespec()
    clock_gettime(CLOCK_REALTIME_COARSE, &now)
    clock_getres(CLOCK_REALTIME_COARSE, &tick)
    let tickNanoseconds = max(1, Int64(tick.tv_sec) * 1_000_000_000 + Int64(tick.tv_nsec))
    return Int64(now.tv_sec) * 1_000_000_000 + Int64(now.tv_nsec) - tickNanoseconds
  }
}

/// What `ArchiveUnpacker.unpack` restored.
public struct UnpackSummary: Sendable {
  /// Entries extracted.
  public var entryCount: Int
  /// Non-fatal problems (e.g. dropped setuid bits), one message each.
  public var warnings: [String]
  /// The archive's phasesplit header, nil for a plain `.tar.zst`.
  public var header: ArchiveHeader?
}
