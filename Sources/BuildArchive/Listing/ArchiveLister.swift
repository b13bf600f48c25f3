/// Reads an archive's entries without extracting them.
public enum ArchiveLister {
  /// Calls `body` with each entry of `archive`, in archive order, verifying the whole stream
  /// (checksums, truncation). Returns the archive's phasesplit header (nil for a plain `.tar.zst`).
  @discardableResult
  public static func forEachEntry(in archive: RawPath, _ body: (ArchiveEntryInfo) throws -> Void) throws
    -> ArchiveHeader?
  {
    let reader = try TarStreamReader(path: archive)
    while let header = try reader.nextEntry() {
      let kind: TreeEntryKind
      if header.hardLinkTarget != nil {
        kind = .hardLink
      } else {
        switch header.fileType {
        case ArchiveFileType.directory: kind = .directory
        case ArchiveFileType.symlink: kind = .symlink
        case ArchiveFileType.regularFile: kind = .regularFile
        case ArchiveFileType.fifo: kind = .fifo
        default:
          throw ArchiveError.unsafeEntry(
            entry: header.path.description, reason: "it is a special file (device or socket)")
        }
      }
      try reader.skipData()
      try body(
        ArchiveEntryInfo(
          rawPath: header.path, type: kind, mode: header.permissions,
          size: kind == .regularFile ? header.size : 0,
          linkTarget: header.symlinkTarget ?? header.hardLinkTarget, storedTime: header.modificationTime))
    }
    return reader.header
  }

  /// All entries of `archive`.
  public static func entries(of archive: RawPath) throws -> [ArchiveEntryInfo] {
    var entries: [ArchiveEntryInfo] = []
    try forEachEntry(in: archive) { entries.append($0) }
    return entries
  }
}
