/// The metadata `pack` writes at the start of an archive, as a zstd skippable frame.
///
/// zstd decoders (and `tar --zstd`) skip the frame, so the archive stays a plain `.tar.zst`.
/// The payload is text: `phasesplit-archive 1`, `mtime-policy ranked|exact`, `max-rank N`, one per line.
public struct ArchiveHeader: Equatable, Sendable {
  /// The skippable-frame magic number phasesplit uses (`ZSTD_MAGIC_SKIPPABLE_START + 0xE`).
  static let magic: UInt32 = 0x184D_2A5E
  static let formatLine = "phasesplit-archive 1"

  /// How the archive's mtimes were stored.
  public var mtimePolicy: MtimePolicy
  /// The greatest mtime rank (ranked archives); -1 when the tree is empty or the policy is exact.
  public var maxRank: Int

  /// A header for an archive with `mtimePolicy` and `maxRank`.
  public init(mtimePolicy: MtimePolicy, maxRank: Int) {
    self.mtimePolicy = mtimePolicy
    self.maxRank = maxRank
  }

  /// The whole skippable frame: magic, little-endian payload length, payload.
  var frameBytes: [UInt8] {
    let payload = Array(
      "\(Self.formatLine)\nmtime-policy \(mtimePolicy.rawValue)\nmax-rank \(maxRank)\n".utf8)
    return littleEndianBytes(Self.magic) + littleEndianBytes(UInt32(payload.count)) + payload
  }

  /// Parses a header from the first bytes of the archive `path`; nil when they hold no phasesplit
  /// header. A phasesplit header with a missing, malformed or out-of-range value is an error
  /// (`ArchiveError.badHeader`), so a damaged header is never mistaken for an archive without one.
  static func parse(prefix: [UInt8], path: String) throws -> ArchiveHeader? {
    guard prefix.count >= 8, readLittleEndian(prefix, at: 0) == magic else { return nil }
    let length = Int(readLittleEndian(prefix, at: 4))
    guard prefix.count >= 8 + length else { return nil }
    let text = String(decoding: prefix[8..<8 + length], as: UTF8.self)
    let lines = text.split(separator: "\n").map(String.init)
    guard lines.first == formatLine else { return nil }
    var policy: MtimePolicy?
    var maxRank: Int?
    for line in lines.dropFirst() {
      let parts = line.split(separator: " ", maxSplits: 1).map(String.init)
      guard parts.count == 2 else { continue }
      switch parts[0] {
      case "mtime-policy": policy = MtimePolicy(rawValue: parts[1])
      case "max-rank": maxRank = Int(parts[1])
      default: continue
      }
    }
    guard let policy else {
      throw ArchiveError.badHeader(path: path, detail: "no valid mtime-policy line (ranked or exact)")
    }
    guard let maxRank, maxRank >= -1, maxRank <= ArchiveClock.greatestMaxRank else {
      throw ArchiveError.badHeader(
        path: path, detail: "max-rank is missing or outside -1...\(ArchiveClock.greatestMaxRank)")
    }
    return ArchiveHeader(mtimePolicy: policy, maxRank: maxRank)
  }

  private func littleEndianBytes(_ value: UInt32) -> [UInt8] {
    (0..<4).map { UInt8(truncatingIfNeeded: value >> (8 * $0)) }
  }

  private static func readLittleEndian(_ bytes: [UInt8], at offset: Int) -> UInt32 {
    (0..<4).reduce(UInt32(0)) { $0 | UInt32(bytes[offset + $1]) << (8 * $1) }
  }
}
