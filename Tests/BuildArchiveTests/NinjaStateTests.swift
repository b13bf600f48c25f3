import BuildArchive
import Foundation
import Testing

@Suite("ninja's recorded mtimes follow the rank mapping")
struct NinjaStateTests {
  private let times: [String: Int64] = [
    "a.o": 1_700_000_000_000_000_100, "b.o": 1_700_000_000_000_000_200, "c.o": 1_700_000_000_000_000_300,
  ]

  /// A build dir holding a.o, b.o, c.o with fixed mtimes and the given ninja state files.
  private func makeTree(_ root: String, log: String, deps: [UInt8]) throws {
    try RawPathIO.makeDirectory(Array(root.utf8))
    try RawPathIO.writeFile(Array((root + "/.ninja_log").utf8), Array(log.utf8))
    try RawPathIO.writeFile(Array((root + "/.ninja_deps").utf8), deps)
    for (name, time) in times {
      try RawPathIO.writeFile(Array((root + "/" + name).utf8), Array(name.utf8))
      try RawPathIO.setModificationTime(Array((root + "/" + name).utf8), time)
    }
    // The state files are written last in a real build: make them the newest entries.
    for name in [".ninja_log", ".ninja_deps"] {
      try RawPathIO.setModificationTime(Array((root + "/" + name).utf8), 1_700_000_000_000_000_400)
    }
  }

  /// A version-4 deps log with one path record and one deps record for node 0 with `mtime`.
  private func depsLog(mtime: Int64) -> [UInt8] {
    func word(_ value: UInt32) -> [UInt8] { (0..<4).map { UInt8(truncatingIfNeeded: value >> (8 * $0)) } }
    var bytes = Array("# ninjadeps\n".utf8) + word(4)
    let path = Array("a.o\0".utf8)
    bytes += word(UInt32(path.count + 4)) + path + word(~UInt32(0))
    let bits = UInt64(bitPattern: mtime)
    bytes += word(0x8000_0000 | 16) + word(0) + word(UInt32(truncatingIfNeeded: bits))
    bytes += word(UInt32(truncatingIfNeeded: bits >> 32)) + word(0)
    return bytes
  }

  private func depsMtime(_ bytes: [UInt8]) -> Int64 {
    let offset = 16 + 4 + 8 + 4 + 4
    let value = (0..<8).reduce(UInt64(0)) { $0 | UInt64(bytes[offset + $1]) << (8 * $1) }
    return Int64(bitPattern: value)
  }

  @Test(".ninja_log and .ninja_deps mtimes map to the restored times of the same ranks")
  func restoredState() throws {
    let scratch = try ScratchDirectory()
    let tree = scratch.appending("build")
    let log = """
      # ninja log v5
      0\t10\t\(times["a.o"]!)\ta.o\tabc
      0\t10\t\(times["b.o"]! + 50)\tb.o\tdef
      0\t10\t5\told.o\t123
      0\t10\t0\tmissing.o\t456

      """
    try makeTree(tree, log: log, deps: depsLog(mtime: times["c.o"]!))
    let archive = scratch.appending("build.pst")
    try ArchivePacker.pack(directory: RawPath(tree), archive: RawPath(archive))
    let restored = scratch.appending("restored")
    let now: Int64 = 1_800_000_000_000_000_000
    try ArchiveUnpacker.unpack(archive: RawPath(archive), into: RawPath(restored), now: now)

    let snapshot = try TreeSnapshot(root: restored)
    let restoredA = try #require(snapshot.mtimes[Array("a.o".utf8)])
    let restoredB = try #require(snapshot.mtimes[Array("b.o".utf8)])
    let restoredC = try #require(snapshot.mtimes[Array("c.o".utf8)])
    #expect(restoredA < restoredB && restoredB < restoredC && restoredC < now)

    let restoredLog = String(
      decoding: try RawPathIO.readFile(Array((restored + "/.ninja_log").utf8)), as: UTF8.self)
    let recorded = restoredLog.split(separator: "\n").dropFirst().map { Int64($0.split(separator: "\t")[2])! }
    #expect(recorded[0] == restoredA)
    #expect(recorded[1] == restoredB, "a time between two tree times maps to the lower one")
    #expect(recorded[2] < restoredA && recorded[2] > 0, "a time older than the tree stays older")
    #expect(recorded[3] == 0, "0 (missing output) is kept")
    #expect(restoredLog.hasSuffix("\tmissing.o\t456\n"))

    let deps = try RawPathIO.readFile(Array((restored + "/.ninja_deps").utf8))
    #expect(deps.count == depsLog(mtime: 0).count)
    #expect(depsMtime(deps) == restoredC)
  }
}
