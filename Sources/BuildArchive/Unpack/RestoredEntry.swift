#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The metadata applied after all entries are extracted: the mtime of directories and symlinks and
/// the mode of directories (applied last so read-only directories can be filled first and creating
/// entries does not change directory mtimes afterwards).
struct RestoredEntry {
  var components: [RawPath]
  /// Modification time to set, nanoseconds since the epoch.
  var time: Int64
  /// Mode for directories; nil for other entries (their mode is set when created).
  var directoryPermissions: UInt32?

  /// Sets the time (without following symlinks) and, for directories, the mode.
  func apply(in target: ExtractionTarget) throws {
    let entry = RawPath(bytes: Array(components.map(\.bytes).joined(separator: [UInt8(ascii: "/")])))
    let parent = try target.parentDirectory(of: components, entry: entry, create: false)
    let name = components.last!
    var times = [Self.timespec(nanoseconds: time), Self.timespec(nanoseconds: time)]
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

  /// A `timespec` for nanoseconds since the epoch (flooring for times before 1970).
  static func timespec(nanoseconds time: Int64) -> Glibc.timespec {
    let seconds = time >= 0 ? time / 1_000_000_000 : (time - 999_999_999) / 1_000_000_000
    return Glibc.timespec(tv_sec: time_t(seconds), tv_nsec: Int(time - seconds * 1_000_000_000))
  }
}
