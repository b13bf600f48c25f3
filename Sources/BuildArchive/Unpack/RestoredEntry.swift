import Basics

/// The metadata applied after all entries are extracted: the mtime of directories and symlinks and
/// the mode of directories (applied last so read-only directories can be filled first and creating
/// entries does not change directory mtimes afterwards).
struct RestoredEntry {
  var components: [RawPath]
  /// Modification time to set.
  var time: FileTime
  /// Mode for directories; nil for other entries (their mode is set when created).
  var directoryPermissions: UInt32?

  /// Sets the time (without following symlinks) and, for directories, the mode.
  func apply(in target: ExtractionTarget) throws {
    let entry = RawPath(bytes: Array(components.map(\.bytes).joined(separator: [UInt8(ascii: "/")])))
    let parent = try target.parentDirectory(of: components, entry: entry, create: false)
    let name = components.last!
    var times = [Self.timespec(time), Self.timespec(time)]
    let result = name.withCString { utimensat(parent, $0, &times, AT_SYMLINK_NOFOLLOW) }
    guard result == 0 else {
      throw ArchiveError.cannotExtract(
        entry: entry.description, operation: "set modification time", errno: errno)
    }
    if let directoryPermissions {
      guard name.withCString({ fchmodat(parent, $0, mode_t(directoryPermissions), 0) }) == 0 else {
        throw ArchiveError.cannotExtract(entry: entry.description, operation: "chmod", errno: errno)
      }
    }
  }

  /// The `timespec` of `time`.
  static func timespec(_ time: FileTime) -> Glibc.timespec {
    Glibc.timespec(tv_sec: time_t(time.seconds), tv_nsec: Int(time.nanoseconds))
  }
}
