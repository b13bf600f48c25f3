import Basics
import CNettle

/// The tree a segment directory holds (its layer over the previous segments' layers, as
/// `LayerRestorer` restores it), read from the archives without extracting anything: each
/// entry's kind, permission bits, symlink target, a regular file's size and SHA-256 digest, and
/// its mtime order. Incremental builds compare the old and the new source this way
/// (`SourceDifference`) and extract only the entries that differ (`extract(_:into:)`), instead of
/// restoring both source trees (docs/design.md, "Incremental builds").
public struct ArchivedTree: Sendable {
  /// One entry of the tree.
  public struct Entry: Equatable, Sendable {
    /// Directory, regular file (a hard link is the file it links to), symlink or FIFO.
    public var kind: TreeEntryKind
    /// Permission bits as a restore gives them (setuid and setgid dropped).
    public var permissions: UInt32
    /// A regular file's size in bytes, 0 otherwise.
    public var size: Int64
    /// A symlink's target.
    public var symlinkTarget: RawPath?
    /// A regular file's SHA-256 digest, empty otherwise.
    public var digest: [UInt8]
    /// The entry's mtime place in the tree: a later entry has a greater one.
    public var order: FileTime
    /// The chain position (0: the newest layer) of the archive that holds the entry's data.
    var layer: Int
    /// For an entry stored as a hard link, the path its data is stored under in that archive.
    var hardLinkTarget: RawPath?
  }

  /// Every entry, by its path relative to the tree's root.
  public let entries: [RawPath: Entry]
  /// The archives of the chain, newest first.
  private let archives: [RawPath]

  /// Reads the tree of the segment directory `segment` (all archives of its chain are verified).
  public static func read(segment: RawPath) throws -> ArchivedTree {
    let chain = try LayerRestorer.layers(of: segment)
    // With an index, the whole tree's kinds, modes and mtime ranks are listed there; the data of
    // each entry is in the newest archive of the chain that stores it.
    var listing: [RawPath: TreeIndex.Entry]?
    if let index = chain.first?.index {
      var entries: [RawPath: TreeIndex.Entry] = [:]
      for entry in index.entries {
        entries[ExtractionTarget.joined(try ExtractionTarget.components(of: entry.path))] = entry
      }
      listing = entries
    }
    var found: [RawPath: Entry] = [:]
    for (position, layer) in chain.enumerated() {
      try readArchive(layer.archive, position: position) { path, entry in
        if found[path] == nil, listing == nil || listing?[path] != nil { found[path] = entry }
      }
    }
    if let listing {
      for (path, listed) in listing {
        guard var entry = found[path], entry.kind == listed.kind else {
          throw LayerError.inconsistentChain(
            segment: segment.description, entry: path.description,
            detail: found[path] == nil
              ? "is in the index but in none of the chain's archives"
              : "is a \(found[path]!.kind.rawValue) in the archives but a \(listed.kind.rawValue) in the index"
          )
        }
        entry.permissions = restoredPermissions(listed.permissions)
        entry.order = FileTime(seconds: Int64(listed.rank))
        found[path] = entry
      }
    }
    return ArchivedTree(entries: found, archives: chain.map(\.archive))
  }

  /// Extracts the entries at `paths` (relative paths of this tree) into `directory`, each from the
  /// archive that holds its data, creating missing parent directories.
  public func extract(_ paths: some Sequence<RawPath>, into directory: RawPath) throws {
    var byLayer: [Int: Set<RawPath>] = [:]
    for path in paths {
      guard let entry = entries[path] else { continue }
      byLayer[entry.layer, default: []].insert(path)
      // a hard link is extracted as a link to its target, which must be extracted first
      if let target = entry.hardLinkTarget { byLayer[entry.layer, default: []].insert(target) }
    }
    let now = ArchiveUnpacker.currentTime()
    // oldest first, so data from a newer layer replaces what an older one wrote
    for position in byLayer.keys.sorted(by: >) {
      try ArchiveUnpacker.unpack(
        archive: archives[position], into: directory, now: now, only: byLayer[position])
    }
  }

  /// Calls `body` with each entry of `archive` (hard links resolved to the file they link to).
  private static func readArchive(
    _ archive: RawPath, position: Int, _ body: (RawPath, Entry) throws -> Void
  ) throws {
    let reader = try TarStreamReader(path: archive)
    var files: [RawPath: Entry] = [:]
    while let header = try reader.nextEntry() {
      let components = try ExtractionTarget.components(of: header.path)
      guard !components.isEmpty else {
        try reader.skipData()
        continue
      }
      let path = ExtractionTarget.joined(components)
      var entry = Entry(
        kind: .regularFile, permissions: restoredPermissions(header.permissions), size: 0, symlinkTarget: nil,
        digest: [], order: header.modificationTime, layer: position, hardLinkTarget: nil)
      if let linkTarget = header.hardLinkTarget {
        let target = ExtractionTarget.joined(try ExtractionTarget.components(of: linkTarget))
        guard let file = files[target] else {
          throw reader.corruption(
            "its hard-link target '\(linkTarget)' is not an earlier file of the archive")
        }
        try reader.skipData()
        entry.permissions = file.permissions
        entry.size = file.size
        entry.digest = file.digest
        entry.hardLinkTarget = target
      } else {
        switch header.fileType {
        case ArchiveFileType.regularFile:
          entry.size = header.size
          entry.digest = try digest(of: reader, size: header.size)
          files[path] = entry
        case ArchiveFileType.directory:
          entry.kind = .directory
          try reader.skipData()
        case ArchiveFileType.symlink:
          entry.kind = .symlink
          entry.symlinkTarget = header.symlinkTarget ?? RawPath(bytes: [])
          try reader.skipData()
        case ArchiveFileType.fifo:
          entry.kind = .fifo
          try reader.skipData()
        default:
          throw ArchiveError.unsafeEntry(
            entry: header.path.description, reason: "it is a special file (device or socket)")
        }
      }
      try body(path, entry)
    }
  }

  /// The SHA-256 digest of the current entry's `size` bytes, holes of sparse entries read as zeros.
  private static func digest(of reader: TarStreamReader, size: Int64) throws -> [UInt8] {
    var context = sha256_ctx()
    nettle_sha256_init(&context)
    let zeros = [UInt8](repeating: 0, count: 64 * 1024)
    var position: Int64 = 0
    func addZeros(upTo end: Int64) {
      while position < end {
        let count = Int(min(Int64(zeros.count), end - position))
        zeros.withUnsafeBytes {
          nettle_sha256_update(&context, count, $0.baseAddress!.assumingMemoryBound(to: UInt8.self))
        }
        position += Int64(count)
      }
    }
    try reader.readData { block, offset in
      guard offset >= position else {
        throw reader.corruption(
          "its data blocks overlap (a block at offset \(offset) after \(position) bytes)")
      }
      addZeros(upTo: offset)
      if let base = block.baseAddress {
        nettle_sha256_update(&context, block.count, base.assumingMemoryBound(to: UInt8.self))
      }
      position += Int64(block.count)
    }
    addZeros(upTo: size)
    var digest = [UInt8](repeating: 0, count: 32)
    nettle_sha256_digest(&context, 32, &digest)
    return digest
  }

  /// Permission bits as `ArchiveUnpacker` restores them.
  private static func restoredPermissions(_ stored: UInt32) -> UInt32 {
    stored & 0o7777 & ~UInt32(0o6000)
  }
}
