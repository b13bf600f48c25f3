import Basics
import CLibArchive

/// Packs a directory tree into a reproducible zstd-compressed pax archive (see docs/archive-format.md).
public enum ArchivePacker {
  /// Packs the contents of `directory` into `archive`.
  ///
  /// The archive is written to a temporary file next to `archive` and renamed into place, so a
  /// failed pack leaves no partial archive. Throws `ArchiveError`.
  @discardableResult
  public static func pack(directory: RawPath, archive: RawPath, options: PackOptions = PackOptions()) throws
    -> PackSummary
  {
    try packSelected(directory: directory, archive: archive, options: options) { entries, _ in entries }
      .summary
  }

  /// What `packSelected` wrote, and the whole tree it scanned.
  struct SelectedPack {
    var summary: PackSummary
    /// Every entry of the tree, sorted (also those `select` left out).
    var tree: [TreeEntry]
    /// The ranking of the whole tree's mtimes, which the written entries' stored times follow.
    var ranking: MtimeRanking
  }

  /// Packs the entries of `directory` that `select` returns (given every entry, sorted, and the
  /// ranking of all their mtimes), each stored with its rank in the whole tree, into `archive`;
  /// the header's `max-rank` is the whole tree's. Layers (`LayerPacker`) are made this way.
  static func packSelected(
    directory: RawPath, archive: RawPath, options: PackOptions,
    select: ([TreeEntry], MtimeRanking) throws -> [TreeEntry]
  ) throws -> SelectedPack {
    var info = stat()
    guard directory.withCString({ stat($0, &info) }) == 0 else {
      throw ArchiveError.cannotAccess(path: directory.description, operation: "stat", errno: errno)
    }
    guard info.st_mode & S_IFMT == S_IFDIR else {
      throw ArchiveError.cannotAccess(
        path: directory.description, operation: "pack (not a directory)", errno: ENOTDIR)
    }
    let temporary = try TemporaryArchiveFile(destination: archive)
    do {
      let packed = try writeArchive(directory: directory, file: temporary, options: options, select: select)
      try temporary.commit()
      return packed
    } catch {
      temporary.discard()
      throw error
    }
  }

  private static func writeArchive(
    directory: RawPath, file: TemporaryArchiveFile, options: PackOptions,
    select: ([TreeEntry], MtimeRanking) throws -> [TreeEntry]
  ) throws -> SelectedPack {
    let scanner = TreeScanner(
      excludedPaths: Set(options.excludedPaths.map(normalizedRelativePath)),
      skippedInodes: skippedInodes(file)
    )
    var restoredModes = false
    defer { if !restoredModes { try? scanner.permissionGrants.restore() } }
    let tree = try scanner.scan(root: directory)
    let ranking = MtimeRanking(times: tree.map(\.modificationTime))
    let entries = try select(tree, ranking)
    let header = ArchiveHeader(
      mtimePolicy: options.mtimePolicy,
      maxRank: options.mtimePolicy == .ranked ? ranking.maxRank : -1
    )
    let compressor = try ZstdFileWriter(
      descriptor: file.descriptor,
      path: file.destination.description,
      level: options.compressionLevel,
      workers: options.compressionWorkers,
      expectedInputBytes: entries.reduce(0) { $0 + $1.size }
    )
    try compressor.writeRaw(header.frameBytes)
    let writer = try TarStreamWriter(compressor: compressor, archivePath: file.destination.description)
    var firstPathOfInode: [InodeKey: RawPath] = [:]
    var contentBytes: Int64 = 0
    let ninjaMapping = options.mtimePolicy == .ranked ? NinjaTimeMapping.packing(ranking) : nil
    for entry in entries {
      let storedTime =
        options.mtimePolicy == .ranked
        ? ArchiveClock.storedTime(rank: ranking.rank(atOrBelow: entry.modificationTime))
        : entry.modificationTime
      let source = directory.appending(entry.relativePath)
      if entry.kind == .regularFile && entry.linkCount > 1 {
        let key = InodeKey(device: entry.device, inode: entry.inode)
        if let first = firstPathOfInode[key] {
          try writer.writeHardLink(entry, storedTime: storedTime, target: first)
          continue
        }
        firstPathOfInode[key] = entry.relativePath
      }
      if let ninjaMapping, entry.kind == .regularFile,
        NinjaTimeMapping.isNinjaStateFile(entry.relativePath.lastComponent),
        entry.linkCount == 1
      {
        guard entry.size <= NinjaTimeMapping.greatestStateFileSize else {
          throw ArchiveError.ninjaStateTooLarge(path: source.description, size: entry.size)
        }
        let original = try ninjaStateFile(source, size: entry.size)
        let rewritten = ninjaMapping.rewrite(original, name: entry.relativePath.lastComponent)
        try writer.writeFile(entry, storedTime: storedTime, contents: rewritten)
        contentBytes += Int64(rewritten.count)
        continue
      }
      try writer.write(entry, storedTime: storedTime, source: source)
      contentBytes += entry.size
    }
    try writer.close()
    try compressor.finish()
    restoredModes = true
    try scanner.permissionGrants.restore()
    let summary = PackSummary(
      entryCount: entries.count,
      contentBytes: contentBytes,
      archiveBytes: file.currentSize(),
      header: header,
      notes: scanner.notes
    )
    return SelectedPack(summary: summary, tree: tree, ranking: ranking)
  }

  /// The temporary archive and the existing archive it will replace, so packing a tree into a file
  /// inside it never packs an archive into itself.
  /// The `size` bytes of the ninja state file at `path`, failing if it has changed size.
  private static func ninjaStateFile(_ path: RawPath, size: Int64) throws -> [UInt8] {
    let contents: [UInt8]
    do {
      contents = try FileContents.read(pathBytes: path.bytes, followingSymlinks: false)
    } catch {
      throw ArchiveError.cannotAccess(
        path: path.description, operation: error.operation, errno: error.errorNumber)
    }
    guard contents.count == Int(size) else {
      throw ArchiveError.fileChangedWhilePacking(
        path: path.description, expected: size, actual: Int64(contents.count))
    }
    return contents
  }

  private static func skippedInodes(_ file: TemporaryArchiveFile) -> Set<InodeKey> {
    var inodes: Set<InodeKey> = [InodeKey(device: file.device, inode: file.inode)]
    var existing = stat()
    if file.destination.withCString({ stat($0, &existing) }) == 0 {
      inodes.insert(InodeKey(device: UInt64(existing.st_dev), inode: UInt64(existing.st_ino)))
    }
    return inodes
  }

  /// `path` without leading `./` and trailing `/`, as the scanner's relative paths are.
  private static func normalizedRelativePath(_ path: RawPath) -> RawPath {
    RawPath(
      bytes: Array(
        path.components.filter { $0.bytes != [UInt8(ascii: ".")] }.map(\.bytes).joined(separator: [
          UInt8(ascii: "/")
        ])))
  }
}

/// Identity of an inode, for hard-link detection.
struct InodeKey: Hashable {
  var device: UInt64
  var inode: UInt64
}

/// What `ArchivePacker.pack` wrote.
public struct PackSummary: Sendable {
  /// Entries written (directories, files, symlinks, hard links).
  public var entryCount: Int
  /// Uncompressed bytes of file contents.
  public var contentBytes: Int64
  /// Size of the archive file.
  public var archiveBytes: Int64
  /// The archive's header (mtime policy and greatest rank).
  public var header: ArchiveHeader
  /// One line per entry left out of the archive (sockets), for the log.
  public var notes: [String] = []
}
