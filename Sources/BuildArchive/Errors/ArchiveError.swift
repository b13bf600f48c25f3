import Basics

/// An error from packing, unpacking or listing a build-tree archive.
///
/// Every case names the file or archive entry involved and its message says what to do next.
public enum ArchiveError: Error, Equatable, CustomStringConvertible {
  /// A file or directory could not be opened, read or examined (`errno` from the system call).
  case cannotAccess(path: String, operation: String, errno: Int32)
  /// The output archive could not be created, written or moved into place.
  case cannotWriteArchive(path: String, operation: String, errno: Int32)
  /// The tree to pack contains a file type an archive may not hold (device, FIFO, socket).
  case unsupportedFileType(path: String, kind: String)
  /// A file changed size while it was being packed.
  case fileChangedWhilePacking(path: String, expected: Int64, actual: Int64)
  /// The archive holds an entry that would escape the target directory or is not allowed.
  case unsafeEntry(entry: String, reason: String)
  /// The archive is truncated or corrupt.
  case corruptArchive(archive: String, entry: String?, offset: Int64, detail: String)
  /// The file is not a zstd-compressed tar archive.
  case notAnArchive(path: String, detail: String)
  /// Extraction of one entry failed on the file system.
  case cannotExtract(entry: String, operation: String, errno: Int32)
  /// zstd reported an error while compressing.
  case compressionFailed(path: String, detail: String)
  /// libarchive reported an error while writing an entry.
  case archiveWriteFailed(path: String, entry: String, detail: String)
  /// A ninja state file is too large for its recorded mtimes to be rewritten in memory.
  case ninjaStateTooLarge(path: String, size: Int64)
  /// The archive header is a phasesplit header with a value out of range or malformed.
  case badHeader(path: String, detail: String)

  public var description: String {
    switch self {
    case .cannotAccess(let path, let operation, let code):
      return
        "cannot \(operation) '\(path)': \(SystemErrorText.describe(code)); check that it exists and is readable"
    case .cannotWriteArchive(let path, let operation, let code):
      return
        "cannot \(operation) archive '\(path)': \(SystemErrorText.describe(code)); check that the destination "
        + "directory exists, is writable and has free space"
    case .unsupportedFileType(let path, let kind):
      return
        "cannot pack '\(path)': it is a \(kind); build-tree archives hold only regular files, directories "
        + "and symlinks — remove it or pass --exclude for it"
    case .fileChangedWhilePacking(let path, let expected, let actual):
      return "'\(path)' changed while being packed (expected \(expected) bytes, read \(actual)); "
        + "make sure nothing writes to the tree during pack and retry"
    case .unsafeEntry(let entry, let reason):
      return
        "refusing archive entry '\(entry)': \(reason); the archive is not a trustworthy build-tree archive"
    case .corruptArchive(let archive, let entry, let offset, let detail):
      let place = entry.map { " in entry '\($0)'" } ?? ""
      return
        "archive '\(archive)' is truncated or corrupt\(place) at byte offset \(offset) of the tar stream: "
        + "\(detail); recreate it with 'phasesplit pack'"
    case .notAnArchive(let path, let detail):
      return "'\(path)' is not a phasesplit archive (zstd-compressed pax tar): \(detail)"
    case .cannotExtract(let entry, let operation, let code):
      return "cannot extract '\(entry)': \(operation) failed: \(SystemErrorText.describe(code)); "
        + "check that the target directory is writable and has free space"
    case .compressionFailed(let path, let detail):
      return "zstd compression failed while writing '\(path)': \(detail)"
    case .archiveWriteFailed(let path, let entry, let detail):
      return "cannot add '\(entry)' to archive '\(path)': \(detail)"
    case .ninjaStateTooLarge(let path, let size):
      return
        "cannot pack '\(path)': a ninja state file of \(size) bytes is larger than the \(NinjaTimeMapping.greatestStateFileSize) "
        + "bytes whose mtimes phasesplit rewrites; remove it (ninja rebuilds everything) or pass --exact-mtimes"
    case .badHeader(let path, let detail):
      return
        "archive '\(path)' has a damaged phasesplit header: \(detail); recreate it with 'phasesplit pack'"
    }
  }
}
