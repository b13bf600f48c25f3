import Basics

/// Moves store paths to new store paths of the same length and rewrites the hash part of every
/// moved path in file contents and symlink targets (see docs/design.md, "Output stand-ins").
///
/// Files are patched in place (streaming, fixed memory), so modes, hard links and inode identity
/// are kept; modification times of rewritten files, symlinks and directories are restored.
public struct StorePathRelocator {
  private static let chunkSize = 1 << 20

  private let moves: [StorePathMove]
  private let rewriter: HashRewriter

  /// A relocator performing `moves`.
  public init(moves: [StorePathMove]) {
    self.moves = moves
    self.rewriter = HashRewriter(moves: moves)
  }

  /// `bytes` with every reference to a FROM path rewritten to its TO path, by the same rules as
  /// `relocate` (whole hash parts, and hash tails followed by `-NAME`).
  public func rewrite(_ bytes: [UInt8]) -> [UInt8] {
    rewriter.rewrite(bytes)
  }

  /// Moves each existing FROM to TO, then rewrites the moved trees and each of `trees`.
  @discardableResult
  public func relocate(rewritingAlso trees: [RawPath] = []) throws -> RelocationSummary {
    var summary = RelocationSummary(movedPaths: 0, rewrittenFiles: 0, rewrittenSymlinks: 0)
    var roots: [RawPath] = []
    for move in moves {
      var info = stat()
      guard move.from.withCString({ lstat($0, &info) }) == 0 else { continue }
      var existing = stat()
      if move.to.withCString({ lstat($0, &existing) }) == 0 {
        throw RelocationError.destinationExists(move.to.description)
      }
      let renamed = move.from.withCString { from in move.to.withCString { rename(from, $0) } }
      guard renamed == 0 else {
        throw RelocationError.cannotRewrite(path: move.from.description, operation: "move", errno: errno)
      }
      try setTime(of: move.to, to: info.st_mtim)
      summary.movedPaths += 1
      roots.append(move.to)
    }
    guard !rewriter.isEmpty else { return summary }
    var visited = Set<InodeKey>()
    for root in roots + trees {
      try rewrite(root, summary: &summary, visited: &visited)
    }
    return summary
  }

  private func rewrite(_ path: RawPath, summary: inout RelocationSummary, visited: inout Set<InodeKey>) throws
  {
    var info = stat()
    guard path.withCString({ lstat($0, &info) }) == 0 else {
      throw RelocationError.cannotRewrite(path: path.description, operation: "lstat", errno: errno)
    }
    guard visited.insert(InodeKey(device: UInt64(info.st_dev), inode: UInt64(info.st_ino))).inserted else {
      return
    }
    switch info.st_mode & S_IFMT {
    case S_IFDIR:
      // A directory of the build user without owner rwx (a build may leave one) is opened up
      // for the walk and given its mode back afterwards.
      let permissions = mode_t(info.st_mode & 0o7777)
      let openedUp = permissions & 0o700 != 0o700 && info.st_uid == geteuid()
      if openedUp && path.withCString({ chmod($0, permissions | 0o700) }) != 0 {
        throw RelocationError.cannotRewrite(
          path: path.description, operation: "chmod (to read it)", errno: errno)
      }
      defer { if openedUp { _ = path.withCString { chmod($0, permissions) } } }
      for name in try DirectoryReading.names(in: path) {
        try rewrite(path.appending(name), summary: &summary, visited: &visited)
      }
      try setTime(of: path, to: info.st_mtim)
    case S_IFREG:
      let result = try rewriteFile(path, info: info)
      if result.changed { summary.rewrittenFiles += 1 }
      switch result.buildID {
      case .recomputed: summary.recomputedBuildIDs += 1
      case .kept: summary.keptBuildIDs.append(path.description)
      case .noBuildID: break
      }
    case S_IFLNK:
      if try rewriteSymlink(path, info: info) { summary.rewrittenSymlinks += 1 }
    default:
      return
    }
  }

  private func rewriteFile(_ path: RawPath, info: stat) throws -> (changed: Bool, buildID: ElfBuildID.Outcome)
  {
    var descriptor = path.withCString { open($0, O_RDWR | O_NOFOLLOW | O_CLOEXEC) }
    var madeWritable = false
    if descriptor < 0 && errno == EACCES {
      _ = path.withCString { chmod($0, mode_t(info.st_mode & 0o7777) | 0o600) }
      madeWritable = true
      descriptor = path.withCString { open($0, O_RDWR | O_NOFOLLOW | O_CLOEXEC) }
    }
    guard descriptor >= 0 else {
      throw RelocationError.cannotRewrite(path: path.description, operation: "open", errno: errno)
    }
    defer {
      if madeWritable { fchmod(descriptor, mode_t(info.st_mode & 0o7777)) }
      close(descriptor)
    }
    if try startsWithElfMagic(descriptor, path: path) {
      return try rewriteElfFile(descriptor, path: path, info: info)
    }
    let window = UnsafeMutableRawBufferPointer.allocate(
      byteCount: Self.chunkSize + rewriter.overlap, alignment: 16)
    defer { window.deallocate() }
    var position: Int64 = 0
    var changed = false
    while true {
      let count = FileDescriptorIO.readFully(
        descriptor, window.baseAddress!, count: window.count, at: position)
      guard count >= 0 else {
        throw RelocationError.cannotRewrite(path: path.description, operation: "read", errno: Int32(-count))
      }
      let slice = UnsafeMutableRawBufferPointer(rebasing: window[0..<count])
      let atEnd = count < window.count
      if rewriter.rewrite(slice, matchesStartingBefore: atEnd ? count : Self.chunkSize) {
        let code = FileDescriptorIO.writeAll(descriptor, window.baseAddress!, count: count, at: position)
        guard code == 0 else {
          throw RelocationError.cannotRewrite(path: path.description, operation: "write", errno: code)
        }
        changed = true
      }
      if atEnd { break }
      position += Int64(Self.chunkSize)
    }
    if changed {
      var times = [info.st_atim, info.st_mtim]
      futimens(descriptor, &times)
    }
    return (changed, .noBuildID)
  }

  private func startsWithElfMagic(_ descriptor: Int32, path: RawPath) throws -> Bool {
    var magic = [UInt8](repeating: 0, count: 4)
    let count = magic.withUnsafeMutableBytes { pread(descriptor, $0.baseAddress, 4, 0) }
    guard count >= 0 else {
      throw RelocationError.cannotRewrite(path: path.description, operation: "read", errno: errno)
    }
    return count == 4 && ElfImage.hasMagic(magic)
  }

  /// An ELF file is rewritten as a whole, so that its build ID can be recomputed over the
  /// relocated bytes (``ElfBuildID``).
  private func rewriteElfFile(_ descriptor: Int32, path: RawPath, info: stat) throws -> (
    changed: Bool, buildID: ElfBuildID.Outcome
  ) {
    let size = Int(info.st_size)
    var bytes = [UInt8](repeating: 0, count: size)
    let count = bytes.withUnsafeMutableBytes {
      FileDescriptorIO.readFully(descriptor, $0.baseAddress!, count: size, at: 0)
    }
    // A file shorter than its size (it shrank since the lstat) is an I/O error, as in TreeIndex.
    guard count == size else {
      throw RelocationError.cannotRewrite(
        path: path.description, operation: "read", errno: count < 0 ? Int32(-count) : EIO)
    }
    let (rewritten, outcome) = ElfBuildID.rewrite(bytes) { rewriter.rewrite($0) }
    guard rewritten != bytes else { return (false, .noBuildID) }
    let code = rewritten.withUnsafeBytes {
      FileDescriptorIO.writeAll(descriptor, $0.baseAddress!, count: size, at: 0)
    }
    guard code == 0 else {
      throw RelocationError.cannotRewrite(path: path.description, operation: "write", errno: code)
    }
    var times = [info.st_atim, info.st_mtim]
    futimens(descriptor, &times)
    return (true, outcome)
  }

  private func rewriteSymlink(_ path: RawPath, info: stat) throws -> Bool {
    var buffer = [UInt8](repeating: 0, count: Int(info.st_size) + 1)
    let count = path.withCString { cPath in
      buffer.withUnsafeMutableBytes {
        readlink(cPath, $0.baseAddress!.assumingMemoryBound(to: CChar.self), $0.count)
      }
    }
    guard count >= 0 else {
      throw RelocationError.cannotRewrite(path: path.description, operation: "readlink", errno: errno)
    }
    let target = Array(buffer[0..<count])
    let rewritten = rewriter.rewrite(target)
    guard rewritten != target else { return false }
    let temporary = RawPath(bytes: path.bytes + Array(".phasesplit-relocate".utf8))
    let made = RawPath(bytes: rewritten).withCString { to in temporary.withCString { symlink(to, $0) } }
    guard made == 0 else {
      throw RelocationError.cannotRewrite(path: path.description, operation: "create symlink", errno: errno)
    }
    guard temporary.withCString({ from in path.withCString { rename(from, $0) } }) == 0 else {
      throw RelocationError.cannotRewrite(path: path.description, operation: "replace symlink", errno: errno)
    }
    try setTime(of: path, to: info.st_mtim)
    return true
  }

  private func setTime(of path: RawPath, to time: timespec) throws {
    var times = [time, time]
    guard path.withCString({ utimensat(AT_FDCWD, $0, &times, AT_SYMLINK_NOFOLLOW) }) == 0 else {
      throw RelocationError.cannotRewrite(
        path: path.description, operation: "set modification time", errno: errno)
    }
  }
}

/// What `StorePathRelocator.relocate` did.
public struct RelocationSummary: Sendable {
  /// Store paths moved (FROM paths that did not exist are skipped).
  public var movedPaths: Int
  /// Files whose contents changed.
  public var rewrittenFiles: Int
  /// Symlinks whose targets changed.
  public var rewrittenSymlinks: Int
  /// Rewritten ELF files whose GNU build ID was recomputed (``ElfBuildID``).
  public var recomputedBuildIDs: Int = 0
  /// Rewritten ELF files whose build ID is no hash phasesplit can recompute (`uuid`, a fixed
  /// value, lld's styles), kept as the linker wrote it over the stand-in paths.
  public var keptBuildIDs: [String] = []
}
