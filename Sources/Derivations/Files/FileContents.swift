#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

#if canImport(Glibc)
  private let systemRead = Glibc.read
#elseif canImport(Musl)
  private let systemRead = Musl.read
#elseif canImport(Darwin)
  private let systemRead = Darwin.read
#endif

/// Reads whole files with plain POSIX calls (no Foundation, so that reading a `.drv` stays cheap).
enum FileContents {
  /// The bytes of the file at `path`.
  static func read(path: String) throws(FileReadError) -> [UInt8] {
    let descriptor = open(path, O_RDONLY | O_CLOEXEC)
    guard descriptor >= 0 else { throw FileReadError(path: path, errorNumber: errno) }
    defer { close(descriptor) }
    var contents: [UInt8] = []
    var status = stat()
    if fstat(descriptor, &status) == 0, status.st_size > 0 {
      contents.reserveCapacity(Int(status.st_size))
    }
    var chunk = [UInt8](repeating: 0, count: 64 * 1024)
    while true {
      let count = chunk.withUnsafeMutableBytes { systemRead(descriptor, $0.baseAddress, $0.count) }
      if count < 0 {
        if errno == EINTR { continue }
        throw FileReadError(path: path, errorNumber: errno)
      }
      if count == 0 { return contents }
      contents.append(contentsOf: chunk[0..<count])
    }
  }
}
