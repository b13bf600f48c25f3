import Basics

/// Removes a path and everything below it inside an extraction target, through `*at` calls on
/// descriptors opened with `O_NOFOLLOW`, so a removal never leaves the target or follows a symlink.
enum TreeRemover {
  /// Removes `path` (relative to the target's root) if it exists. Its parent gets owner `rwx` for
  /// the removal (a layer that deletes from a directory also holds that directory, whose mode is
  /// applied when the layer is extracted).
  static func remove(_ path: RawPath, in target: ExtractionTarget) throws {
    let components = try ExtractionTarget.components(of: path)
    guard let name = components.last else { return }
    let parent: Int32
    do {
      parent = try target.parentDirectory(of: components, entry: path, create: false)
    } catch ArchiveError.cannotExtract(_, _, let code) where code == ENOENT {
      return
    }
    var info = stat()
    if fstat(parent, &info) == 0, info.st_mode & 0o700 != 0o700 {
      fchmod(parent, mode_t(info.st_mode & 0o7777) | 0o700)
    }
    try removeEntry(name, in: parent, path: path)
  }

  private static func removeEntry(_ name: RawPath, in directory: Int32, path: RawPath) throws {
    if name.withCString({ unlinkat(directory, $0, 0) }) == 0 || errno == ENOENT { return }
    guard errno == EISDIR || errno == EPERM else {
      throw ArchiveError.cannotExtract(entry: path.description, operation: "remove", errno: errno)
    }
    let descriptor = name.withCString {
      openat(directory, $0, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
    }
    guard descriptor >= 0 else {
      throw ArchiveError.cannotExtract(entry: path.description, operation: "open to remove", errno: errno)
    }
    defer { close(descriptor) }
    fchmod(descriptor, 0o700)
    for child in try names(in: descriptor, path: path) {
      try removeEntry(child, in: descriptor, path: path.appending(child))
    }
    guard name.withCString({ unlinkat(directory, $0, AT_REMOVEDIR) }) == 0 else {
      throw ArchiveError.cannotExtract(entry: path.description, operation: "remove directory", errno: errno)
    }
  }

  private static func names(in descriptor: Int32, path: RawPath) throws -> [RawPath] {
    let duplicate = dup(descriptor)
    guard duplicate >= 0, let handle = fdopendir(duplicate) else {
      throw ArchiveError.cannotExtract(entry: path.description, operation: "read directory", errno: errno)
    }
    defer { closedir(handle) }
    return try DirectoryReading.names(of: handle, path: path)
  }
}
