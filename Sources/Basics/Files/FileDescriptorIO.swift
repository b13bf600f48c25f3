/// Whole-buffer reads and writes on file descriptors, retrying on `EINTR` and short counts.
///
/// The positional variants (`at:`) use `pread`/`pwrite`: they leave the descriptor's file
/// offset as it is and follow the same return conventions as the sequential ones.
public enum FileDescriptorIO {
  /// Writes all `count` bytes at `pointer`; returns `errno` on failure, 0 on success.
  public static func writeAll(_ descriptor: Int32, _ pointer: UnsafeRawPointer, count: Int) -> Int32 {
    var written = 0
    while written < count {
      let result = write(descriptor, pointer + written, count - written)
      if result < 0 {
        if errno == EINTR { continue }
        return errno
      }
      written += result
    }
    return 0
  }

  /// Writes all `count` bytes at `pointer` to the file at byte `offset`; returns `errno` on
  /// failure, 0 on success.
  public static func writeAll(
    _ descriptor: Int32, _ pointer: UnsafeRawPointer, count: Int, at offset: Int64
  ) -> Int32 {
    var written = 0
    while written < count {
      let result = pwrite(descriptor, pointer + written, count - written, off_t(offset) + off_t(written))
      if result < 0 {
        if errno == EINTR { continue }
        return errno
      }
      written += result
    }
    return 0
  }

  /// Reads up to `count` bytes, fewer only at end of file; returns the count, or -errno on failure.
  public static func readFully(_ descriptor: Int32, _ pointer: UnsafeMutableRawPointer, count: Int) -> Int {
    var total = 0
    while total < count {
      let result = read(descriptor, pointer + total, count - total)
      if result < 0 {
        if errno == EINTR { continue }
        return -Int(errno)
      }
      if result == 0 { break }
      total += result
    }
    return total
  }

  /// Reads up to `count` bytes from the file at byte `offset`, fewer only at end of file;
  /// returns the count, or -errno on failure.
  public static func readFully(
    _ descriptor: Int32, _ pointer: UnsafeMutableRawPointer, count: Int, at offset: Int64
  ) -> Int {
    var total = 0
    while total < count {
      let result = pread(descriptor, pointer + total, count - total, off_t(offset) + off_t(total))
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
