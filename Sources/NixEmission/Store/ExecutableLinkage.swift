import Foundation

/// How an ELF executable is linked, read from its program headers: static (no interpreter) or
/// dynamic with the named program interpreter (`PT_INTERP`, e.g. `/lib64/ld-linux-x86-64.so.2`).
public enum ExecutableLinkage: Sendable, Equatable {
  /// No program interpreter: the kernel runs the file as it is.
  case staticallyLinked
  /// Loaded by this program interpreter, which finds the libraries.
  case dynamicallyLinked(interpreter: String)
  /// Not a 64-bit little-endian ELF file (or unreadable).
  case notELF

  /// Reads the linkage of the file at `path`.
  public static func of(path: String) -> ExecutableLinkage {
    guard let handle = FileHandle(forReadingAtPath: path) else { return .notELF }
    defer { try? handle.close() }
    guard let header = try? handle.read(upToCount: 64), header.count == 64,
      header.prefix(4).elementsEqual([0x7F, 0x45, 0x4C, 0x46]), header[4] == 2, header[5] == 1
    else { return .notELF }
    let programHeaderOffset = integer(header, at: 32, size: 8)
    let entrySize = integer(header, at: 54, size: 2)
    let entryCount = integer(header, at: 56, size: 2)
    guard entrySize >= 56, entryCount < 4096 else { return .notELF }
    for index in 0..<entryCount {
      guard (try? handle.seek(toOffset: UInt64(programHeaderOffset + index * entrySize))) != nil,
        let entry = try? handle.read(upToCount: 56), entry.count == 56
      else { return .notELF }
      guard integer(entry, at: 0, size: 4) == 3 else { continue }  // PT_INTERP
      let offset = integer(entry, at: 8, size: 8)
      let size = integer(entry, at: 32, size: 8)
      guard size < 4096, (try? handle.seek(toOffset: UInt64(offset))) != nil,
        let bytes = try? handle.read(upToCount: size)
      else { return .notELF }
      return .dynamicallyLinked(interpreter: String(decoding: bytes.prefix { $0 != 0 }, as: UTF8.self))
    }
    return .staticallyLinked
  }

  /// The little-endian unsigned integer of `size` bytes at `offset`.
  private static func integer(_ data: Data, at offset: Int, size: Int) -> Int {
    let start = data.startIndex + offset
    return data[start..<start + size].reversed().reduce(0) { $0 << 8 | Int($1) }
  }
}
