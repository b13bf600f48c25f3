import Basics

#if canImport(Glibc)
  private let systemRead = Glibc.read
#elseif canImport(Musl)
  private let systemRead = Musl.read
#endif

/// Reads whole files with plain POSIX calls (no Foundation, so that reading a `.drv` stays cheap).
enum FileContents {
  /// The bytes of the file at `path`.
  static func read(path: String) throws(FileReadError) -> [UInt8] {
    let descriptor = open(path, O_RDONLY | O_CLOEXEC)
    guard descriptor >= 0 else { throw FileReadError(path: path, errorNumber: errno) }
    defer { close(descriptor) }
    var status = stat()
    let expectedSize = fstat(descriptor, &status) == 0 ? max(Int(status.st_size), 0) : 0
    // Read straight into the array; one spare byte lets a single read see the end of the file.
    var contents: [UInt8] = []
    var capacity = expectedSize + 1
    var failure: Int32?
    while failure == nil {
      let start = contents.count
      contents.reserveCapacity(start + capacity)
      let count = contents.withUnsafeMutableBufferPointerAppending(capacity) { buffer in
        systemRead(descriptor, buffer.baseAddress, buffer.count)
      }
      if count < 0 {
        if errno != EINTR { failure = errno }
        continue
      }
      if count == 0 { return contents }
      capacity = max(capacity, 64 * 1024)
    }
    throw FileReadError(path: path, errorNumber: failure!)
  }
}

extension Array where Element == UInt8 {
  /// Lets `body` write up to `count` bytes after the current end and keeps the ones it reports as
  /// written (its return value; a negative value keeps none).
  fileprivate mutating func withUnsafeMutableBufferPointerAppending(
    _ count: Int,
    _ body: (UnsafeMutableBufferPointer<UInt8>) -> Int
  ) -> Int {
    let oldCount = self.count
    var written = 0
    append(contentsOf: repeatElement(0, count: count))
    withUnsafeMutableBufferPointer { buffer in
      written = body(UnsafeMutableBufferPointer(rebasing: buffer[oldCount..<oldCount + count]))
    }
    removeLast(count - Swift.max(written, 0))
    return written
  }
}
