import Basics
import CLibArchive

/// Reads tar entries with libarchive from a zstd-compressed archive file, streaming.
final class TarStreamReader {
  /// The archive's phasesplit header, nil for a plain `.tar.zst` made by other tools.
  let header: ArchiveHeader?
  private let archive: OpaquePointer
  private let decompressor: ZstdFileReader
  private let descriptor: Int32
  private let archivePath: RawPath
  private var currentEntry: String?
  private var currentSize: Int64 = 0

  /// Opens `path` for reading.
  init(path: RawPath) throws {
    let descriptor = path.withCString { open($0, O_RDONLY | O_CLOEXEC) }
    guard descriptor >= 0 else {
      throw ArchiveError.cannotAccess(path: path.description, operation: "open archive", errno: errno)
    }
    var prefix = [UInt8](repeating: 0, count: 4096)
    let count = prefix.withUnsafeMutableBytes { pread(descriptor, $0.baseAddress!, $0.count, 0) }
    do {
      header = try ArchiveHeader.parse(prefix: Array(prefix[0..<max(0, count)]), path: path.description)
      decompressor = try ZstdFileReader(descriptor: descriptor, path: path.description)
    } catch {
      close(descriptor)
      throw error
    }
    self.descriptor = descriptor
    self.archivePath = path
    archive = archive_read_new()!
    archive_read_support_format_tar(archive)
    let context = Unmanaged.passUnretained(decompressor).toOpaque()
    let status = archive_read_open(
      archive, context, nil,
      { _, context, block in
        let reader = Unmanaged<ZstdFileReader>.fromOpaque(context!).takeUnretainedValue()
        guard let chunk = try? reader.nextChunk() else {
          return reader.failureDetail == nil ? 0 : -1
        }
        block!.pointee = chunk.baseAddress
        return chunk.count
      }, nil)
    // On failure, deinit frees the libarchive reader and closes the file.
    if status != ARCHIVE_OK { throw failure(detail: nil) }
  }

  deinit {
    archive_read_free(archive)
    close(descriptor)
  }

  /// The next entry's header, or nil at the end of the archive, once the rest of the file has been
  /// read and verified (see `finishStream`).
  func nextEntry() throws -> ArchiveEntryHeader? {
    var entry: OpaquePointer?
    let status = archive_read_next_header(archive, &entry)
    if status == ARCHIVE_EOF {
      try finishStream()
      return nil
    }
    guard status >= ARCHIVE_WARN, let entry else { throw failure(detail: nil) }
    guard let pathname = archive_entry_pathname(entry) else { throw corruption("an entry has no path") }
    let path = RawPath(cString: pathname)
    currentEntry = path.description
    currentSize = Int64(archive_entry_size(entry))
    guard currentSize >= 0 else { throw corruption("the entry declares a negative size") }
    return ArchiveEntryHeader(
      path: path,
      fileType: UInt32(archive_entry_filetype(entry)),
      permissions: UInt32(archive_entry_perm(entry)),
      size: Int64(archive_entry_size(entry)),
      modificationTime: FileTime(
        seconds: Int64(archive_entry_mtime(entry)), nanoseconds: Int64(archive_entry_mtime_nsec(entry))),
      symlinkTarget: archive_entry_symlink(entry).map { RawPath(cString: $0) },
      hardLinkTarget: archive_entry_hardlink(entry).map { RawPath(cString: $0) }
    )
  }

  /// Calls `body` with each data block of the current entry and its offset in the file (blocks may
  /// skip holes of sparse files). A block outside the entry's declared size (a sparse map pointing
  /// past the end) is an error.
  func readData(_ body: (UnsafeRawBufferPointer, Int64) throws -> Void) throws {
    var block: UnsafeRawPointer?
    var size = 0
    var offset: la_int64_t = 0
    while true {
      let status = archive_read_data_block(archive, &block, &size, &offset)
      if status == ARCHIVE_EOF { return }
      guard status >= ARCHIVE_WARN else { throw failure(detail: nil) }
      if size > 0, let block {
        guard offset >= 0, Int64(offset) <= currentSize, Int64(size) <= currentSize - Int64(offset) else {
          throw corruption(
            "a data block at offset \(offset) (\(size) bytes) lies outside the entry's \(currentSize) bytes")
        }
        try body(UnsafeRawBufferPointer(start: block, count: size), Int64(offset))
      }
    }
  }

  /// Reads the zstd stream to the end of its frame after the tar end-of-archive blocks, so the
  /// frame's checksum is verified and nothing follows it; only zero bytes (tar record padding, as
  /// other tar writers add) may follow the end-of-archive blocks.
  private func finishStream() throws {
    currentEntry = nil
    while let chunk = try decompressor.nextChunk() {
      guard chunk.allSatisfy({ $0 == 0 }) else {
        throw corruption("non-zero data follows the tar end-of-archive blocks")
      }
    }
  }

  /// Skips the current entry's data (still verifying the stream).
  func skipData() throws {
    try readData { _, _ in }
  }

  /// A `corruptArchive` error for the current entry, with `detail` as the reason.
  func corruption(_ detail: String) -> ArchiveError {
    failure(detail: detail)
  }

  private func failure(detail: String?) -> ArchiveError {
    let reason =
      detail ?? decompressor.failureDetail ?? archive_error_string(archive).map { String(cString: $0) }
      ?? "unreadable tar data"
    let offset = max(0, Int64(archive_filter_bytes(archive, -1)))
    return .corruptArchive(
      archive: archivePath.description, entry: currentEntry, offset: offset, detail: reason)
  }
}

/// The metadata of one archive entry, as read from the tar stream.
struct ArchiveEntryHeader {
  /// The entry's path exactly as stored.
  var path: RawPath
  /// libarchive file type bits (`ArchiveFileType`); 0 for a hard link whose type is unset.
  var fileType: UInt32
  /// Permission bits including setuid/setgid/sticky.
  var permissions: UInt32
  /// Size of the entry's data.
  var size: Int64
  /// Stored modification time.
  var modificationTime: FileTime
  /// Symlink target, for symlinks.
  var symlinkTarget: RawPath?
  /// Hard-link target path, for hard links.
  var hardLinkTarget: RawPath?
}
