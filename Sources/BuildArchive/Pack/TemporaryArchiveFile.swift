import Basics

/// The temporary file an archive is written to, in the destination's directory, renamed into
/// place on success and removed on failure.
final class TemporaryArchiveFile {
  let destination: RawPath
  let temporaryPath: RawPath
  let descriptor: Int32
  let device: UInt64
  let inode: UInt64
  private var isOpen = true

  /// Creates `.<name>.partial-XXXXXX` next to `destination`.
  init(destination: RawPath) throws {
    self.destination = destination
    var directory = destination.bytes
    var name = destination.bytes
    if let slash = destination.bytes.lastIndex(of: UInt8(ascii: "/")) {
      directory = Array(destination.bytes[...slash])
      name = Array(destination.bytes[(slash + 1)...])
    } else {
      directory = []
    }
    var template = directory + Array(".".utf8) + name + Array(".partial-XXXXXX".utf8) + [0]
    let descriptor = template.withUnsafeMutableBufferPointer { buffer in
      buffer.baseAddress!.withMemoryRebound(to: CChar.self, capacity: buffer.count) { mkstemp($0) }
    }
    guard descriptor >= 0 else {
      throw ArchiveError.cannotWriteArchive(path: destination.description, operation: "create", errno: errno)
    }
    template.removeLast()
    self.temporaryPath = RawPath(bytes: template)
    self.descriptor = descriptor
    var info = stat()
    fstat(descriptor, &info)
    self.device = UInt64(info.st_dev)
    self.inode = UInt64(info.st_ino)
  }

  /// The number of bytes written so far.
  func currentSize() -> Int64 {
    var info = stat()
    return fstat(descriptor, &info) == 0 ? Int64(info.st_size) : 0
  }

  /// Gives the file mode 0644 and renames it to the destination.
  func commit() throws {
    fchmod(descriptor, 0o644)
    guard close(descriptor) == 0 else {
      isOpen = false
      throw ArchiveError.cannotWriteArchive(path: destination.description, operation: "close", errno: errno)
    }
    isOpen = false
    let renamed = temporaryPath.withCString { from in destination.withCString { to in rename(from, to) } }
    guard renamed == 0 else {
      throw ArchiveError.cannotWriteArchive(
        path: destination.description, operation: "rename into place", errno: errno)
    }
  }

  /// Closes and removes the temporary file.
  func discard() {
    if isOpen {
      close(descriptor)
      isOpen = false
    }
    _ = temporaryPath.withCString { unlink($0) }
  }
}
