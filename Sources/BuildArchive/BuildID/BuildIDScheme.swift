import CNettle

/// How a linker computes a GNU build ID from the file it wrote, for the deterministic styles
/// (`--build-id=sha1`, `md5`, and plain `--build-id`, which is sha1):
///
/// - GNU ld (bfd): a hash over the ELF header with `e_phoff` and `e_shoff` zeroed, every program
///   header, and for every section its header with `sh_offset` zeroed followed by its contents —
///   except sections without contents in the file (`SHT_NOBITS`), section 0, and the symbol and
///   string tables ld writes itself (non-allocated `SHT_SYMTAB`, `SHT_STRTAB`,
///   `SHT_SYMTAB_SHNDX`), with the build-ID note section all zero.
/// - gold: a hash over the whole file with the build ID zero.
///
/// lld's styles, `uuid` and `0x…` values are not recomputed (see ``ElfBuildID``).
enum BuildIDScheme: String, CaseIterable, Sendable {
  case gnuLD = "GNU ld"
  case gold = "gold"

  /// The hash algorithm of a build ID of `length` bytes.
  enum Algorithm { case sha1, md5 }

  static func algorithm(forLength length: Int) -> Algorithm? {
    switch length {
    case 20: .sha1
    case 16: .md5
    default: nil
    }
  }

  /// The build ID this scheme computes for `bytes` (the ID's own bytes are ignored).
  func buildID(of bytes: [UInt8], image: ElfImage, algorithm: Algorithm) -> [UInt8]? {
    guard let idRange = image.buildID else { return nil }
    var hash = Hash(algorithm)
    switch self {
    case .gold:
      hash.update(bytes[..<idRange.lowerBound])
      hash.update(zeros: idRange.count)
      hash.update(bytes[idRange.upperBound...])
    case .gnuLD:
      guard let noteSection = image.buildIDSection else { return nil }
      let wordSize = image.is64Bit ? 8 : 4
      var header = Array(bytes[0..<image.headerSize])
      for field in image.is64Bit ? [32, 40] : [28, 32] {
        header.replaceSubrange(field..<field + wordSize, with: repeatElement(0, count: wordSize))
      }
      hash.update(header[...])
      let programHeaders = image.programHeaderOffset
      hash.update(bytes[programHeaders..<programHeaders + image.programHeaderSize * image.programHeaderCount])
      let offsetField = image.is64Bit ? 24 : 16
      for (index, section) in image.sections.enumerated() {
        var sectionHeader = Array(
          bytes[section.headerOffset..<section.headerOffset + image.sectionHeaderSize])
        sectionHeader.replaceSubrange(
          offsetField..<offsetField + wordSize, with: repeatElement(0, count: wordSize))
        hash.update(sectionHeader[...])
        guard index != 0, section.type != ElfImage.sectionTypeNoBits, section.size > 0 else { continue }
        let writtenByLD = section.flags & ElfImage.sectionFlagAlloc == 0 && [2, 3, 18].contains(section.type)
        if writtenByLD { continue }
        if section.headerOffset == noteSection.headerOffset {
          hash.update(zeros: section.size)
        } else {
          hash.update(bytes[section.offset..<section.offset + section.size])
        }
      }
    }
    return hash.finish()
  }

  /// SHA-1 or MD5 through nettle.
  struct Hash {
    private var sha1 = sha1_ctx()
    private var md5 = md5_ctx()
    private let algorithm: Algorithm

    init(_ algorithm: Algorithm) {
      self.algorithm = algorithm
      switch algorithm {
      case .sha1: nettle_sha1_init(&sha1)
      case .md5: nettle_md5_init(&md5)
      }
    }

    mutating func update(_ bytes: ArraySlice<UInt8>) {
      bytes.withUnsafeBufferPointer { buffer in
        guard let base = buffer.baseAddress else { return }
        switch algorithm {
        case .sha1: nettle_sha1_update(&sha1, buffer.count, base)
        case .md5: nettle_md5_update(&md5, buffer.count, base)
        }
      }
    }

    mutating func update(zeros count: Int) {
      let block = [UInt8](repeating: 0, count: 4096)
      var left = count
      while left > 0 {
        let piece = min(left, block.count)
        update(block[0..<piece])
        left -= piece
      }
    }

    mutating func finish() -> [UInt8] {
      switch algorithm {
      case .sha1:
        var digest = [UInt8](repeating: 0, count: 20)
        nettle_sha1_digest(&sha1, 20, &digest)
        return digest
      case .md5:
        var digest = [UInt8](repeating: 0, count: 16)
        nettle_md5_digest(&md5, 16, &digest)
        return digest
      }
    }
  }
}
