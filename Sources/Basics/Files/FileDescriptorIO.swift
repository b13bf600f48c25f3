/// Whole-buffer reads and writes on file descriptors, retrying on `EINTR` and short counts.
///
/// The positional variants (`at:`) use `pread`/`pwrite`: they leave the descriptor's file
/// offset as it is and follow the same return conventions as the sequential ones.
public enum FileDescriptorIO {
  /// Writes all `count` bytes at `pointer`, at the descriptor's offset or (`at:`) at byte
  /// `offset` of the file; returns `errno` on failure, 0 on success.
  public static func writeAll(
    _ descriptor: Int32, _ pointer: UnsafeRawPointer, count: Int, at offset: Int64? = nil
  ) -> Int32 {
    writeLoop(count: count) { done in
      if let offset {
        pwrite(descriptor, pointer + done, count - done, off_t(offset) + off_t(done))
      } else {
        write(descriptor, pointer + done, count - done)
      }
    }
  }

  /// Reads up to `count` bytes, at the descriptor's offset or (`at:`) from byte `offset` of
  /// the file, fewer only at end of file; returns the count, or -errno on failure.
  public static func readFully(
    _ descriptor: Int32, _ pointer: UnsafeMutableRawPointer, count: Int, at offset: Int64? = nil
  ) -> Int {
    readLoop(count: count) { done in
      if let offset {
        pread(descriptor, pointer + done, count - done, off_t(offset) + off_t(done))
      } else {
        read(descriptor, pointer + done, count - done)
      }
    }
  }

  /// Calls `step` with the bytes written so far until `count` are written; `errno` or 0.
  private static func writeLoop(count: Int, _ step: (Int) -> Int) -> Int32 {
    var written = 0
    while written < count {
      let result = step(written)
      if result < 0 {
        if errno == EINTR { continue }
        return errno
      }
      written += result
    }
    return 0
  }

  /// Calls `step` with the bytes read so far until `count` are read or it reads nothing (the
  /// end of the file); the count, or -errno.
  private static func readLoop(count: Int, _ step: (Int) -> Int) -> Int {
    var total = 0
    while total < count {
      let result = step(total)
      if result < 0 {
        if errno == EINTR { continue }
        return -Int(errno)
      }
      if result == 0 { break }
      total += result
    }
    return total
  }
}
