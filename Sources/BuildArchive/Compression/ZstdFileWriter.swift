import CZstd

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Compresses a byte stream with libzstd (checksummed frame, multithreaded) into a file descriptor.
///
/// Memory stays bounded: input is consumed in the caller's chunks and output is flushed through a
/// fixed-size buffer.
final class ZstdFileWriter {
  /// Compression level used for build trees: fast, with a good ratio on object files and sources.
  static let defaultLevel: Int32 = 3

  private let descriptor: Int32
  private let path: String
  private let context: OpaquePointer
  private var output: [UInt8]
  /// The first error, kept for the libarchive write callback, which can only return -1.
  private(set) var failure: ArchiveError?

  /// A writer to `descriptor` (named `path` in errors) at `level` using `workers` compression threads.
  init(descriptor: Int32, path: String, level: Int32 = ZstdFileWriter.defaultLevel, workers: Int32) throws {
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
    // reproducible across machines.
    try check(ZSTD_CCtx_setParameter(context, ZSTD_c_nbWorkers, max(1, workers)))
  }

  deinit {
    ZSTD_freeCCtx(context)
  }

  /// Writes bytes to the file uncompressed (the header frame, before any compressed data).
  func writeRaw(_ bytes: [UInt8]) throws {
    let code = bytes.withUnsafeBytes {
      FileDescriptorIO.writeAll(descriptor, $0.baseAddress!, count: $0.count)
    }
    if code != 0 { throw ArchiveError.cannotWriteArchive(path: path, operation: "write", errno: code) }
  }

  /// Compresses `count` bytes at `pointer`.
  func compress(_ pointer: UnsafeRawPointer, count: Int) throws {
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
