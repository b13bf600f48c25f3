/// The compressed streams and archives a build commonly writes, recognised by their first bytes
/// (not by file names): the forms the stand-in scan looks inside.
enum ContainerKind: String, CaseIterable {
  case gzip
  case bzip2
  case xz
  case zstd
  case zip

  /// How many leading bytes `detect` needs at most.
  static let signatureLength = 10

  /// The kind whose signature `prefix` starts with, if any.
  static func detect(_ prefix: UnsafeRawBufferPointer) -> ContainerKind? {
    func starts(_ signature: [UInt8]) -> Bool {
      prefix.count >= signature.count && Swift.zip(prefix, signature).allSatisfy { $0 == $1 }
    }
    // gzip: magic and the deflate method byte.
    if starts([0x1F, 0x8B, 0x08]) { return .gzip }
    // bzip2: "BZh", the block size digit, then a block or the end-of-stream magic.
    if prefix.count >= 10, starts(Array("BZh".utf8)),
      (UInt8(ascii: "1")...UInt8(ascii: "9")).contains(prefix[3])
    {
      let next = Array(prefix[4..<10])
      if next == [0x31, 0x41, 0x59, 0x26, 0x53, 0x59] || next == [0x17, 0x72, 0x45, 0x38, 0x50, 0x90] {
        return .bzip2
      }
    }
    if starts([0xFD, 0x37, 0x7A, 0x58, 0x5A, 0x00]) { return .xz }
    if starts([0x28, 0xB5, 0x2F, 0xFD]) { return .zstd }
    // zip (and jar): a local file header.
    if starts([0x50, 0x4B, 0x03, 0x04]) { return .zip }
    return nil
  }
}
