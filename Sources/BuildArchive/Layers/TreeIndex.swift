import Basics
import CZstd

/// The index a layer carries next to its archive (`tree.index`): every entry of the whole tree at
/// the end of the segment with its kind and mtime rank, the paths the layer deletes from the tree
/// it was made over, and whether it was made over a previous segment's tree.
///
/// Stored as one zstd frame holding `phasesplit-tree-index 1`, `max-rank N`, `over previous|nothing`
/// lines, an empty line, then NUL-terminated records `e KIND MODE RANK PATH` (MODE in octal) and
/// `x PATH` (KIND: `d`
/// directory, `f` regular file, `l` symlink, `p` FIFO; paths are raw bytes).
public struct TreeIndex: Equatable, Sendable {
  /// One entry of the whole tree.
  public struct Entry: Equatable, Sendable {
    public var path: RawPath
    public var kind: TreeEntryKind
    /// Permission bits (`st_mode & 0o7777`).
    public var permissions: UInt32
    /// The rank of its mtime among the whole tree's distinct mtimes.
    public var rank: Int
  }

  /// The greatest rank, -1 for an empty tree.
  public var maxRank: Int
  /// Whether the layer applies over the tree of the previous segment (`previous` next to it).
  public var isOverPrevious: Bool
  /// Every entry of the tree, sorted by path.
  public var entries: [Entry]
  /// Paths removed (with everything below them) before the layer's entries are extracted: deleted
  /// paths and paths whose kind changed, topmost only.
  public var deletions: [RawPath]

  private static let magic = "phasesplit-tree-index 1"
  /// Indexes larger than this (uncompressed) are refused as damaged: 64 bytes for each of
  /// 64 million entries.
  static let greatestSize: UInt64 = 4 << 30

  /// The zstd-compressed encoding.
  func encoded() throws -> [UInt8] {
    var text = Array(
      "\(Self.magic)\nmax-rank \(maxRank)\nover \(isOverPrevious ? "previous" : "nothing")\n\n".utf8)
    for entry in entries {
      text.append(
        contentsOf: Array(
          "e \(Self.letter(entry.kind)) \(String(entry.permissions, radix: 8)) \(entry.rank) ".utf8))
      text.append(contentsOf: entry.path.bytes)
      text.append(0)
    }
    for deletion in deletions {
      text.append(contentsOf: Array("x ".utf8))
      text.append(contentsOf: deletion.bytes)
      text.append(0)
    }
    var compressed = [UInt8](repeating: 0, count: ZSTD_compressBound(text.count))
    let size = text.withUnsafeBytes { source in
      compressed.withUnsafeMutableBytes { target in
        ZSTD_compress(target.baseAddress, target.count, source.baseAddress, source.count, 3)
      }
    }
    guard ZSTD_isError(size) == 0 else {
      throw ArchiveError.compressionFailed(
        path: "tree index", detail: String(cString: ZSTD_getErrorName(size)))
    }
    return Array(compressed[0..<size])
  }

  /// Writes the index to `path` (through a temporary file renamed into place).
  public func write(to path: RawPath) throws {
    let bytes = try encoded()
    let file = try TemporaryArchiveFile(destination: path)
    let code = bytes.withUnsafeBytes {
      FileDescriptorIO.writeAll(file.descriptor, $0.baseAddress!, count: $0.count)
    }
    guard code == 0 else {
      file.discard()
      throw ArchiveError.cannotWriteArchive(path: path.description, operation: "write", errno: code)
    }
    do { try file.commit() } catch {
      file.discard()
      throw error
    }
  }

  /// Reads the index at `path`.
  public static func read(from path: RawPath) throws -> TreeIndex {
    let descriptor = path.withCString { open($0, O_RDONLY | O_CLOEXEC) }
    guard descriptor >= 0 else {
      throw ArchiveError.cannotAccess(path: path.description, operation: "open", errno: errno)
    }
    defer { close(descriptor) }
    var info = stat()
    guard fstat(descriptor, &info) == 0 else {
      throw ArchiveError.cannotAccess(path: path.description, operation: "stat", errno: errno)
    }
    var compressed = [UInt8](repeating: 0, count: Int(info.st_size))
    let count = compressed.withUnsafeMutableBytes {
      FileDescriptorIO.readFully(descriptor, $0.baseAddress!, count: $0.count)
    }
    guard count == compressed.count else {
      throw ArchiveError.cannotAccess(
        path: path.description, operation: "read", errno: count < 0 ? Int32(-count) : EIO)
    }
    return try decode(compressed, path: path.description)
  }

  /// Decodes the zstd-compressed index `compressed` (`path` names it in errors).
  static func decode(_ compressed: [UInt8], path: String) throws -> TreeIndex {
    let declared = compressed.withUnsafeBytes { ZSTD_getFrameContentSize($0.baseAddress, $0.count) }
    guard declared != ZSTD_CONTENTSIZE_ERROR, declared != ZSTD_CONTENTSIZE_UNKNOWN, declared <= greatestSize
    else {
      throw LayerError.badIndex(path: path, detail: "not a single zstd frame of known size")
    }
    var text = [UInt8](repeating: 0, count: Int(declared))
    let size = compressed.withUnsafeBytes { source in
      text.withUnsafeMutableBytes { target in
        ZSTD_decompress(target.baseAddress, target.count, source.baseAddress, source.count)
      }
    }
    guard ZSTD_isError(size) == 0, size == text.count else {
      throw LayerError.badIndex(path: path, detail: "zstd: cannot decompress it")
    }
    return try parse(text, path: path)
  }

  private static func parse(_ text: [UInt8], path: String) throws -> TreeIndex {
    let separator = Array("\n\n".utf8)
    guard let headerEnd = text.firstRange(of: separator) else {
      throw LayerError.badIndex(path: path, detail: "no header")
    }
    let lines = String(decoding: text[..<headerEnd.lowerBound], as: UTF8.self).split(separator: "\n")
    guard lines.count == 3, lines[0] == magic, lines[1].hasPrefix("max-rank "),
      let maxRank = Int(lines[1].dropFirst("max-rank ".count)),
      (-1...ArchiveClock.greatestMaxRank).contains(maxRank),
      lines[2] == "over previous" || lines[2] == "over nothing"
    else {
      throw LayerError.badIndex(path: path, detail: "the header is not '\(magic)', 'max-rank N', 'over …'")
    }
    var index = TreeIndex(
      maxRank: maxRank, isOverPrevious: lines[2] == "over previous", entries: [], deletions: [])
    for record in text[headerEnd.upperBound...].split(separator: 0, omittingEmptySubsequences: true) {
      let fields = record.split(separator: UInt8(ascii: " "), maxSplits: 4, omittingEmptySubsequences: false)
      switch fields.first.map(Array.init) {
      case [UInt8(ascii: "e")]?:
        guard fields.count == 5, let kind = kind(Array(fields[1])),
          let permissions = UInt32(String(decoding: fields[2], as: UTF8.self), radix: 8),
          permissions <= 0o7777,
          let rank = Int(String(decoding: fields[3], as: UTF8.self)), (-1...maxRank).contains(rank),
          !fields[4].isEmpty
        else {
          throw LayerError.badIndex(path: path, detail: "a malformed entry record")
        }
        index.entries.append(
          Entry(path: RawPath(bytes: Array(fields[4])), kind: kind, permissions: permissions, rank: rank))
      case [UInt8(ascii: "x")]? where fields.count >= 2:
        let deleted = Array(record.dropFirst(2))
        guard !deleted.isEmpty else { throw LayerError.badIndex(path: path, detail: "an empty deletion") }
        index.deletions.append(RawPath(bytes: deleted))
      default:
        throw LayerError.badIndex(path: path, detail: "a record of unknown type")
      }
    }
    return index
  }

  private static func letter(_ kind: TreeEntryKind) -> String {
    switch kind {
    case .directory: return "d"
    case .regularFile, .hardLink: return "f"
    case .symlink: return "l"
    case .fifo: return "p"
    }
  }

  private static func kind(_ letter: [UInt8]) -> TreeEntryKind? {
    switch letter {
    case [UInt8(ascii: "d")]: return .directory
    case [UInt8(ascii: "f")]: return .regularFile
    case [UInt8(ascii: "l")]: return .symlink
    case [UInt8(ascii: "p")]: return .fifo
    default: return nil
    }
  }
}
