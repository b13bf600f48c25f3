import Basics
import Foundation

/// POSIX file operations on raw byte paths (names that are not valid UTF-8 survive), for tests.
enum RawPathIO {
  /// Calls `body` with `bytes` as a NUL-terminated C string.
  static func withPath<Result>(_ bytes: [UInt8], _ body: (UnsafePointer<CChar>) throws -> Result) rethrows
    -> Result
  {
    let terminated = bytes.map { CChar(bitPattern: $0) } + [0]
    return try terminated.withUnsafeBufferPointer { try body($0.baseAddress!) }
  }

  /// Writes `contents` to a new file at `path` with `mode`.
  static func writeFile(_ path: [UInt8], _ contents: [UInt8], mode: mode_t = 0o644) throws {
    let descriptor = withPath(path) { open($0, O_WRONLY | O_CREAT | O_TRUNC, mode) }
    guard descriptor >= 0 else { throw POSIXError(.init(rawValue: errno) ?? .EIO) }
    defer { close(descriptor) }
    let written = contents.withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
    guard written == contents.count else { throw POSIXError(.EIO) }
    fchmod(descriptor, mode)
  }

  /// Reads a whole file.
  static func readFile(_ path: [UInt8]) throws -> [UInt8] {
    let descriptor = withPath(path) { open($0, O_RDONLY) }
    guard descriptor >= 0 else { throw POSIXError(.init(rawValue: errno) ?? .EIO) }
    defer { close(descriptor) }
    var result: [UInt8] = []
    var buffer = [UInt8](repeating: 0, count: 65536)
    while true {
      let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
      guard count >= 0 else { throw POSIXError(.init(rawValue: errno) ?? .EIO) }
      if count == 0 { return result }
      result += buffer[0..<count]
    }
  }

  /// Creates a directory.
  static func makeDirectory(_ path: [UInt8], mode: mode_t = 0o755) throws {
    guard withPath(path, { mkdir($0, mode) }) == 0 else { throw POSIXError(.init(rawValue: errno) ?? .EIO) }
  }

  /// Creates a symlink at `path` pointing to `target`.
  static func makeSymlink(_ path: [UInt8], target: [UInt8]) throws {
    guard withPath(target, { t in withPath(path) { symlink(t, $0) } }) == 0 else {
      throw POSIXError(.init(rawValue: errno) ?? .EIO)
    }
  }

  /// Creates a hard link at `path` to `existing`.
  static func makeHardLink(_ path: [UInt8], to existing: [UInt8]) throws {
    guard withPath(existing, { e in withPath(path) { link(e, $0) } }) == 0 else {
      throw POSIXError(.init(rawValue: errno) ?? .EIO)
    }
  }

  /// Sets a path's mtime (nanoseconds since the epoch) without following symlinks.
  static func setModificationTime(_ path: [UInt8], _ time: Int64) throws {
    var times = [
      timespec(tv_sec: Int(time / 1_000_000_000), tv_nsec: Int(time % 1_000_000_000)),
      timespec(tv_sec: Int(time / 1_000_000_000), tv_nsec: Int(time % 1_000_000_000)),
    ]
    guard withPath(path, { utimensat(AT_FDCWD, $0, &times, AT_SYMLINK_NOFOLLOW) }) == 0 else {
      throw POSIXError(.init(rawValue: errno) ?? .EIO)
    }
  }

  /// Sets a path's access and modification times to `seconds` and `nanoseconds` since the epoch.
  static func setModificationTime(_ path: [UInt8], seconds: Int, nanoseconds: Int = 0) throws {
    var times = [
      timespec(tv_sec: seconds, tv_nsec: nanoseconds), timespec(tv_sec: seconds, tv_nsec: nanoseconds),
    ]
    guard withPath(path, { utimensat(AT_FDCWD, $0, &times, AT_SYMLINK_NOFOLLOW) }) == 0 else {
      throw POSIXError(.init(rawValue: errno) ?? .EIO)
    }
  }

  /// `lstat` of a path.
  static func status(_ path: [UInt8]) -> stat? {
    var info = stat()
    return withPath(path, { lstat($0, &info) }) == 0 ? info : nil
  }
}
