import Basics
import CLibArchive

/// Reads the entries of a compressed stream or archive with libarchive: gzip, bzip2, xz, lzma and
/// zstd compression, and the tar, cpio, zip (jar) and ar formats; a compressed stream that is no
/// archive reads as one entry ("raw").
final class ContainerReader {
  /// An entry's header.
  struct Entry {
    /// Whether the entry is a regular file (only those have contents to scan).
    var isRegularFile: Bool
    /// How to name the entry in a form, e.g. `gzip-compressed tar entry 'doc/a.txt'`.
    var description: String
  }

  /// Why reading failed.
  struct Failure: Error {
    var detail: String
    /// The containers around the unreadable part, once known.
    var layers: [String]? = nil
  }

  private let archive: OpaquePointer

  private init() {
    archive = archive_read_new()!
    // Only filters libarchive decodes in process (no external programs: the sandbox has none).
    archive_read_support_filter_gzip(archive)
    archive_read_support_filter_bzip2(archive)
    archive_read_support_filter_xz(archive)
    archive_read_support_filter_lzma(archive)
    archive_read_support_filter_zstd(archive)
    archive_read_support_format_tar(archive)
    archive_read_support_format_cpio(archive)
    archive_read_support_format_zip(archive)
    archive_read_support_format_ar(archive)
    archive_read_support_format_raw(archive)
  }

  /// Reads the file open at `descriptor` from its start (the descriptor stays open and owned by
  /// the caller).
  convenience init(descriptor: Int32) throws {
    self.init()
    guard lseek(descriptor, 0, SEEK_SET) == 0 else { throw Failure(detail: "cannot seek to the start") }
    guard archive_read_open_fd(archive, descriptor, 1 << 16) == ARCHIVE_OK else { throw failure() }
  }

  /// Reads `bytes`, which must stay valid while the reader is used.
  convenience init(memory bytes: UnsafeRawBufferPointer) throws {
    self.init()
    guard archive_read_open_memory(archive, bytes.baseAddress, bytes.count) == ARCHIVE_OK else {
      throw failure()
    }
  }

  deinit {
    archive_read_free(archive)
  }

  /// The next entry, or nil at the end.
  func nextEntry() throws -> Entry? {
    var entry: OpaquePointer?
    let status = archive_read_next_header(archive, &entry)
    if status == ARCHIVE_EOF { return nil }
    guard status >= ARCHIVE_WARN, let entry else { throw failure() }
    let name = archive_entry_pathname(entry).map { RawPath(cString: $0).description } ?? "?"
    return Entry(
      isRegularFile: archive_entry_filetype(entry) == 0o100000 /* AE_IFREG */
        || archive_entry_filetype(entry) == 0,
      description: describe(entryName: name))
  }

  /// Calls `body` with each block of the current entry's contents, in order.
  func readData(_ body: (UnsafeRawBufferPointer) -> Void) throws {
    var block: UnsafeRawPointer?
    var size = 0
    var offset: la_int64_t = 0
    while true {
      let status = archive_read_data_block(archive, &block, &size, &offset)
      if status == ARCHIVE_EOF { return }
      // A warning while reading data is a checksum mismatch (zip's CRC): the data is damaged.
      guard status == ARCHIVE_OK else { throw failure() }
      if size > 0, let block { body(UnsafeRawBufferPointer(start: block, count: size)) }
    }
  }

  /// `gzip-compressed data`, `xz-compressed tar entry 'NAME'`, `zip entry 'NAME'`, …
  private func describe(entryName: String) -> String {
    var filters: [String] = []
    let count = archive_filter_count(archive)
    for index in 0..<count where archive_filter_code(archive, index) != ARCHIVE_FILTER_NONE {
      filters.insert(archive_filter_name(archive, index).map { String(cString: $0) } ?? "compressed", at: 0)
    }
    let compressed = filters.isEmpty ? "" : filters.joined(separator: "+") + "-compressed "
    switch archive_format(archive) & ARCHIVE_FORMAT_BASE_MASK {
    case ARCHIVE_FORMAT_RAW: return compressed + "data"
    case ARCHIVE_FORMAT_TAR: return compressed + "tar entry '\(entryName)'"
    case ARCHIVE_FORMAT_ZIP: return compressed + "zip entry '\(entryName)'"
    case ARCHIVE_FORMAT_CPIO: return compressed + "cpio entry '\(entryName)'"
    case ARCHIVE_FORMAT_AR: return compressed + "ar member '\(entryName)'"
    default: return compressed + "archive entry '\(entryName)'"
    }
  }

  private func failure() -> Failure {
    Failure(detail: archive_error_string(archive).map { String(cString: $0) } ?? "unreadable data")
  }
}
