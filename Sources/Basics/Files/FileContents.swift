/// Reads whole files with plain POSIX calls (no Foundation, so reading a `.drv` or a ninja state
/// file stays cheap).
public enum FileContents {
  /// The bytes of the file at `path`, read to its end.
  /// - Parameter followingSymlinks: false refuses a symlink at `path` (`O_NOFOLLOW`, `ELOOP`).
  public static func read(path: String, followingSymlinks: Bool = true) throws(FileReadError) -> [UInt8] {
    try read(pathBytes: Array(path.utf8), shownAs: path, followingSymlinks: followingSymlinks)
  }

  /// The bytes of the file at the byte path `pathBytes` (no terminating NUL), read to its end.
  /// - Parameter followingSymlinks: false refuses a symlink at the path (`O_NOFOLLOW`, `ELOOP`).
  public static func read(pathBytes: [UInt8], followingSymlinks: Bool = true) throws(FileReadError) -> [UInt8]
  {
    try read(
      pathBytes: pathBytes, shownAs: String(decoding: pathBytes, as: UTF8.self),
      followingSymlinks: followingSymlinks)
  }

  private static func read(pathBytes: [UInt8], shownAs path: String, followingSymlinks: Bool)
    throws(FileReadError)
    -> [UInt8]
  {
    let flags = O_RDONLY | O_CLOEXEC | (followingSymlinks ? 0 : O_NOFOLLOW)
    let descriptor = (pathBytes + [0]).withUnsafeBufferPointer { bytes in
      bytes.withMemoryRebound(to: CChar.self) { open($0.baseAddress!, flags) }
    }
    guard descriptor >= 0 else { throw FileReadError(path: path, operation: "open", errorNumber: errno) }
    defer { close(descriptor) }
    var status = stat()
    let expectedSize = fstat(descriptor, &status) == 0 ? max(Int(status.st_size), 0) : 0
    // Read straight into the array; one spare byte lets the first read see the end of the file.
    var contents: [UInt8] = []
    var chunk = expectedSize + 1
    while true {
      let start = contents.count
      contents.append(contentsOf: repeatElement(0, count: chunk))
      let count = contents.withUnsafeMutableBytes {
        FileDescriptorIO.readFully(descriptor, $0.baseAddress! + start, count: chunk)
      }
      guard count >= 0 else { throw FileReadError(path: path, operation: "read", errorNumber: Int32(-count)) }
      contents.removeLast(chunk - count)
      if count < chunk { return contents }
      chunk = max(chunk, 64 * 1024)
    }
  }
}
