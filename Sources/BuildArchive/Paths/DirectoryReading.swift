import Basics

/// Directory listings and symlink targets as byte paths (the stand-in scan, relocation, source
/// sync and layer removal read directories through here).
enum DirectoryReading {
  /// The names in directory `path` (without `.` and `..`), sorted byte-wise.
  static func names(in path: RawPath) throws -> [RawPath] {
    guard let handle = path.withCString({ opendir($0) }) else {
      throw ArchiveError.cannotAccess(path: path.description, operation: "open directory", errno: errno)
    }
    defer { closedir(handle) }
    return try names(of: handle, path: path)
  }

  /// The names in the open directory `handle` (of `path`, for messages), sorted byte-wise.
  static func names(of handle: OpaquePointer, path: RawPath) throws -> [RawPath] {
    var names: [RawPath] = []
    while true {
      errno = 0
      guard let record = readdir(handle) else {
        if errno != 0 {
          throw ArchiveError.cannotAccess(path: path.description, operation: "read directory", errno: errno)
        }
        break
      }
      let name = withUnsafePointer(to: record.pointee.d_name) { tuple in
        tuple.withMemoryRebound(to: CChar.self, capacity: 256) { RawPath(cString: $0) }
      }
      if name.bytes == [UInt8(ascii: ".")] || name.bytes == [UInt8(ascii: "."), UInt8(ascii: ".")] {
        continue
      }
      names.append(name)
    }
    return names.sorted()
  }

  /// The target of symlink `path`, whose `lstat` size is `size`.
  static func symlinkTarget(_ path: RawPath, size: Int) throws -> RawPath {
    var capacity = max(size + 1, 256)
    while true {
      var buffer = [UInt8](repeating: 0, count: capacity)
      let count = path.withCString { cPath in
        buffer.withUnsafeMutableBytes {
          readlink(cPath, $0.baseAddress!.assumingMemoryBound(to: CChar.self), $0.count)
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
