import Basics

/// Restores the build tree of a segment directory (a segment derivation's `$out`): its layer
/// `tree.pst` with `tree.index`, over the tree of `previous` (a symlink to the previous segment's
/// directory, which makes it part of the segment's closure), recursively. A directory without
/// `tree.index` holds a full archive. See docs/archive-format.md, "Layers".
public enum LayerRestorer {
  /// The file names inside a segment directory.
  public static let archiveName = "tree.pst"
  public static let indexName = "tree.index"
  public static let previousName = "previous"
  /// Chains longer than this are refused (a `previous` cycle).
  static let greatestChainLength = 10_000

  /// Restores `segment`'s tree into `directory`: removes each layer's deletions and extracts its
  /// entries, oldest layer first, then gives every entry the time of its rank in the last index.
  /// Returns when the restore ended: every entry changed afterwards has a later ctime.
  @discardableResult
  public static func restore(segment: RawPath, into directory: RawPath) throws -> RestoreSummary {
    let chain = try layers(of: segment)
    let now = ArchiveUnpacker.currentTime()
    var warnings: [String] = []
    var extracted = 0
    var restoredIndex: TreeIndex?
    for layer in chain.reversed() {
      // Directories without owner rwx (an unprivileged build may leave them) are opened up while
      // later layers remove and extract below them; their modes are put back at the end.
      if let restoredIndex { try openUpDirectories(of: restoredIndex, in: directory) }
      if let deletions = layer.index?.deletions, !deletions.isEmpty {
        // A fresh target for each step: a cached parent descriptor may name a removed directory.
        let target = try ExtractionTarget(root: directory)
        for deletion in deletions {
          try TreeRemover.remove(deletion, in: target)
        }
      }
      let summary = try ArchiveUnpacker.unpack(archive: layer.archive, into: directory, now: now)
      warnings += summary.warnings
      extracted += summary.entryCount
      restoredIndex = layer.index
    }
    if let index = chain.first?.index {
      try openUpDirectories(of: index, in: directory)
      try applyTimes(index, in: ExtractionTarget(root: directory), now: now, segment: segment)
      try restoreDirectoryModes(of: index, in: directory)
    }
    return RestoreSummary(
      layerCount: chain.count, extractedEntryCount: extracted,
      treeEntryCount: chain.first?.index?.entries.count ?? extracted, warnings: warnings,
      restoredAt: changeTimeThreshold())
  }

  /// One layer of a chain.
  struct Layer {
    var archive: RawPath
    var index: TreeIndex?
  }

  /// The layers of `segment`, newest first.
  static func layers(of segment: RawPath) throws -> [Layer] {
    var chain: [Layer] = []
    var current = segment
    while true {
      let archive = current.appending(RawPath(archiveName))
      guard access(archive, F_OK) else {
        throw LayerError.missingLayerFile(
          path: archive.description, detail: "a segment directory holds \(archiveName)")
      }
      let indexPath = current.appending(RawPath(indexName))
      guard access(indexPath, F_OK) else {
        chain.append(Layer(archive: archive, index: nil))
        return chain
      }
      let index = try TreeIndex.read(from: indexPath)
      chain.append(Layer(archive: archive, index: index))
      guard index.isOverPrevious else { return chain }
      guard chain.count < greatestChainLength else {
        throw LayerError.badIndex(
          path: indexPath.description, detail: "its chain of previous layers does not end")
      }
      current = current.appending(RawPath(previousName))
      guard access(current, F_OK) else {
        throw LayerError.missingLayerFile(
          path: current.description, detail: "the layer applies over the previous segment's tree")
      }
    }
  }

  /// Sets every entry's mtime (and atime) to its rank's restored time, deepest entries first.
  private static func applyTimes(
    _ index: TreeIndex, in target: ExtractionTarget, now: Int64, segment: RawPath
  ) throws {
    let clock = ArchiveClock(maxRank: index.maxRank, now: now)
    for entry in index.entries.reversed() {
      let components = try ExtractionTarget.components(of: entry.path)
      let parent = try target.parentDirectory(of: components, entry: entry.path, create: false)
      let time = clock.restoredTime(rank: entry.rank)
      var times = [RestoredEntry.timespec(time), RestoredEntry.timespec(time)]
      guard components.last!.withCString({ utimensat(parent, $0, &times, AT_SYMLINK_NOFOLLOW) }) == 0 else {
        if errno == ENOENT {
          throw LayerError.inconsistentChain(
            segment: segment.description, entry: entry.path.description,
            detail: "is missing after the restore")
        }
        throw ArchiveError.cannotExtract(
          entry: entry.path.description, operation: "set modification time", errno: errno)
      }
    }
  }

  /// Adds owner rwx to the index's directories that lack it, parents first.
  private static func openUpDirectories(of index: TreeIndex, in directory: RawPath) throws {
    let target = try ExtractionTarget(root: directory)
    for entry in index.entries where entry.kind == .directory && entry.permissions & 0o700 != 0o700 {
      try changeMode(entry, to: entry.permissions | 0o700, in: target)
    }
  }

  /// Gives the index's directories that lack owner rwx their modes back, deepest first.
  private static func restoreDirectoryModes(of index: TreeIndex, in directory: RawPath) throws {
    let target = try ExtractionTarget(root: directory)
    for entry in index.entries.reversed() where entry.kind == .directory && entry.permissions & 0o700 != 0o700
    {
      try changeMode(entry, to: entry.permissions, in: target)
    }
  }

  private static func changeMode(_ entry: TreeIndex.Entry, to mode: UInt32, in target: ExtractionTarget)
    throws
  {
    let components = try ExtractionTarget.components(of: entry.path)
    let parent = try target.parentDirectory(of: components, entry: entry.path, create: false)
    guard components.last!.withCString({ fchmodat(parent, $0, mode_t(mode), 0) }) == 0 else {
      throw ArchiveError.cannotExtract(entry: entry.path.description, operation: "chmod", errno: errno)
    }
  }

  private static func access(_ path: RawPath, _ mode: Int32) -> Bool {
    path.withCString { Glibc.access($0, mode) } == 0
  }

  /// The time after which every change has a later ctime than anything the restore touched.
  ///
  /// File times come from the coarse real-time clock, or (multigrain timestamps, Linux 6.13 on)
  /// from the fine one, which can be ahead of the coarse clock by a tick or more. So: read the fine
  /// clock (no ctime the restore set is later), wait until the coarse clock has passed it, and
  /// return the coarse clock: every later change gets a ctime at least that.
  static func changeTimeThreshold() -> FileTime {
    var fine = timespec()
    clock_gettime(CLOCK_REALTIME, &fine)
    let restoreEnd = FileTime(seconds: Int64(fine.tv_sec), nanoseconds: Int64(fine.tv_nsec))
    while true {
      var coarse = timespec()
      clock_gettime(CLOCK_REALTIME_COARSE, &coarse)
      let now = FileTime(seconds: Int64(coarse.tv_sec), nanoseconds: Int64(coarse.tv_nsec))
      if now > restoreEnd { return now }
      var pause = timespec(tv_sec: 0, tv_nsec: 500_000)
      nanosleep(&pause, nil)
    }
  }
}

/// What `LayerRestorer.restore` did.
public struct RestoreSummary: Sendable {
  /// Layers applied (1 for a full archive).
  public var layerCount: Int
  /// Entries extracted from all layers.
  public var extractedEntryCount: Int
  /// Entries of the restored tree.
  public var treeEntryCount: Int
  public var warnings: [String]
  /// When the restore ended (see `LayerBase`).
  public var restoredAt: FileTime
}
