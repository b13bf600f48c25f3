import Basics

/// Reads small files (ninja state files) whole.
enum FileContents {
  /// The `size` bytes of the regular file at `path`, failing if it has changed size.
  static func read(_ path: RawPath, size: Int64) throws -> [UInt8] {
    let descriptor = path.withCString { open($0, O_RDONLY | O_NOFOLLOW | O_CLOEXEC) }
    guard descriptor >= 0 else {
      throw ArchiveError.cannotAccess(path: path.description, operation: "open", errno: errno)
    }
    defer { close(descriptor) }
    var contents = [UInt8](repeating: 0, count: Int(size) + 1)
    let count = contents.withUnsafeMutableBytes {
      FileDescriptorIO.readFully(descriptor, $0.baseAddress!, count: $0.count)
    }
    guard count >= 0 else {
      throw ArchiveError.cannotAccess(path: path.description, operation: "read", errno: Int32(-count))
    }
    guard count == Int(size) else {
      throw ArchiveError.fileChangedWhilePacking(path: path.description, expected: size, actual: Int64(count))
    }
    contents.removeLast()
    return contents
  }
}
