/// What `ArchivePacker.pack` wrote.
public struct PackSummary: Sendable {
  /// Entries written (directories, files, symlinks, hard links).
  public var entryCount: Int
  /// Uncompressed bytes of file contents.
  public var contentBytes: Int64
  /// Size of the archive file.
  public var archiveBytes: Int64
  /// The archive's header (mtime policy and greatest rank).
  public var header: ArchiveHeader
  /// One line per entry left out of the archive (sockets), for the log.
  public var notes: [String] = []
}
