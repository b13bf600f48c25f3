/// Rewrites the output mtimes recorded in a `.ninja_deps` file (binary, version 4).
///
/// Layout: `# ninjadeps\n`, a 4-byte version, then records, each a 4-byte little-endian size word
/// and payload. A set high bit marks a deps record whose payload starts with the output's node id
/// and its 64-bit mtime (low then high 32-bit half); other records are paths.
struct NinjaDepsRewriter {
  private static let signature = Array("# ninjadeps\n".utf8)
  private static let supportedVersion: UInt32 = 4

  let mapping: NinjaTimeMapping

  /// The rewritten file (same length), or nil when it is not a version-4 deps log.
  func rewrite(_ contents: [UInt8]) -> [UInt8]? {
    let headerLength = Self.signature.count + 4
    guard contents.count >= headerLength, Array(contents[0..<Self.signature.count]) == Self.signature,
      readWord(contents, at: Self.signature.count) == Self.supportedVersion
    else { return nil }
    var result = contents
    var offset = headerLength
    while offset + 4 <= contents.count {
      let sizeWord = readWord(contents, at: offset)
      let payloadSize = Int(sizeWord & 0x7FFF_FFFF)
      let payload = offset + 4
      // A truncated final record is ignored by ninja; leave it as it is.
      guard payload + payloadSize <= contents.count else { break }
      if sizeWord & 0x8000_0000 != 0 && payloadSize >= 12 {
        let recorded = Int64(
          bitPattern: UInt64(readWord(contents, at: payload + 4)) | UInt64(
            readWord(contents, at: payload + 8)) << 32)
        let mapped = UInt64(bitPattern: mapping.map(recorded))
        writeWord(&result, at: payload + 4, UInt32(truncatingIfNeeded: mapped))
        writeWord(&result, at: payload + 8, UInt32(truncatingIfNeeded: mapped >> 32))
      }
      offset = payload + payloadSize
    }
    return result
  }

  private func readWord(_ bytes: [UInt8], at offset: Int) -> UInt32 {
    (0..<4).reduce(UInt32(0)) { $0 | UInt32(bytes[offset + $1]) << (8 * $1) }
  }

  private func writeWord(_ bytes: inout [UInt8], at offset: Int, _ value: UInt32) {
    for index in 0..<4 { bytes[offset + index] = UInt8(truncatingIfNeeded: value >> (8 * index)) }
  }
}
