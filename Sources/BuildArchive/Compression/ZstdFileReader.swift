import CZstd

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Decompresses a zstd file (one or more frames, skippable frames ignored) chunk by chunk, with
/// fixed-size buffers, verifying frame checksums and detecting truncation.
final class ZstdFileReader {
  private static let inputCapacity = 1 << 20
  private static let outputCapacity = 1 << 18

  private let descriptor: Int32
  private let path: String
  private let context: OpaquePointer
  private let input: UnsafeMutableRawPointer
  private let output: UnsafeMutableRawPointer
  private var inputPosition = 0
  private var inputSize = 0
  private var reachedEndOfFile = false
  private var lastResult = 1
  /// Compressed bytes consumed so far (position in the archive file).
  private(set) var compressedOffset: Int64 = 0
  /// Why reading stopped, when it failed; kept for the libarchive read callback.
  private(set) var failureDetail: String?

  /// A reader of `descriptor` (named `path` in errors), positioned at the start of the file.
  init(descriptor: Int32, path: String) throws {
    var magic = [UInt8](repeating: 0, count: 4)
    let count = magic.withUnsafeMutableBytes { pread(descriptor, $0.baseAddress!, 4, 0) }
    guard count == 4 else {
      throw ArchiveError.notAnArchive(
        path: path, detail: "the file is empty or shorter than a zstd frame header")
    }
    let value = magic.enumerated().reduce(UInt32(0)) { $0 | UInt32($1.element) << (8 * $1.offset) }
    guard value == 0xFD2F_B528 || (value & 0xFFFF_FFF0) == 0x184D_2A50 else {
      throw ArchiveError.notAnArchive(path: path, detail: "it does not start with a zstd frame")
    }
    guard let context = ZSTD_createDCtx() else {
      throw ArchiveError.notAnArchive(path: path, detail: "cannot allocate a zstd decompression context")
    }
    self.descriptor = descriptor
    self.path = path
    self.context = context
    self.input = .allocate(byteCount: Self.inputCapacity, alignment: 16)
    self.output = .allocate(byteCount: Self.outputCapacity, alignment: 16)
  }

  deinit {
    ZSTD_freeDCtx(context)
    input.deallocate()
    output.deallocate()
  }

  /// The next chunk of decompressed bytes (valid until the next call), or nil at the end.
  ///
  /// Throws `ArchiveError.corruptArchive` (without an entry name) for truncated or corrupt data.
  func nextChunk() throws -> UnsafeRawBufferPointer? {
    while true {
      if inputPosition == inputSize && !reachedEndOfFile {
        let count = FileDescriptorIO.readFully(descriptor, input, count: Self.inputCapacity)
        if count < 0 {
          throw fail("cannot read the archive file: \(SystemErrorText.describe(Int32(-count)))")
        }
        inputPosition = 0
        inputSize = count
        reachedEndOfFile = count < Self.inputCapacity
      }
      var source = ZSTD_inBuffer(src: input, size: inputSize, pos: inputPosition)
      var destination = ZSTD_outBuffer(dst: output, size: Self.outputCapacity, pos: 0)
      let result = ZSTD_decompressStream(context, &destination, &source)
      compressedOffset += Int64(source.pos - inputPosition)
      inputPosition = source.pos
      if ZSTD_isError(result) != 0 {
        throw fail(
          "zstd data is corrupt at compressed byte \(compressedOffset): \(String(cString: ZSTD_getErrorName(result)))"
        )
      }
      lastResult = result
      if destination.pos > 0 {
        return UnsafeRawBufferPointer(start: output, count: destination.pos)
      }
      if inputPosition == inputSize && reachedEndOfFile {
        if lastResult != 0 {
          throw fail("the zstd stream ends early at compressed byte \(compressedOffset) (file truncated)")
        }
        return nil
      }
    }
  }

  private func fail(_ detail: String) -> ArchiveError {
    failureDetail = detail
    return ArchiveError.corruptArchive(archive: path, entry: nil, offset: compressedOffset, detail: detail)
  }
}
