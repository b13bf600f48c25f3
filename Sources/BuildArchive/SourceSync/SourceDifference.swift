import Basics

/// The entries that differ between two source trees (an old and a new unpacked source), by
/// relative path: added, changed (kind, contents, permission bits, symlink target) or deleted.
/// Modification times are not compared: they say when a tree was restored, not what it holds.
public struct SourceDifference: Sendable {
  /// The changes, sorted byte-wise by path.
  public var changes: [SourceChange]
  /// The new tree's modification time of each added or changed entry, for ordering them.
  var newTimes: [RawPath: FileTime]

  /// Whether nothing differs.
  public var isEmpty: Bool { changes.isEmpty }

  /// The changed, added or deleted paths that are build-description files (`BuildDescriptionFiles`).
  public var buildDescriptionChanges: [SourceChange] {
    changes.filter { !$0.isDirectory && BuildDescriptionFiles.contains($0.path) }
  }

  /// The deletions of files (not directories).
  public var deletedFiles: [SourceChange] {
    changes.filter { $0.kind == .deleted && !$0.isDirectory }
  }

  /// Compares the tree at `old` with the tree at `new`.
  public static func between(old: RawPath, new: RawPath) throws -> SourceDifference {
    let oldEntries = try entries(of: old)
    let newEntries = try entries(of: new)
    var changes: [SourceChange] = []
    var newTimes: [RawPath: FileTime] = [:]
    for (path, entry) in newEntries {
      if let before = oldEntries[path] {
        if try !same(before, root: old, entry, root: new) {
          changes.append(change(path, .changed, entry))
          newTimes[path] = entry.modificationTime
        }
      } else {
        changes.append(change(path, .added, entry))
        newTimes[path] = entry.modificationTime
      }
    }
    for (path, entry) in oldEntries where newEntries[path] == nil {
      changes.append(change(path, .deleted, entry))
    }
    changes.sort { $0.path < $1.path }
    return SourceDifference(changes: changes, newTimes: newTimes)
  }

  private static func change(_ path: RawPath, _ kind: SourceChange.Kind, _ entry: TreeEntry) -> SourceChange {
    SourceChange(
      path: path, kind: kind, isDirectory: entry.kind == .directory, isRegularFile: entry.kind == .regularFile
    )
  }

  private static func entries(of root: RawPath) throws -> [RawPath: TreeEntry] {
    let scanner = TreeScanner(excludedPaths: [], skippedInodes: [])
    let scanned: [TreeEntry]
    do {
      scanned = try scanner.scan(root: root)
    } catch {
      try? scanner.permissionGrants.restore()
      throw error
    }
    try scanner.permissionGrants.restore()
    return Dictionary(uniqueKeysWithValues: scanned.map { ($0.relativePath, $0) })
  }

  private static func same(_ old: TreeEntry, root oldRoot: RawPath, _ new: TreeEntry, root newRoot: RawPath)
    throws -> Bool
  {
    guard old.kind == new.kind, old.permissions == new.permissions else { return false }
    switch new.kind {
    case .symlink:
      return old.symlinkTarget == new.symlinkTarget
    case .regularFile:
      guard old.size == new.size else { return false }
      return try sameContents(
        oldRoot.appending(old.relativePath), newRoot.appending(new.relativePath))
    default:
      return true
    }
  }

  /// Whether two regular files hold the same bytes, read in 1 MiB blocks.
  static func sameContents(_ first: RawPath, _ second: RawPath) throws -> Bool {
    let firstDescriptor = try openForReading(first)
    defer { close(firstDescriptor) }
    let secondDescriptor = try openForReading(second)
    defer { close(secondDescriptor) }
    let blockSize = 1 << 20
    var firstBlock = [UInt8](repeating: 0, count: blockSize)
    var secondBlock = [UInt8](repeating: 0, count: blockSize)
    while true {
      let firstCount = try readFully(firstDescriptor, into: &firstBlock, path: first)
      let secondCount = try readFully(secondDescriptor, into: &secondBlock, path: second)
      if firstCount != secondCount { return false }
      if firstCount == 0 { return true }
      if firstBlock[0..<firstCount] != secondBlock[0..<secondCount] { return false }
    }
  }

  static func openForReading(_ path: RawPath) throws -> Int32 {
    let descriptor = path.withCString { open($0, O_RDONLY | O_NOFOLLOW | O_CLOEXEC) }
    guard descriptor >= 0 else {
      throw ArchiveError.cannotAccess(path: path.description, operation: "open", errno: errno)
    }
    return descriptor
  }

  /// Reads until the buffer is full or the file ends; the number of bytes read.
  static func readFully(_ descriptor: Int32, into buffer: inout [UInt8], path: RawPath) throws -> Int {
    var total = 0
    while total < buffer.count {
      let count = buffer.withUnsafeMutableBytes { bytes in
        read(descriptor, bytes.baseAddress! + total, bytes.count - total)
      }
      if count < 0 {
        if errno == EINTR { continue }
        throw ArchiveError.cannotAccess(path: path.description, operation: "read", errno: errno)
      }
      if count == 0 { break }
      total += count
    }
    return total
  }
}
