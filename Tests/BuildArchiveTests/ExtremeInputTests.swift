import Basics
import BuildArchive
import Foundation
import PhasesplitTestSupport
import Testing

/// Inputs at the edges of what file systems and archives can hold: every one gets a correct result
/// or an `ArchiveError`, never a crash, and memory stays bounded by what the archive really holds.
@Suite("Extreme times and crafted archives")
struct ExtremeInputTests {
  /// 1900-01-01, 2300-01-01 and 2446-01-01 (ext4 keeps 1901-12-14 to 2446-05-10 and clamps the
  /// rest; the tests compare with what the file system really kept).
  private static let extremeSeconds = [-2_208_988_800, 10_413_792_000, 15_021_158_400]

  /// A tree with files at the extreme times, one at a 2020 time, and the kept mtimes by name.
  private func extremeTree(in scratch: ScratchDirectory) throws -> (String, [String: FileTime]) {
    let source = scratch.appending("source")
    try RawPathIO.makeDirectory(Array(source.utf8))
    var kept: [String: FileTime] = [:]
    let names = ["y1900", "y2300", "y2446", "y2020"]
    for (name, seconds) in zip(names, Self.extremeSeconds + [1_600_000_000]) {
      let path = Array((source + "/" + name).utf8)
      try RawPathIO.writeFile(path, Array(name.utf8))
      try RawPathIO.setModificationTime(path, seconds: seconds, nanoseconds: 5)
      let info = try #require(RawPathIO.status(path))
      kept[name] = FileTime(seconds: Int64(info.st_mtim.tv_sec), nanoseconds: Int64(info.st_mtim.tv_nsec))
    }
    return (source, kept)
  }

  private func mtime(_ path: String) throws -> FileTime {
    let info = try #require(RawPathIO.status(Array(path.utf8)))
    return FileTime(seconds: Int64(info.st_mtim.tv_sec), nanoseconds: Int64(info.st_mtim.tv_nsec))
  }

  @Test("mtimes in 1900, 2300 and 2446 pack and keep their order (ranked)")
  func rankedExtremeTimes() throws {
    let scratch = try ScratchDirectory()
    let (source, kept) = try extremeTree(in: scratch)
    let archive = scratch.appending("ranked.pst")
    try ArchivePacker.pack(directory: RawPath(source), archive: RawPath(archive))
    let listed = try ArchiveLister.entries(of: RawPath(archive))
    #expect(listed.count == 4)
    let restored = scratch.appending("restored")
    try ArchiveUnpacker.unpack(archive: RawPath(archive), into: RawPath(restored))
    let names = kept.keys.sorted()
    for first in names {
      for second in names {
        let before = kept[first]! < kept[second]!
        let after = try mtime(restored + "/" + first) < mtime(restored + "/" + second)
        #expect(before == after, "order of \(first) and \(second) changed")
      }
    }
  }

  @Test("mtimes in 1900, 2300 and 2446 round-trip exactly with --exact-mtimes")
  func exactExtremeTimes() throws {
    let scratch = try ScratchDirectory()
    let (source, kept) = try extremeTree(in: scratch)
    let archive = scratch.appending("exact.pst")
    try ArchivePacker.pack(
      directory: RawPath(source), archive: RawPath(archive), options: PackOptions(mtimePolicy: .exact))
    let listed = try ArchiveLister.entries(of: RawPath(archive))
    #expect(Dictionary(uniqueKeysWithValues: listed.map { ($0.path, $0.storedTime) }) == kept)
    let restored = scratch.appending("restored")
    try ArchiveUnpacker.unpack(archive: RawPath(archive), into: RawPath(restored))
    for (name, time) in kept { #expect(try mtime(restored + "/" + name) == time, "\(name)") }
  }

  @Test("the CLI packs, lists and unpacks extreme mtimes without a signal")
  func commandLine() throws {
    let phasesplit = try TestPackage.tool()
    let scratch = try ScratchDirectory()
    let (source, _) = try extremeTree(in: scratch)
    for policy in [[], ["--exact-mtimes"]] {
      let archive = scratch.appending("cli\(policy.count).pst")
      let pack = try CommandRunner.plain.run(phasesplit, ["pack", source, "-o", archive] + policy)
      #expect(pack.status == 0, "pack \(policy): \(pack.standardError)")
      let list = try CommandRunner.plain.run(phasesplit, ["list", archive])
      #expect(list.status == 0, "list \(policy): \(list.standardError)")
      let unpack = try CommandRunner.plain.run(
        phasesplit, ["unpack", archive, "-C", scratch.appending("out\(policy.count)")])
      #expect(unpack.status == 0, "unpack \(policy): \(unpack.standardError)")
    }
  }

  /// `tar` (made by `members`, see `HostileArchive`) behind a phasesplit header frame with `header`.
  private func craftedArchive(in scratch: ScratchDirectory, header: String, members: String) throws -> String
  {
    let plain = scratch.appending("plain.tar.zst")
    try HostileArchive.write(to: plain, members: members)
    let payload = Array(header.utf8)
    func word(_ value: UInt32) -> [UInt8] { (0..<4).map { UInt8(truncatingIfNeeded: value >> (8 * $0)) } }
    let framed = word(0x184D_2A5E) + word(UInt32(payload.count)) + payload
    let path = scratch.appending("crafted.pst")
    try RawPathIO.writeFile(Array(path.utf8), framed + RawPathIO.readFile(Array(plain.utf8)))
    return path
  }

  private static let oneFile = """
    info = tarfile.TarInfo("file")
    info.mtime = 3
    add(info, b"data")
    """

  @Test(
    "a damaged or out-of-range max-rank is refused by unpack and list",
    arguments: ["99999999999999999999999", "9223372036854775807", "-5", "", "1099511627777"])
  func hugeMaxRank(value: String) throws {
    let scratch = try ScratchDirectory()
    let archive = try craftedArchive(
      in: scratch, header: "phasesplit-archive 1\nmtime-policy ranked\nmax-rank \(value)\n",
      members: Self.oneFile)
    #expect {
      try ArchiveUnpacker.unpack(archive: RawPath(archive), into: RawPath(scratch.appending("out")))
    } throws: { error in
      guard case .badHeader(_, let detail) = error as? ArchiveError else { return false }
      return detail.contains("max-rank")
    }
    #expect(throws: ArchiveError.self) { try ArchiveLister.entries(of: RawPath(archive)) }
  }

  @Test("an entry ranked beyond the header's max-rank is refused")
  func rankBeyondMaxRank() throws {
    let scratch = try ScratchDirectory()
    let archive = try craftedArchive(
      in: scratch, header: "phasesplit-archive 1\nmtime-policy ranked\nmax-rank 0\n", members: Self.oneFile)
    #expect {
      try ArchiveUnpacker.unpack(archive: RawPath(archive), into: RawPath(scratch.appending("out")))
    } throws: { error in
      guard case .corruptArchive(_, let entry, _, let detail) = error as? ArchiveError else { return false }
      return entry == "file" && detail.contains("max-rank 0")
    }
  }

  @Test("stored mtimes far outside any clock are an error or kept, never a crash", arguments: [false, true])
  func outOfRangeStoredTimes(ranked: Bool) throws {
    let scratch = try ScratchDirectory()
    let members = """
      for name, mtime in [("future", 10**17), ("past", -(10**17)), ("float", 1e300)]:
          info = tarfile.TarInfo(name)
          info.mtime = mtime
          add(info, b"x")
      """
    let archive =
      ranked
      ? try craftedArchive(
        in: scratch, header: "phasesplit-archive 1\nmtime-policy ranked\nmax-rank 5\n", members: members)
      : scratch.appending("plain.tar.zst")
    if !ranked { try HostileArchive.write(to: archive, members: members) }
    _ = try ArchiveLister.entries(of: RawPath(archive))
    do {
      try ArchiveUnpacker.unpack(archive: RawPath(archive), into: RawPath(scratch.appending("out")))
    } catch let error as ArchiveError {
      #expect(error.description.contains("future") || error.description.contains("past"))
    }
  }

  /// Peak resident memory of this process, in bytes.
  private func peakResidentBytes() -> Int {
    var usage = rusage()
    getrusage(__rusage_who_t(RUSAGE_SELF.rawValue), &usage)
    return usage.ru_maxrss * 1024
  }

  @Test(
    "a ninja state file declaring a huge size is refused without allocating it",
    arguments: [".ninja_log", ".ninja_deps"], [Int64(10) << 30, Int64(900) << 20])
  func hugeNinjaState(name: String, declared: Int64) throws {
    let scratch = try ScratchDirectory()
    // The header says `declared` bytes; the stream holds 1 KiB of them and ends.
    let archive = try craftedArchive(
      in: scratch, header: "phasesplit-archive 1\nmtime-policy ranked\nmax-rank 3\n",
      members: """
        info = tarfile.TarInfo("build/\(name)")
        info.mtime = 3
        info.size = \(declared)
        tar.fileobj.write(info.tobuf(tarfile.PAX_FORMAT, "utf-8", "surrogateescape"))
        tar.fileobj.write(b"# ninja log v5\\n" + b"x" * 1009)
        tar.offset += 512 + 1024
        tar.closed = True
        tar.fileobj.close()
        """)
    let before = peakResidentBytes()
    #expect {
      try ArchiveUnpacker.unpack(archive: RawPath(archive), into: RawPath(scratch.appending("out")))
    } throws: { error in
      guard case .corruptArchive(_, let entry, _, _) = error as? ArchiveError else { return false }
      return entry == "build/\(name)"
    }
    #expect(peakResidentBytes() - before < 256 << 20, "unpack allocated the declared size")
  }

  @Test("a sparse map pointing past the entry's size is refused", arguments: [".ninja_deps", "plain.bin"])
  func sparseMapPastSize(name: String) throws {
    let scratch = try ScratchDirectory()
    // GNU sparse format 1.0 in pax: the data starts with the map (count, then offset/size pairs),
    // padded to a block. The map puts 16 bytes at offset 1 TiB of a 16-byte file.
    let archive = try craftedArchive(
      in: scratch, header: "phasesplit-archive 1\nmtime-policy ranked\nmax-rank 3\n",
      members: """
        info = tarfile.TarInfo("GNUSparseFile.0/\(name)")
        info.mtime = 3
        info.pax_headers = {"GNU.sparse.major": "1", "GNU.sparse.minor": "0",
            "GNU.sparse.name": "\(name)", "GNU.sparse.realsize": "16"}
        sparse_map = b"1\\n1099511627776\\n16\\n".ljust(512, b"\\0")
        add(info, sparse_map + b"# ninjadeps\\n\\x04\\0\\0\\0")
        """)
    #expect {
      try ArchiveUnpacker.unpack(archive: RawPath(archive), into: RawPath(scratch.appending("out")))
    } throws: { error in
      guard case .corruptArchive(_, let entry, _, let detail) = error as? ArchiveError else { return false }
      return entry == name && detail.contains("outside")
    }
  }
}
