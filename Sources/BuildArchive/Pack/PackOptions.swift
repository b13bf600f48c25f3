import Basics

/// Options for `ArchivePacker.pack`.
public struct PackOptions: Sendable {
  /// Paths relative to the packed directory to leave out, with everything below them.
  public var excludedPaths: [RawPath]
  /// How modification times are stored.
  public var mtimePolicy: MtimePolicy
  /// zstd compression level.
  public var compressionLevel: Int32
  /// zstd worker threads (at least 1; the output does not depend on it).
  public var compressionWorkers: Int32

  /// Options with the reproducible defaults: ranked mtimes, level 3, one worker per CPU.
  public init(
    excludedPaths: [RawPath] = [],
    mtimePolicy: MtimePolicy = .ranked,
    compressionLevel: Int32 = 3,
    compressionWorkers: Int32? = nil
  ) {
    self.excludedPaths = excludedPaths
    self.mtimePolicy = mtimePolicy
    self.compressionLevel = compressionLevel
    self.compressionWorkers = compressionWorkers ?? ProcessorCount.online
  }
}

/// How `pack` stores modification times.
public enum MtimePolicy: String, Sendable, Codable {
  /// Each entry's mtime is stored as its rank among the tree's distinct mtimes (reproducible,
  /// order-preserving); `unpack` maps ranks to times just before "now".
  case ranked
  /// Exact nanosecond mtimes are stored and restored (not reproducible).
  case exact
}

/// The number of online processors, for sizing compression worker pools.
enum ProcessorCount {
  /// Online processors, at least 1.
  static var online: Int32 {
    Int32(max(1, sysconf(Int32(_SC_NPROCESSORS_ONLN))))
  }
}
