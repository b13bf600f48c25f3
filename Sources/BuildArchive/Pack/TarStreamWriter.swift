import Basics
import CLibArchive

/// Writes pax tar entries with libarchive into a `ZstdFileWriter`.
///
/// Entries carry uid/gid 0, no user or group names and no atime/ctime; paths and link targets are
final class TarStreamWriter {
  private static let chunkSize = 1 << 20

  private let archive: OpaquePointer
  private let compressor: ZstdFileWriter
  private let archivePath: String
  private let buffer: UnsafeMutableRawPointer

  init(compressor: ZstdFileWriter, archivePath: String) throws {
    guard let archive = archive_write_new() else {
      throw ArchiveError.archiveWriteFailed(
        path: archivePath, entry: "", detail: "cannot allocate libarchive writer")
    }
    self.archive = archive
    self.compressor = compressor
    self.archivePath = archivePath
    self.buffer = .allocate(byteCount: Self.chunkSize, alignment: 16)
    try check(archive_write_set_format_pax(archive), entry: "")
    try check(archive_write_set_bytes_in_last_block(archive, 1), entry: "")
    let context = Unmanaged.passUnretained(compressor).toOpaque()
    let status = archive_write_open(
      archive, context, nil,
      { _, context, data, length in
        let writer = Unmanaged<ZstdFileWriter>.fromOpaque(context!).takeUnretainedValue()
        return writer.compressForCallback(data!, count: length) ? length : -1
      }, nil)
    try check(status, entry: "")
  }

  deinit {
    archive_write_free(archive)
    buffer.deallocate()
  }

  /// Writes a directory, symlink, FIFO or regular file entry, reading file contents from `source`.
  func write(_ entry: TreeEntry, storedTime: FileTime, source: RawPath) throws {
    let header = makeHeader(entry, storedTime: storedTime)
    defer { archive_entry_free(header) }
    try check(archive_write_header(archive, header), entry: entry.relativePath.description)
    if entry.kind == .regularFile && entry.size > 0 {
      try copyContents(of: source, entry: entry)
    }
  }

  /// Writes a regular file entry whose contents are `contents` (instead of the file on disk).
  func writeFile(_ entry: TreeEntry, storedTime: FileTime, contents: [UInt8]) throws {
    var adjusted = entry
    adjusted.size = Int64(contents.count)
    let header = makeHeader(adjusted, storedTime: storedTime)
    defer { archive_entry_free(header) }
    try check(archive_write_header(archive, header), entry: entry.relativePath.description)
    try contents.withUnsafeBytes { bytes in
      if bytes.count > 0 { try writeData(bytes.baseAddress!, count: bytes.count, entry: entry) }
    }
  }

  /// Writes `entry` as a hard link to the already written `target`.
  func writeHardLink(_ entry: TreeEntry, storedTime: FileTime, target: RawPath) throws {
    var link = entry
    link.size = 0
    let header = makeHeader(link, storedTime: storedTime)
    defer { archive_entry_free(header) }
    target.withCString { archive_entry_copy_hardlink(header, $0) }
    try check(archive_write_header(archive, header), entry: entry.relativePath.description)
  }

  /// Finishes the tar stream (end-of-archive blocks).
  func close() throws {
    try check(archive_write_close(archive), entry: "")
  }

  private func makeHeader(_ entry: TreeEntry, storedTime: FileTime) -> OpaquePointer {
    let header = archive_entry_new()!
    entry.relativePath.withCString { archive_entry_copy_pathname(header, $0) }
    switch entry.kind {
    case .directory: archive_entry_set_filetype(header, ArchiveFileType.directory)
    case .regularFile, .hardLink: archive_entry_set_filetype(header, ArchiveFileType.regularFile)
    case .fifo: archive_entry_set_filetype(header, ArchiveFileType.fifo)
    case .symlink:
      archive_entry_set_filetype(header, ArchiveFileType.symlink)
      entry.symlinkTarget?.withCString { archive_entry_copy_symlink(header, $0) }
    }
    archive_entry_set_perm(header, mode_t(entry.permissions))
    archive_entry_set_uid(header, 0)
    archive_entry_set_gid(header, 0)
    archive_entry_set_size(header, entry.kind == .regularFile ? entry.size : 0)
    archive_entry_set_mtime(header, time_t(storedTime.seconds), Int(storedTime.nanoseconds))
    return header
  }

  private func copyContents(of source: RawPath, entry: TreeEntry) throws {
    let descriptor = source.withCString { open($0, O_RDONLY | O_NOFOLLOW | O_CLOEXEC) }
    guard descriptor >= 0 else {
      throw ArchiveError.cannotAccess(path: source.description, operation: "open", errno: errno)
    }
    defer { Glibc.close(descriptor) }
    var remaining = entry.size
    while remaining > 0 {
      let wanted = Int(min(Int64(Self.chunkSize), remaining))
      let count = FileDescriptorIO.readFully(descriptor, buffer, count: wanted)
      guard count >= 0 else {
        throw ArchiveError.cannotAccess(path: source.description, operation: "read", errno: Int32(-count))
      }
      guard count == wanted else {
        throw ArchiveError.fileChangedWhilePacking(
          path: source.description, expected: entry.size, actual: entry.size - remaining + Int64(count))
      }
      try writeData(buffer, count: count, entry: entry)
      remaining -= Int64(count)
    }
  }

  private func writeData(_ pointer: UnsafeRawPointer, count: Int, entry: TreeEntry) throws {
    var offset = 0
    while offset < count {
      let written = archive_write_data(archive, pointer + offset, count - offset)
      guard written > 0 else {
        try check(Int32(ARCHIVE_FATAL), entry: entry.relativePath.description)
        return
      }
      offset += written
    }
  }

  private func check(_ status: Int32, entry: String) throws {
    guard status < ARCHIVE_WARN else { return }
    if let failure = compressor.failure { throw failure }
    let detail = archive_error_string(archive).map { String(cString: $0) } ?? "libarchive error \(status)"
    throw ArchiveError.archiveWriteFailed(path: archivePath, entry: entry, detail: detail)
  }
}
