import Basics
import CZstd

/// Decompresses an archive file chunk by chunk, with fixed-size buffers: skippable frames (the
/// phasesplit header), then exactly one zstd data frame, which must carry a content checksum, and
/// nothing after it. The checksum is verified when the frame ends; truncation, a missing checksum,
/// a second frame (concatenated archives) and trailing bytes are errors.
final class ZstdFileReader {
  private static let dataFrameMagic: UInt32 = 0xFD2F_B528
  private static let skippableFrameMagicMask: UInt32 = 0xFFFF_FFF0
  private static let skippableFrameMagic: UInt32 = 0x184D_2A50
  /// `Content_Checksum_flag` in a data frame's `Frame_Header_Descriptor` (RFC 8878, 3.1.1.1.1).
  private static let contentChecksumFlag: UInt8 = 1 << 2

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
  /// Whether the next input byte starts a frame.
  private var atFrameStart = true
  private var sawDataFrame = false
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
    guard value == Self.dataFrameMagic || (value & Self.skippableFrameMagicMask) == Self.skippableFrameMagic
    else {
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
      if atFrameStart {
        guard try startFrame() else { return nil }
      }
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
      if result == 0 { atFrameStart = true }
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

  /// Checks the frame starting at `compressedOffset`; false at the end of the file.
  private func startFrame() throws -> Bool {
    var bytes = [UInt8](repeating: 0, count: 5)
    let count = bytes.withUnsafeMutableBytes {
      pread(descriptor, $0.baseAddress!, 5, off_t(compressedOffset))
    }
    if count < 0 { throw fail("cannot read the archive file: \(SystemErrorText.describe(errno))") }
    if count == 0 {
      if !sawDataFrame { throw fail("the file ends before its zstd data frame (file truncated)") }
      return false
    }
    let magic =
      count >= 4
      ? bytes[0..<4].enumerated().reduce(UInt32(0)) { $0 | UInt32($1.element) << (8 * $1.offset) } : 0
    if sawDataFrame {
      throw fail(
        magic == Self.dataFrameMagic || magic & Self.skippableFrameMagicMask == Self.skippableFrameMagic
          ? "another zstd frame follows the archive's data frame (archives concatenated?)"
          : "trailing data that is not a zstd frame follows the archive's zstd frame at compressed byte "
            + "\(compressedOffset)")
    }
    if magic == Self.dataFrameMagic {
      guard count == 5 else { throw fail("the zstd frame header is cut short (file truncated)") }
      guard bytes[4] & Self.contentChecksumFlag != 0 else {
        throw fail("the zstd frame has no content checksum, so its data cannot be verified")
      }
      sawDataFrame = true
    } else if magic & Self.skippableFrameMagicMask != Self.skippableFrameMagic {
      throw fail("the data at compressed byte \(compressedOffset) is not a zstd frame")
    }
    atFrameStart = false
    return true
  }

  private func fail(_ detail: String) -> ArchiveError {
    failureDetail = detail
    return ArchiveError.corruptArchive(archive: path, entry: nil, offset: compressedOffset, detail: detail)
  }
}
