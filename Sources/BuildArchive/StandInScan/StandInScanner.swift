import Basics

/// Scans a final segment's relocated outputs for stand-in hash parts that relocation could not
/// rewrite: in each file's bytes and symlink target, as plain bytes and as UTF-16 text (either
/// byte order), and inside the compressed streams and archives a build commonly writes (gzip,
/// bzip2, xz, zstd, zip/jar, and tar/cpio/ar inside them), nested up to ``maximumDepth``.
///
/// Containers are recognised by their first bytes and read with libarchive. A container that
/// no longer reads while its raw bytes name a real output was damaged by relocation (a stand-in
/// stored uncompressed inside it was rewritten under its checksum): that is a remnant too.
/// Files are read in chunks; a container entry is kept in memory (up to ``entryMemoryLimit``
/// bytes) only to look inside it when it is itself a container.
public struct StandInScanner {
  /// How many containers deep the scan looks (a `.tar.gz` in a zip is 2 deep).
  public static let maximumDepth = 3
  /// The largest container entry the scan looks inside.
  public static let entryMemoryLimit = 256 << 20
  private static let chunkSize = 1 << 20

  private let moves: [StorePathMove]
  private let patterns: [StandInPattern]
  private let search: PatternSearch
  /// The real outputs' hash parts (plain), index for index with `moves`.
  private let realSearch: PatternSearch

  /// A scanner for outputs relocated by `moves` (stand-in → real output).
  ///
  /// - Throws: ``RelocationError/notAStorePath(path:storeDirectory:)``.
  public init(moves: [StorePathMove], storeDirectory: String = "/nix/store") throws {
    self.moves = moves
    patterns = try StandInPattern.patterns(standIns: moves.map(\.from), storeDirectory: storeDirectory)
    search = PatternSearch(patterns: patterns.map(\.bytes))
    realSearch = PatternSearch(patterns: moves.map(\.toHash))
  }

  /// Scans every existing real output (`moves`' TO paths); hard-linked files are read once.
  ///
  /// - Throws: ``ArchiveError/cannotAccess(path:operation:errno:)`` when a file cannot be read.
  public func scan() throws -> StandInScanReport {
    var report = StandInScanReport()
    var visited = Set<InodeKey>()
    for root in moves.map(\.to) {
      var info = stat()
      guard root.withCString({ lstat($0, &info) }) == 0 else { continue }
      try scanEntry(root, report: &report, visited: &visited)
    }
    return report
  }

  private func scanEntry(_ path: RawPath, report: inout StandInScanReport, visited: inout Set<InodeKey>)
    throws
  {
    var info = stat()
    guard path.withCString({ lstat($0, &info) }) == 0 else {
      throw ArchiveError.cannotAccess(path: path.description, operation: "lstat", errno: errno)
    }
    switch info.st_mode & S_IFMT {
    case S_IFDIR:
      for name in try DirectoryReading.names(in: path) {
        try scanEntry(path.appending(name), report: &report, visited: &visited)
      }
    case S_IFREG:
      guard visited.insert(InodeKey(device: UInt64(info.st_dev), inode: UInt64(info.st_ino))).inserted else {
        return
      }
      try scanFile(path, report: &report)
    case S_IFLNK:
      let target = try DirectoryReading.symlinkTarget(path, size: Int(info.st_size))
      if let found = target.bytes.withUnsafeBytes({ search.firstMatch(in: $0) }) {
        let pattern = patterns[found.pattern]
        report.remnants.append(
          StandInRemnant(
            file: path, layers: [], encoding: pattern.encoding, offset: nil, standIn: pattern.standIn))
      }
    default:
      return
    }
  }

  private func scanFile(_ path: RawPath, report: inout StandInScanReport) throws {
    let descriptor = path.withCString { open($0, O_RDONLY | O_NOFOLLOW | O_CLOEXEC) }
    guard descriptor >= 0 else {
      throw ArchiveError.cannotAccess(path: path.description, operation: "open", errno: errno)
    }
    defer { close(descriptor) }
    var matcher = StreamMatcher(search: search)
    var realMatcher = StreamMatcher(search: realSearch)
    var kind: ContainerKind?
    let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: Self.chunkSize, alignment: 16)
    defer { buffer.deallocate() }
    while true {
      let count = FileDescriptorIO.readFully(descriptor, buffer.baseAddress!, count: buffer.count)
      guard count >= 0 else {
        throw ArchiveError.cannotAccess(path: path.description, operation: "read", errno: Int32(-count))
      }
      let block = UnsafeRawBufferPointer(rebasing: buffer[0..<count])
      if matcher.length == 0 { kind = ContainerKind.detect(block) }
      matcher.feed(block)
      if kind != nil { realMatcher.feed(block) }
      report.bytes += Int64(count)
      if count < buffer.count { break }
    }
    report.files += 1
    record(matcher, file: path, layers: [], into: &report)
    guard kind != nil else { return }
    do {
      try scanContainer(ContainerReader(descriptor: descriptor), file: path, layers: [], report: &report)
    } catch let failure as ContainerReader.Failure {
      recordFailure(failure, file: path, layers: [], kind: kind, realMatch: realMatcher.match, into: &report)
    }
  }

  /// Scans every entry of `reader`, which is `layers.count + 1` containers deep.
  private func scanContainer(
    _ reader: ContainerReader, file: RawPath, layers: [String], report: inout StandInScanReport
  ) throws {
    report.containers += 1
    let depth = layers.count + 1
    var entryLayers = layers
    do {
      while let entry = try reader.nextEntry() {
        guard entry.isRegularFile else { continue }
        entryLayers = layers + [entry.description]
        try scanEntryContents(reader, file: file, layers: entryLayers, depth: depth, report: &report)
      }
    } catch var failure as ContainerReader.Failure {
      if failure.layers == nil { failure.layers = entryLayers.count > layers.count ? entryLayers : layers }
      throw failure
    }
  }

  private func scanEntryContents(
    _ reader: ContainerReader, file: RawPath, layers: [String], depth: Int, report: inout StandInScanReport
  ) throws {
    var matcher = StreamMatcher(search: search)
    // The entry's bytes, kept while they may be a container to look into.
    var kept: [UInt8] = []
    var keeping = true
    var tooLarge = false
    try reader.readData { block in
      matcher.feed(block)
      guard keeping else { return }
      if kept.count < ContainerKind.signatureLength {
        kept.append(contentsOf: block)
        if kept.count >= ContainerKind.signatureLength,
          kept.withUnsafeBytes({ ContainerKind.detect($0) }) == nil
        {
          keeping = false
          kept = []
        }
      } else if kept.count + block.count <= Self.entryMemoryLimit {
        kept.append(contentsOf: block)
      } else {
        keeping = false
        tooLarge = true
        kept = []
      }
    }
    record(matcher, file: file, layers: layers, into: &report)
    if tooLarge {
      report.notes.append(
        StandInScanNote(
          file: file, layers: layers,
          reason: "a compressed stream or archive larger than \(Self.entryMemoryLimit >> 20) MiB"))
    }
    guard keeping, let kind = kept.withUnsafeBytes({ ContainerKind.detect($0) }) else { return }
    guard depth < Self.maximumDepth else {
      report.notes.append(
        StandInScanNote(
          file: file, layers: layers,
          reason: "a compressed stream or archive nested more than \(Self.maximumDepth) deep"))
      return
    }
    do {
      try kept.withUnsafeBytes { bytes in
        try scanContainer(ContainerReader(memory: bytes), file: file, layers: layers, report: &report)
      }
    } catch let failure as ContainerReader.Failure {
      let realMatch = kept.withUnsafeBytes { realSearch.firstMatch(in: $0) }
      recordFailure(failure, file: file, layers: layers, kind: kind, realMatch: realMatch, into: &report)
    }
  }

  private func record(
    _ matcher: StreamMatcher, file: RawPath, layers: [String], into report: inout StandInScanReport
  ) {
    guard let match = matcher.match else { return }
    let pattern = patterns[match.pattern]
    // In little-endian UTF-16 the big-endian pattern matches one byte before the text (and the
    // other way round one byte after): an odd offset is taken as the even one after it.
    let offset = pattern.encoding == .utf16 && match.offset % 2 == 1 ? match.offset + 1 : match.offset
    report.remnants.append(
      StandInRemnant(
        file: file, layers: layers, encoding: pattern.encoding, offset: offset, standIn: pattern.standIn))
  }

  /// A container that no longer reads: a remnant when its raw bytes name a real output
  /// (relocation rewrote under its checksum), otherwise a note.
  private func recordFailure(
    _ failure: ContainerReader.Failure, file: RawPath, layers: [String], kind: ContainerKind?,
    realMatch: PatternSearch.Match?, into report: inout StandInScanReport
  ) {
    var failedLayers = failure.layers ?? layers
    if failedLayers.count == layers.count, let kind { failedLayers.append("\(kind.rawValue) data") }
    guard let realMatch else {
      report.notes.append(
        StandInScanNote(file: file, layers: failedLayers, reason: "unreadable: \(failure.detail)"))
      return
    }
    report.remnants.append(
      StandInRemnant(
        file: file, layers: failedLayers, encoding: .plain, offset: realMatch.offset,
        standIn: moves[realMatch.pattern].from, damage: failure.detail))
  }
}

/// The result of scanning outputs for stand-in remnants.
public struct StandInScanReport: Sendable, Equatable {
  /// Every place that still names a stand-in, in path order (at most one for each file and
  /// container entry: the first occurrence).
  public var remnants: [StandInRemnant] = []
  /// Containers that were not looked into.
  public var notes: [StandInScanNote] = []
  /// Regular files scanned.
  public var files = 0
  /// Bytes of those files.
  public var bytes: Int64 = 0
  /// Compressed streams and archives looked into (nested ones included).
  public var containers = 0
}

/// Something the stand-in scan could not look into (a container libarchive cannot read, or one
/// nested deeper or larger than the scan goes); not a failure.
public struct StandInScanNote: Sendable, Equatable, CustomStringConvertible {
  /// The file in the output.
  public var file: RawPath
  /// The containers around the unread part, outermost first.
  public var layers: [String]
  /// Why it was not read.
  public var reason: String

  public var description: String {
    let place = layers.isEmpty ? "\(file)" : "\(file) (\(layers.joined(separator: " → ")))"
    return "\(place): not looked into: \(reason)"
  }
}
