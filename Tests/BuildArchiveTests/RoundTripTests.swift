import Basics
import BuildArchive
import Foundation
import Testing

@Suite("Pack and unpack round trips")
struct RoundTripTests {
  @Test("every kind of entry survives pack and unpack")
  func completeTree() throws {
    let scratch = try ScratchDirectory()
    let source = scratch.appending("source")
    try RawPathIO.makeDirectory(Array(source.utf8))
    try SampleTree.make(at: source)
    let archive = scratch.appending("tree.pst")
    let summary = try ArchivePacker.pack(directory: RawPath(source), archive: RawPath(archive))
    #expect(summary.entryCount > 20)
    let restored = scratch.appending("restored")
    let unpacked = try ArchiveUnpacker.unpack(archive: RawPath(archive), into: RawPath(restored))
    #expect(unpacked.warnings.isEmpty)

    let original = try TreeSnapshot(root: source)
    let copy = try TreeSnapshot(root: restored)
    #expect(original.entries.count == copy.entries.count)
    for (path, entry) in original.entries {
      #expect(copy.entries[path] == entry, "entry \(String(decoding: path, as: UTF8.self)) differs")
    }
    let invalid = try #require(copy.entries[SampleTree.invalidUTF8Name])
    #expect(invalid.contents == Array("not utf-8 name\n".utf8))
    let hardLinked = copy.entries.values.filter { $0.hardLinkGroup != nil }
    #expect(hardLinked.count == 3)
    #expect(copy.entries[Array("src/run.sh".utf8)]?.mode == 0o755)
    #expect(copy.entries[Array("readonly-dir".utf8)]?.mode == 0o555)
  }

  @Test("packing the same tree twice, or a copy with other absolute times, gives identical bytes")
  func reproducible() throws {
    let scratch = try ScratchDirectory()
    let source = scratch.appending("source")
    try RawPathIO.makeDirectory(Array(source.utf8))
    try SampleTree.make(at: source)
    let first = scratch.appending("first.pst")
    let second = scratch.appending("second.pst")
    try ArchivePacker.pack(directory: RawPath(source), archive: RawPath(first))
    try ArchivePacker.pack(directory: RawPath(source), archive: RawPath(second))
    let firstBytes = try RawPathIO.readFile(Array(first.utf8))
    #expect(firstBytes == (try RawPathIO.readFile(Array(second.utf8))))

    // Shift every mtime by the same amount: ranks are unchanged, so the archive is too.
    let snapshot = try TreeSnapshot(root: source)
    for (path, time) in snapshot.mtimes {
      try RawPathIO.setModificationTime(Array(source.utf8) + [47] + path, time - 86_400_000_000_000)
    }
    let shifted = scratch.appending("shifted.pst")
    try ArchivePacker.pack(directory: RawPath(source), archive: RawPath(shifted))
    #expect(firstBytes == (try RawPathIO.readFile(Array(shifted.utf8))))
  }

  @Test("ranked mtimes keep order and equality and restore newer than an old reference")
  func rankedMtimes() throws {
    let scratch = try ScratchDirectory()
    let source = scratch.appending("source")
    try RawPathIO.makeDirectory(Array(source.utf8))
    let times: [(String, Int64)] = [
      ("old.c", 1_000_000_000_123), ("same-as-old.h", 1_000_000_000_123),
      ("middle.o", 1_500_000_000_000_000_001),
      ("new.o", 1_600_000_000_000_000_000), ("newest", 1_600_000_000_000_000_001),
    ]
    for (name, _) in times { try RawPathIO.writeFile(Array((source + "/" + name).utf8), Array(name.utf8)) }
    for (name, time) in times { try RawPathIO.setModificationTime(Array((source + "/" + name).utf8), time) }
    let archive = scratch.appending("a.pst")
    try ArchivePacker.pack(directory: RawPath(source), archive: RawPath(archive))
    let stored = try ArchiveLister.entries(of: RawPath(archive))
    #expect(stored.map(\.storedTime) == [2, 3, 4, 1, 1].map { FileTime(seconds: $0) })

    let reference = Int64(Date().timeIntervalSince1970 * 1e9) - 1_000_000_000
    let restored = scratch.appending("restored")
    try ArchiveUnpacker.unpack(archive: RawPath(archive), into: RawPath(restored))
    let snapshot = try TreeSnapshot(root: restored)
    let restoredTimes = times.map { snapshot.mtimes[Array($0.0.utf8)]! }
    #expect(restoredTimes[0] == restoredTimes[1])
    #expect(restoredTimes[1] < restoredTimes[2])
    #expect(restoredTimes[2] < restoredTimes[3])
    #expect(restoredTimes[3] < restoredTimes[4])
    #expect(restoredTimes.allSatisfy { $0 > reference })
  }

  @Test("--exact-mtimes restores nanosecond mtimes")
  func exactMtimes() throws {
    let scratch = try ScratchDirectory()
    let source = scratch.appending("source")
    try RawPathIO.makeDirectory(Array(source.utf8))
    try SampleTree.make(at: source)
    let archive = scratch.appending("exact.pst")
    try ArchivePacker.pack(
      directory: RawPath(source), archive: RawPath(archive), options: PackOptions(mtimePolicy: .exact))
    let restored = scratch.appending("restored")
    let summary = try ArchiveUnpacker.unpack(archive: RawPath(archive), into: RawPath(restored))
    #expect(summary.header?.mtimePolicy == .exact)
    let original = try TreeSnapshot(root: source)
    let copy = try TreeSnapshot(root: restored)
    #expect(original.mtimes == copy.mtimes)
  }

  @Test("excluded paths and the archive itself are left out")
  func exclusions() throws {
    let scratch = try ScratchDirectory()
    let source = scratch.appending("source")
    try RawPathIO.makeDirectory(Array(source.utf8))
    try SampleTree.make(at: source)
    try RawPathIO.writeFile(Array((source + "/env-vars").utf8), Array("x=1\n".utf8))
    let archive = source + "/inside.pst"
    try ArchivePacker.pack(
      directory: RawPath(source), archive: RawPath(archive),
      options: PackOptions(excludedPaths: [RawPath("env-vars"), RawPath("./src/sub/")]))
    // Packing again replaces the archive inside the tree without packing the old one.
    try ArchivePacker.pack(
      directory: RawPath(source), archive: RawPath(archive),
      options: PackOptions(excludedPaths: [RawPath("env-vars"), RawPath("./src/sub/")]))
    let paths = Set(try ArchiveLister.entries(of: RawPath(archive)).map(\.path))
    #expect(!paths.contains("env-vars"))
    #expect(!paths.contains { $0.hasPrefix("src/sub") })
    #expect(!paths.contains { $0.contains("inside.pst") })
    #expect(paths.contains("src/main.c"))
  }

  @Test("a sparse file over 4 GiB round-trips")
  func largeSparseFile() throws {
    let scratch = try ScratchDirectory()
    let source = scratch.appending("source")
    try RawPathIO.makeDirectory(Array(source.utf8))
    let size: Int64 = (4 << 30) + 12_345
    let path = source + "/big.bin"
    let descriptor = open(path, O_WRONLY | O_CREAT, 0o644)
    #expect(descriptor >= 0)
    let tail = Array("end-of-big-file".utf8)
    _ = tail.withUnsafeBytes { pwrite(descriptor, $0.baseAddress, $0.count, off_t(size) - off_t(tail.count)) }
    _ = Array("start".utf8).withUnsafeBytes { pwrite(descriptor, $0.baseAddress, $0.count, 0) }
    close(descriptor)
    let archive = scratch.appending("big.pst")
    try ArchivePacker.pack(directory: RawPath(source), archive: RawPath(archive))
    let restored = scratch.appending("restored")
    try ArchiveUnpacker.unpack(archive: RawPath(archive), into: RawPath(restored))
    let copy = restored + "/big.bin"
    let info = try #require(RawPathIO.status(Array(copy.utf8)))
    #expect(Int64(info.st_size) == size)
    let input = open(copy, O_RDONLY)
    defer { close(input) }
    var readBack = [UInt8](repeating: 0, count: tail.count)
    _ = readBack.withUnsafeMutableBytes {
      pread(input, $0.baseAddress, $0.count, off_t(size) - off_t(tail.count))
    }
    #expect(readBack == tail)
    var head = [UInt8](repeating: 0, count: 5)
    _ = head.withUnsafeMutableBytes { pread(input, $0.baseAddress, 5, 0) }
    #expect(head == Array("start".utf8))
  }
}
