import Basics
import BuildArchive
import Foundation
import PhasesplitTestSupport
import Testing

@Suite("Corrupt archives and failed packs")
struct CorruptArchiveTests {
  /// A packed sample tree with one file large enough to span many zstd blocks.
  private func packedSample(in scratch: ScratchDirectory) throws -> [UInt8] {
    let source = scratch.appending("source")
    try RawPathIO.makeDirectory(Array(source.utf8))
    try SampleTree.make(at: source)
    var generator = SystemRandomNumberGenerator()
    let noise = (0..<400_000).map { _ in UInt8.random(in: 0...255, using: &generator) }
    try RawPathIO.writeFile(Array((source + "/noise.bin").utf8), noise)
    let archive = scratch.appending("good.pst")
    try ArchivePacker.pack(directory: RawPath(source), archive: RawPath(archive))
    return try RawPathIO.readFile(Array(archive.utf8))
  }

  @Test("a truncated archive is an error naming the entry and offset")
  func truncated() throws {
    let scratch = try ScratchDirectory()
    let bytes = try packedSample(in: scratch)
    let truncated = scratch.appending("truncated.pst")
    try RawPathIO.writeFile(Array(truncated.utf8), Array(bytes.prefix(bytes.count * 2 / 3)))
    #expect {
      try ArchiveUnpacker.unpack(archive: RawPath(truncated), into: RawPath(scratch.appending("out")))
    } throws: { error in
      guard case .corruptArchive(let archive, let entry, let offset, let detail) = error as? ArchiveError
      else {
        return false
      }
      return archive == truncated && entry != nil && offset > 0 && detail.contains("truncated")
    }
    #expect(throws: ArchiveError.self) { try ArchiveLister.entries(of: RawPath(truncated)) }
  }

  @Test("an archive cut inside its first block is an error, not a crash", arguments: [12, 100, 300])
  func truncatedEarly(length: Int) throws {
    let scratch = try ScratchDirectory()
    let bytes = try packedSample(in: scratch)
    let truncated = scratch.appending("early.pst")
    try RawPathIO.writeFile(Array(truncated.utf8), Array(bytes.prefix(length)))
    #expect {
      try ArchiveUnpacker.unpack(archive: RawPath(truncated), into: RawPath(scratch.appending("out")))
    } throws: { error in
      guard case .corruptArchive(_, _, _, let detail) = error as? ArchiveError else { return false }
      return detail.contains("truncated")
    }
  }

  @Test("a corrupted byte is detected")
  func corrupted() throws {
    let scratch = try ScratchDirectory()
    var bytes = try packedSample(in: scratch)
    for index in stride(from: bytes.count / 2, to: bytes.count / 2 + 64, by: 1) { bytes[index] ^= 0x5A }
    let corrupt = scratch.appending("corrupt.pst")
    try RawPathIO.writeFile(Array(corrupt.utf8), bytes)
    #expect {
      try ArchiveUnpacker.unpack(archive: RawPath(corrupt), into: RawPath(scratch.appending("out")))
    } throws: { error in
      guard case .corruptArchive = error as? ArchiveError else { return false }
      return true
    }
  }

  @Test("a file that is not an archive is refused")
  func notAnArchive() throws {
    let scratch = try ScratchDirectory()
    let path = scratch.appending("plain.txt")
    try RawPathIO.writeFile(Array(path.utf8), Array("hello, this is not zstd\n".utf8))
    #expect {
      try ArchiveLister.entries(of: RawPath(path))
    } throws: { error in
      guard case .notAnArchive = error as? ArchiveError else { return false }
      return true
    }
  }

  /// Unpacks and lists `bytes` (written to `name`); both must fail with a `corruptArchive` error
  /// whose detail contains `reason`.
  private func expectRefused(_ bytes: [UInt8], name: String, reason: String, in scratch: ScratchDirectory)
    throws
  {
    let path = scratch.appending(name)
    try RawPathIO.writeFile(Array(path.utf8), bytes)
    #expect {
      try ArchiveUnpacker.unpack(archive: RawPath(path), into: RawPath(scratch.appending("out-" + name)))
    } throws: { error in
      guard case .corruptArchive(_, _, _, let detail) = error as? ArchiveError else { return false }
      return detail.contains(reason)
    }
    #expect {
      try ArchiveLister.entries(of: RawPath(path))
    } throws: { error in
      guard case .corruptArchive(_, _, _, let detail) = error as? ArchiveError else { return false }
      return detail.contains(reason)
    }
  }

  @Test("an archive whose zstd frame has no content checksum is refused, also with a flipped byte")
  func missingChecksum() throws {
    let scratch = try ScratchDirectory()
    let bytes = try packedSample(in: scratch)
    let good = scratch.appending("good.pst")
    let tar = scratch.appending("plain.tar")
    let headerLength = 8 + Int(bytes[4]) + Int(bytes[5]) << 8
    #expect(try CommandRunner.plain.run("/usr/bin/zstd", ["-q", "-d", good, "-o", tar]).status == 0)
    let unchecked = scratch.appending("unchecked.zst")
    #expect(
      try CommandRunner.plain.run("/usr/bin/zstd", ["-q", "--no-check", "-19", tar, "-o", unchecked]).status
        == 0)
    let frame = try RawPathIO.readFile(Array(unchecked.utf8))
    let withHeader = Array(bytes[0..<headerLength]) + frame
    try expectRefused(withHeader, name: "no-checksum.pst", reason: "no content checksum", in: scratch)
    var flipped = withHeader
    flipped[flipped.count - 40] ^= 0x01
    try expectRefused(flipped, name: "no-checksum-flipped.pst", reason: "no content checksum", in: scratch)
  }

  @Test("trailing garbage after the zstd frame is refused", arguments: [1, 3, 4, 100])
  func trailingGarbage(length: Int) throws {
    let scratch = try ScratchDirectory()
    let bytes = try packedSample(in: scratch)
    let garbage = (0..<length).map { UInt8(truncatingIfNeeded: $0 &* 37 &+ 11) }
    try expectRefused(bytes + garbage, name: "garbage.pst", reason: "trailing data", in: scratch)
    try expectRefused(
      bytes + [UInt8](repeating: 0, count: length), name: "zeros.pst", reason: "trailing data", in: scratch)
  }

  @Test("two concatenated archives are refused")
  func concatenated() throws {
    let scratch = try ScratchDirectory()
    let bytes = try packedSample(in: scratch)
    try expectRefused(bytes + bytes, name: "twice.pst", reason: "another zstd frame", in: scratch)
    let headerLength = 8 + Int(bytes[4]) + Int(bytes[5]) << 8
    try expectRefused(
      bytes + bytes[headerLength...], name: "two-frames.pst", reason: "another zstd frame", in: scratch)
  }

  @Test("a plain .tar.zst of another tar writer (zero padding, checksum) is still read")
  func otherTarWriter() throws {
    let scratch = try ScratchDirectory()
    let source = scratch.appending("source")
    try RawPathIO.makeDirectory(Array(source.utf8))
    try SampleTree.make(at: source)
    let tar = scratch.appending("other.tar")
    #expect(try CommandRunner.plain.run("/bin/tar", ["-cf", tar, "-C", source, "src"]).status == 0)
    #expect(try CommandRunner.plain.run("/usr/bin/zstd", ["-q", tar, "-o", tar + ".zst"]).status == 0)
    let entries = try ArchiveLister.entries(of: RawPath(tar + ".zst"))
    #expect(entries.contains { $0.path == "src/main.c" })
  }
}
