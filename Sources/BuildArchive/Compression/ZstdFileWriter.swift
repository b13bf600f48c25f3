import Basics
import CZstd

/// Compresses a byte stream with libzstd (checksummed frame, multithreaded when the linked libzstd
/// has threads) into a file descriptor.
///
/// Memory stays bounded: input is consumed in the caller's chunks and output is flushed through a
/// fixed-size buffer.
final class ZstdFileWriter {
  /// Compression level used for build trees: fast, with a good ratio on object files and sources.
  static let defaultLevel: Int32 = 3
  /// Inputs below this size use small jobs with full overlap: compression then starts while files
  /// are still being read and uses every worker, and the ratio matches one large job. Bigger inputs
  /// keep zstd's defaults (several MiB per job), which are faster there.
  static let smallInputLimit: Int64 = 256 << 20
  static let smallInputJobSize: Int32 = 2 << 20
  static let smallInputOverlapLog: Int32 = 9

  private let descriptor: Int32
  private let path: String
  private let context: OpaquePointer
  private var output: [UInt8]
  private static let stagingCapacity = 1 << 20
  private let staging = UnsafeMutableRawPointer.allocate(byteCount: stagingCapacity, alignment: 16)
  private var stagedCount = 0
  /// The first error, kept for the libarchive write callback, which can only return -1.
  private(set) var failure: ArchiveError?

  /// A writer to `descriptor` (named `path` in errors) at `level` using `workers` compression
  /// threads, tuned for about `expectedInputBytes` of input (the parameters, and so the output,
  /// depend only on this value, never on the machine).
  init(
    descriptor: Int32, path: String, level: Int32 = ZstdFileWriter.defaultLevel, workers: Int32,
    expectedInputBytes: Int64
  ) throws {
    guard let context = ZSTD_createCCtx() else {
      throw ArchiveError.compressionFailed(path: path, detail: "cannot allocate a compression context")
    }
    self.descriptor = descriptor
    self.path = path
    self.context = context
    self.output = [UInt8](repeating: 0, count: ZSTD_CStreamOutSize())
    try check(ZSTD_CCtx_setParameter(context, ZSTD_c_compressionLevel, level))
    try check(ZSTD_CCtx_setParameter(context, ZSTD_c_checksumFlag, 1))
    // With nbWorkers >= 1 the output does not depend on the number of workers, so archives stay
    // reproducible across machines. A libzstd built without threads (such as Debian's static
    // libzstd.a; scripts/build.sh links a threaded one) compresses in the calling thread: its
    // archives differ from the threaded ones but are as reproducible, since a given build of
    // phasesplit always has or lacks threads.
    guard Self.supportsWorkers else { return }
    try check(ZSTD_CCtx_setParameter(context, ZSTD_c_nbWorkers, max(1, workers)))
    if expectedInputBytes < Self.smallInputLimit {
      try check(ZSTD_CCtx_setParameter(context, ZSTD_c_jobSize, Self.smallInputJobSize))
      try check(ZSTD_CCtx_setParameter(context, ZSTD_c_overlapLog, Self.smallInputOverlapLog))
    }
  }

  /// Whether the linked libzstd compresses with worker threads (built with ZSTD_MULTITHREAD).
  static let supportsWorkers = ZSTD_cParam_getBounds(ZSTD_c_nbWorkers).upperBound > 0

  deinit {
    ZSTD_freeCCtx(context)
    staging.deallocate()
  }

  /// Writes bytes to the file uncompressed (the header frame, before any compressed data).
  func writeRaw(_ bytes: [UInt8]) throws {
    let code = bytes.withUnsafeBytes {
      FileDescriptorIO.writeAll(descriptor, $0.baseAddress!, count: $0.count)
    }
    if code != 0 { throw ArchiveError.cannotWriteArchive(path: path, operation: "write", errno: code) }
  }

  /// Compresses `count` bytes at `pointer`.
  ///
  /// Small writes (libarchive hands over 10 KiB tar blocks) are staged so zstd sees large inputs:
  /// many small `ZSTD_compressStream2` calls cost more than the compression itself in
  /// multithreaded mode.
  func compress(_ pointer: UnsafeRawPointer, count: Int) throws {
    if stagedCount + count <= Self.stagingCapacity {
      (staging + stagedCount).copyMemory(from: pointer, byteCount: count)
      stagedCount += count
      return
    }
    try flushStaging()
    if count >= Self.stagingCapacity {
      try feed(pointer, count: count)
    } else {
      staging.copyMemory(from: pointer, byteCount: count)
      stagedCount = count
    }
  }

  private func flushStaging() throws {
    guard stagedCount > 0 else { return }
    try feed(staging, count: stagedCount)
    stagedCount = 0
  }

  private func feed(_ pointer: UnsafeRawPointer, count: Int) throws {
    var input = ZSTD_inBuffer(src: pointer, size: count, pos: 0)
    while input.pos < input.size {
      _ = try step(&input, directive: ZSTD_e_continue)
    }
  }

  /// Variant of `compress` for the libarchive callback: records the error instead of throwing.
  func compressForCallback(_ pointer: UnsafeRawPointer, count: Int) -> Bool {
    guard failure == nil else { return false }
    do {
      try compress(pointer, count: count)
      return true
    } catch let error as ArchiveError {
      failure = error
      return false
    } catch {
      failure = .compressionFailed(path: path, detail: "\(error)")
      return false
    }
  }

  /// Ends the zstd frame and flushes everything to the file.
  func finish() throws {
    try flushStaging()
    var input = ZSTD_inBuffer(src: nil, size: 0, pos: 0)
    while try step(&input, directive: ZSTD_e_end) != 0 {}
  }

  private func step(_ input: inout ZSTD_inBuffer, directive: ZSTD_EndDirective) throws -> Int {
    let capacity = output.count
    let (remaining, produced) = try output.withUnsafeMutableBytes { buffer -> (Int, Int) in
      var out = ZSTD_outBuffer(dst: buffer.baseAddress, size: capacity, pos: 0)
      let result = ZSTD_compressStream2(context, &out, &input, directive)
      try check(result)
      let code = FileDescriptorIO.writeAll(descriptor, buffer.baseAddress!, count: out.pos)
      if code != 0 { throw ArchiveError.cannotWriteArchive(path: path, operation: "write", errno: code) }
      return (result, out.pos)
    }
    _ = produced
    return remaining
  }

  @discardableResult
  private func check(_ result: Int) throws -> Int {
    if ZSTD_isError(result) != 0 {
      throw ArchiveError.compressionFailed(path: path, detail: String(cString: ZSTD_getErrorName(result)))
    }
    return result
  }
}
