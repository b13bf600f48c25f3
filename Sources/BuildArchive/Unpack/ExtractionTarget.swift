import Basics

/// The directory an archive is extracted into, reached only through `*at` system calls on
/// directory descriptors opened with `O_NOFOLLOW`, so no entry can write through a symlink or
/// outside the directory.
final class ExtractionTarget {
  let root: RawPath
  private let rootDescriptor: Int32
  private var cachedParent: (path: [RawPath], descriptor: Int32)?

  /// Opens (creating, with parents, if needed) the directory `root`.
  init(root: RawPath) throws {
    self.root = root
    try Self.makeDirectories(root)
    let descriptor = root.withCString { open($0, O_RDONLY | O_DIRECTORY | O_CLOEXEC) }
    guard descriptor >= 0 else {
      throw ArchiveError.cannotAccess(
        path: root.description, operation: "open target directory", errno: errno)
    }
    rootDescriptor = descriptor
  }

  deinit {
    if let cachedParent { close(cachedParent.descriptor) }
    close(rootDescriptor)
  }

  /// The validated components of an entry path: leading `./` removed; absolute paths, `..`
  /// components and empty names refused.
  static func components(of path: RawPath) throws -> [RawPath] {
    if path.isAbsolute {
      throw ArchiveError.unsafeEntry(entry: path.description, reason: "it has an absolute path")
    }
    let parts = path.components.filter { $0.bytes != [UInt8(ascii: ".")] }
    if parts.contains(where: { $0.bytes == [UInt8(ascii: "."), UInt8(ascii: ".")] }) {
      throw ArchiveError.unsafeEntry(entry: path.description, reason: "its path contains a '..' component")
    }
    return parts
  }

  /// The relative path of `components` (as `components(of:)` returns them).
  static func joined(_ components: [RawPath]) -> RawPath {
    RawPath(bytes: Array(components.map(\.bytes).joined(separator: [UInt8(ascii: "/")])))
  }

  /// A descriptor of the directory holding the last of `components`, creating missing parents
  /// when `create` is set. Valid until the next call.
  func parentDirectory(of components: [RawPath], entry: RawPath, create: Bool) throws -> Int32 {
    let parentPath = Array(components.dropLast())
    if parentPath.isEmpty { return rootDescriptor }
    if let cachedParent, cachedParent.path == parentPath { return cachedParent.descriptor }
    if let cachedParent { close(cachedParent.descriptor) }
    cachedParent = nil
    var current = rootDescriptor
    for component in parentPath {
      var next = component.withCString {
        openat(current, $0, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
      }
      if next < 0 && errno == ENOENT && create {
        let made = component.withCString { mkdirat(current, $0, 0o755) }
        if made != 0 && errno != EEXIST {
          let code = errno
          if current != rootDescriptor { close(current) }
          throw ArchiveError.cannotExtract(entry: entry.description, operation: "mkdir", errno: code)
        }
        next = component.withCString { openat(current, $0, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC) }
      }
      let code = errno
      if current != rootDescriptor { close(current) }
      guard next >= 0 else {
        if code == ELOOP || code == ENOTDIR {
          throw ArchiveError.unsafeEntry(
            entry: entry.description, reason: "its parent '\(component)' is a symlink or not a directory")
        }
        throw ArchiveError.cannotExtract(
          entry: entry.description, operation: "open parent directory", errno: code)
      }
      current = next
    }
    cachedParent = (parentPath, current)
    return current
  }

  /// Removes a non-directory at `name` in `directory` so a new entry can take its place.
  func removeExisting(_ name: RawPath, in directory: Int32, entry: RawPath) throws {
    let result = name.withCString { unlinkat(directory, $0, 0) }
    if result != 0 && errno != ENOENT {
      throw ArchiveError.cannotExtract(
        entry: entry.description, operation: "replace existing file", errno: errno)
    }
  }

  /// Creates `path` and its missing parents (like `mkdir -p`).
  private static func makeDirectories(_ path: RawPath) throws {
    var prefix = RawPath(bytes: path.isAbsolute ? [UInt8(ascii: "/")] : [])
    for component in path.components {
      prefix = prefix.appending(component)
      if prefix.withCString({ mkdir($0, 0o755) }) != 0 && errno != EEXIST {
        throw ArchiveError.cannotAccess(path: prefix.description, operation: "create directory", errno: errno)
      }
    }
  }
}
