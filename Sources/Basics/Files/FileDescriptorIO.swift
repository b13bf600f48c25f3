/// Whole-buffer reads and writes on file descriptors, retrying on `EINTR` and short counts.
///
/// The positional variants (`at:`) use `pread`/`pwrite`: they leave the descriptor's file
/// offset as it is and follow the same return conventions as the sequential ones.
public enum FileDescriptorIO {
  /// Writes all `count` bytes at `pointer`; returns `errno` on failure, 0 on success.
  public static func writeAll(_ descriptor: Int32, _ pointer: UnsafeRawPointer, count: Int) -> Int32 {
    writeLoop(count: count) { done in write(descriptor, pointer + done, count - done) }
  }

  /// Writes all `count` bytes at `pointer` to the file at byte `offset`; returns `errno` on
  /// failure, 0 on success.
  public static func writeAll(
    _ descriptor: Int32, _ pointer: UnsafeRawPointer, count: Int, at offset: Int64
  ) -> Int32 {
    writeLoop(count: count) { done in
      pwrite(descriptor, pointer + done, count - done, off_t(offset) + off_t(done))
    }
  }

  /// Reads up to `count` bytes, fewer only at end of file; returns the count, or -errno on failure.
  public static func readFully(_ descriptor: Int32, _ pointer: UnsafeMutableRawPointer, count: Int) -> Int {
    readLoop(count: count) { done in read(descriptor, pointer + done, count - done) }
  }

  /// Reads up to `count` bytes from the file at byte `offset`, fewer only at end of file;
  /// returns the count, or -errno on failure.
  public static func readFully(
    _ descriptor: Int32, _ pointer: UnsafeMutableRawPointer, count: Int, at offset: Int64
  ) -> Int {
    readLoop(count: count) { done in
      pread(descriptor, pointer + done, count - done, off_t(offset) + off_t(done))
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
