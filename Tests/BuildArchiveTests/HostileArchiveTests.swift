import BuildArchive
import Foundation
import Testing

@Suite("Unpack refuses hostile archives")
struct HostileArchiveTests {
  /// Unpacks `members` into `scratch/target` and returns the error; checks nothing was written
  /// outside the target.
  private func refusal(_ members: String) throws -> ArchiveError? {
    let scratch = try ScratchDirectory()
    let archive = scratch.appending("hostile.tar.zst")
    try HostileArchive.write(to: archive, members: members)
    let outside = scratch.appending("outside")
    try RawPathIO.makeDirectory(Array(outside.utf8))
    let target = scratch.appending("a/b/target")
    var caught: ArchiveError?
    do {
      try ArchiveUnpacker.unpack(archive: RawPath(archive), into: RawPath(target))
    } catch let error as ArchiveError {
      caught = error
    }
    let outsideContents = try FileManager.default.contentsOfDirectory(atPath: outside)
    #expect(outsideContents.isEmpty, "files written outside the target: \(outsideContents)")
    let scratchContents = Set(try FileManager.default.contentsOfDirectory(atPath: scratch.path))
    #expect(scratchContents == ["hostile.tar.zst", "outside", "a"])
    #expect(try FileManager.default.contentsOfDirectory(atPath: scratch.appending("a/b")) == ["target"])
    return caught
  }

  @Test("absolute paths are refused")
  func absolutePath() throws {
    let error = try refusal(
      """
      add(tarfile.TarInfo("ok.txt"), b"fine")
      add(tarfile.TarInfo("/tmp/phasesplit-absolute-escape"), b"evil")
      """)
    guard case .unsafeEntry(let entry, let reason) = error else {
      Issue.record("expected unsafeEntry, got \(String(describing: error))")
      return
    }
    #expect(entry == "/tmp/phasesplit-absolute-escape")
    #expect(reason.contains("absolute"))
  }

  @Test("'..' components are refused")
  func dotDot() throws {
    let error = try refusal("add(tarfile.TarInfo(\"sub/../../../outside/evil\"), b\"evil\")")
    guard case .unsafeEntry(_, let reason) = error else {
      Issue.record("expected unsafeEntry, got \(String(describing: error))")
      return
    }
    #expect(reason.contains(".."))
  }

  @Test("writing through a symlink is refused")
  func throughSymlink() throws {
    let error = try refusal(
      """
      link = tarfile.TarInfo("escape")
      link.type = tarfile.SYMTYPE
      link.linkname = "../../../outside"
      add(link)
      add(tarfile.TarInfo("escape/evil"), b"evil")
      """)
    guard case .unsafeEntry(let entry, _) = error else {
      Issue.record("expected unsafeEntry, got \(String(describing: error))")
      return
    }
    #expect(entry == "escape/evil")
  }

  @Test("a hard link to a path outside the target is refused")
  func hardLinkOutside() throws {
    let error = try refusal(
      """
      link = tarfile.TarInfo("steal")
      link.type = tarfile.LNKTYPE
      link.linkname = "../../../outside/x"
      add(link)
      """)
    guard case .unsafeEntry = error else {
      Issue.record("expected unsafeEntry, got \(String(describing: error))")
      return
    }
  }

  @Test("device nodes are refused", arguments: ["CHRTYPE", "BLKTYPE"])
  func specialFiles(type: String) throws {
    let error = try refusal(
      """
      node = tarfile.TarInfo("special")
      node.type = tarfile.\(type)
      node.devmajor = 1
      node.devminor = 3
      add(node)
      """)
    guard case .unsafeEntry(let entry, let reason) = error else {
      Issue.record("expected unsafeEntry, got \(String(describing: error))")
      return
    }
    #expect(entry == "special")
    #expect(reason.contains("only files, directories, symlinks and FIFOs"))
  }

  @Test("setuid and setgid bits are dropped with a warning")
  func setuidDropped() throws {
    let scratch = try ScratchDirectory()
    let archive = scratch.appending("suid.tar.zst")
    try HostileArchive.write(
      to: archive,
      members: """
        info = tarfile.TarInfo("tool")
        info.mode = 0o6755
        add(info, b"#!/bin/sh\\n")
        """)
    let target = scratch.appending("target")
    let summary = try ArchiveUnpacker.unpack(archive: RawPath(archive), into: RawPath(target))
    #expect(summary.warnings.count == 1)
    #expect(summary.warnings.first?.contains("tool") == true)
    let info = try #require(RawPathIO.status(Array((target + "/tool").utf8)))
    #expect(UInt32(info.st_mode) & 0o7777 == 0o755)
  }
}
