/// The parts of an ELF file a build ID depends on, read from its bytes: the header, program
/// headers, section headers and the GNU build-ID note. Malformed input gives `nil`, never a trap.
struct ElfImage {
  /// A section header's fields the build-ID schemes need, and where the header lies in the file.
  struct Section {
    var headerOffset: Int
    var type: UInt32
    var flags: UInt64
    var offset: Int
    var size: Int
  }

  static let magic: [UInt8] = [0x7F, 0x45, 0x4C, 0x46]
  static let sectionTypeNoBits: UInt32 = 8
  static let sectionTypeNote: UInt32 = 7
  static let sectionFlagAlloc: UInt64 = 2
  static let noteTypeGNUBuildID: UInt32 = 3

  let is64Bit: Bool
  let littleEndian: Bool
  /// The ELF header's size as its external form (52 or 64 bytes).
  let headerSize: Int
  let programHeaderOffset: Int
  let programHeaderSize: Int
  let programHeaderCount: Int
  let sectionHeaderSize: Int
  let sections: [Section]
  /// The section holding the GNU build-ID note, and the note's descriptor (the ID) in the file.
  let buildIDSection: Section?
  let buildID: Range<Int>?

  /// Whether `bytes` start with the ELF magic number.
  static func hasMagic(_ bytes: some Collection<UInt8>) -> Bool { bytes.starts(with: magic) }

  init?(_ bytes: [UInt8]) {
    guard bytes.count >= 52, Self.hasMagic(bytes), bytes[4] == 1 || bytes[4] == 2,
      bytes[5] == 1 || bytes[5] == 2
    else { return nil }
    let wide = bytes[4] == 2
    is64Bit = wide
    littleEndian = bytes[5] == 1
    headerSize = wide ? 64 : 52
    guard bytes.count >= (wide ? 64 : 52) else { return nil }
    let reader = Reader(bytes: bytes, littleEndian: bytes[5] == 1)
    func word(_ offset32: Int, _ offset64: Int) -> Int? {
      wide ? reader.integer(at: offset64, size: 8) : reader.integer(at: offset32, size: 4)
    }
    guard let phoff = word(28, 32), let shoff = word(32, 40),
      let phentsize = reader.integer(at: wide ? 54 : 42, size: 2),
      let phnum = reader.integer(at: wide ? 56 : 44, size: 2),
      let shentsize = reader.integer(at: wide ? 58 : 46, size: 2),
      var shnum = reader.integer(at: wide ? 60 : 48, size: 2)
    else { return nil }
    programHeaderOffset = phoff
    programHeaderSize = phentsize
    programHeaderCount = phnum
    sectionHeaderSize = shentsize
    guard reader.contains(phoff, phentsize.multipliedReportingOverflow(by: phnum)) else { return nil }
    let minimumHeader = wide ? 64 : 40
    if shoff != 0 && shentsize < minimumHeader { return nil }
    // Extended numbering: with more sections than fit, e_shnum is 0 and section 0 holds the count.
    if shnum == 0 && shoff != 0 {
      guard let count = reader.integer(at: shoff + (wide ? 32 : 20), size: wide ? 8 : 4) else { return nil }
      shnum = count
    }
    guard shoff == 0 || reader.contains(shoff, shentsize.multipliedReportingOverflow(by: shnum)) else {
      return nil
    }
    var sections: [Section] = []
    sections.reserveCapacity(shoff == 0 ? 0 : shnum)
    for index in 0..<(shoff == 0 ? 0 : shnum) {
      let base = shoff + index * shentsize
      guard let type = reader.integer(at: base + 4, size: 4),
        let flags = wide ? reader.integer(at: base + 8, size: 8) : reader.integer(at: base + 8, size: 4),
        let offset = wide ? reader.integer(at: base + 24, size: 8) : reader.integer(at: base + 16, size: 4),
        let size = wide ? reader.integer(at: base + 32, size: 8) : reader.integer(at: base + 20, size: 4)
      else { return nil }
      let section = Section(
        headerOffset: base, type: UInt32(type), flags: UInt64(flags), offset: offset, size: size)
      if section.type != Self.sectionTypeNoBits && index != 0 && size != 0 {
        guard reader.contains(offset, (size, false)) else { return nil }
      }
      sections.append(section)
    }
    self.sections = sections
    var found: (Section, Range<Int>)?
    for section in sections where section.type == Self.sectionTypeNote && found == nil {
      found = Self.buildIDNote(in: section, reader: reader).map { (section, $0) }
    }
    buildIDSection = found?.0
    buildID = found?.1
  }

  /// The descriptor of the GNU build-ID note in a note section, if it holds one.
  private static func buildIDNote(in section: Section, reader: Reader) -> Range<Int>? {
    var position = section.offset
    let end = section.offset + section.size
    while position + 12 <= end {
      guard let nameSize = reader.integer(at: position, size: 4),
        let descriptorSize = reader.integer(at: position + 4, size: 4),
        let type = reader.integer(at: position + 8, size: 4)
      else { return nil }
      let name = position + 12
      let descriptor = name + (nameSize + 3) & ~3
      guard nameSize <= end, descriptorSize <= end, descriptor + descriptorSize <= end else { return nil }
      if type == Int(noteTypeGNUBuildID) && nameSize == 4
        && Array(reader.bytes[name..<name + 4]) == [0x47, 0x4E, 0x55, 0x00]
      {
        return descriptor..<descriptor + descriptorSize
      }
      position = descriptor + (descriptorSize + 3) & ~3
    }
    return nil
  }

  /// Reads fixed-size integers of either byte order, with bounds checks.
  struct Reader {
    let bytes: [UInt8]
    let littleEndian: Bool

    func integer(at offset: Int, size: Int) -> Int? {
      guard offset >= 0, offset <= bytes.count - size else { return nil }
      var value: UInt64 = 0
      for index in 0..<size {
        let byte = UInt64(bytes[offset + (littleEndian ? size - 1 - index : index)])
        value = value << 8 | byte
      }
      return value > UInt64(Int.max) ? nil : Int(value)
    }

    func contains(_ offset: Int, _ length: (partialValue: Int, overflow: Bool)) -> Bool {
      !length.overflow && offset >= 0 && length.partialValue >= 0 && offset <= bytes.count
        && length.partialValue <= bytes.count - offset
    }
  }
}
