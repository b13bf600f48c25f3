import Basics
import Foundation

/// What a test compares between an original tree and its restored copy, read with POSIX calls on
/// raw byte names (independent of the code under test).
struct TreeSnapshot: Equatable {
  struct Entry: Equatable {
    var kind: String
    var mode: UInt32
    var contents: [UInt8]?
    var linkTarget: [UInt8]?
    /// Index of the first path sharing this inode (hard-link identity), nil when unshared.
    var hardLinkGroup: [UInt8]?
  }

  var entries: [[UInt8]: Entry] = [:]
  /// mtime in nanoseconds per path.
  var mtimes: [[UInt8]: Int64] = [:]

  static func == (lhs: TreeSnapshot, rhs: TreeSnapshot) -> Bool { lhs.entries == rhs.entries }

  /// Snapshot of everything below `root`; file contents are read only for files up to `contentLimit`.
  init(root: String, contentLimit: Int = 1 << 20) throws {
    var firstPathOfInode: [String: [UInt8]] = [:]
    try walk(Array(root.utf8), relative: [], firstPathOfInode: &firstPathOfInode, contentLimit: contentLimit)
  }

  private mutating func walk(
    _ root: [UInt8], relative: [UInt8], firstPathOfInode: inout [String: [UInt8]], contentLimit: Int
  ) throws {
    let directory = relative.isEmpty ? root : root + [UInt8(ascii: "/")] + relative
    guard let handle = RawPathIO.withPath(directory, { opendir($0) }) else {
      throw POSIXError(.init(rawValue: errno) ?? .EIO)
    }
    defer { closedir(handle) }
    var names: [[UInt8]] = []
    while let record = readdir(handle) {
      let name = withUnsafeBytes(of: record.pointee.d_name) { Array($0.prefix { $0 != 0 }) }
      if name == [46] || name == [46, 46] { continue }
      names.append(name)
    }
    for name in names {
      let path = relative.isEmpty ? name : relative + [UInt8(ascii: "/")] + name
      let full = root + [UInt8(ascii: "/")] + path
      var info = stat()
      guard RawPathIO.withPath(full, { lstat($0, &info) }) == 0 else {
        throw POSIXError(.init(rawValue: errno) ?? .EIO)
      }
      let mode = UInt32(info.st_mode) & 0o7777
      mtimes[path] = Int64(info.st_mtim.tv_sec) * 1_000_000_000 + Int64(info.st_mtim.tv_nsec)
      switch info.st_mode & S_IFMT {
      case S_IFDIR:
        entries[path] = Entry(kind: "directory", mode: mode)
        try walk(root, relative: path, firstPathOfInode: &firstPathOfInode, contentLimit: contentLimit)
      case S_IFLNK:
        var buffer = [CChar](repeating: 0, count: 8192)
        let count = RawPathIO.withPath(full) { readlink($0, &buffer, buffer.count) }
        entries[path] = Entry(
          kind: "symlink", mode: 0, linkTarget: buffer.prefix(count).map { UInt8(bitPattern: $0) })
      default:
        var group: [UInt8]?
        if info.st_nlink > 1 {
          let key = "\(info.st_dev):\(info.st_ino)"
          if firstPathOfInode[key] == nil || path.lexicographicallyPrecedes(firstPathOfInode[key]!) {
            firstPathOfInode[key] = path
          }
          group = Array(key.utf8)
        }
        var contents: [UInt8]?
        if info.st_size <= contentLimit {
          contents = try RawPathIO.readFile(full)
        }
        entries[path] = Entry(kind: "file", mode: mode, contents: contents, hardLinkGroup: group)
      }
    }
    // Hard-link groups are compared by the set of paths sharing an inode, not by inode numbers.
    if relative.isEmpty {
      var members: [[UInt8]: [[UInt8]]] = [:]
      for (path, entry) in entries {
        if let group = entry.hardLinkGroup { members[group, default: []].append(path) }
      }
      for (_, paths) in members {
        let label = paths.sorted { $0.lexicographicallyPrecedes($1) }.first!
        for path in paths { entries[path]!.hardLinkGroup = label }
      }
    }
  }
}
