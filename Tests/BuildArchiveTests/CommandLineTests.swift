import BuildArchive
import Foundation
import PhasesplitTestSupport
import Testing

@Suite("The in-build CLI commands")
struct CommandLineTests {
  private func tool() throws -> String { try TestPackage.tool() }

  @Test("pack, list --json and unpack through the CLI")
  func packListUnpack() throws {
    let phasesplit = try tool()
    let scratch = try ScratchDirectory()
    let source = scratch.appending("source")
    try RawPathIO.makeDirectory(Array(source.utf8))
    try SampleTree.make(at: source)
    let archive = scratch.appending("tree.pst")
    let pack = try CommandRunner.plain.run(phasesplit, ["pack", source, "-o", archive, "--exclude", "empty"])
    #expect(pack.status == 0, "pack failed: \(pack.standardError)")

    let list = try CommandRunner.plain.run(phasesplit, ["list", "--json", archive])
    #expect(list.status == 0)
    let entries = try JSONDecoder().decode([ArchiveEntryInfo].self, from: Data(list.standardOutput.utf8))
    let byPath = Dictionary(uniqueKeysWithValues: entries.map { ($0.path, $0) })
    #expect(byPath["bad-\\xff\\xfe.c"]?.type == .regularFile)
    #expect(byPath["src/run.sh"]?.mode == 0o755)
    #expect(byPath["src/link-to-main"]?.type == .symlink)
    #expect(byPath["src/link-to-main"]?.linkTarget == "main.c")
    #expect(byPath["src/sub/hard-copy"]?.type == .hardLink)
    #expect(byPath["src/sub/hard-copy"]?.linkTarget == "src/main.c")
    #expect(byPath["src/sub/binary"]?.size == 70_000)
    #expect(byPath["empty/"] == nil && byPath["empty"] == nil)

    let text = try CommandRunner.plain.run(phasesplit, ["list", archive])
    #expect(text.standardOutput.split(separator: "\n").count == entries.count)

    let restored = scratch.appending("restored")
    let unpack = try CommandRunner.plain.run(phasesplit, ["unpack", archive, "-C", restored])
    #expect(unpack.status == 0, "unpack failed: \(unpack.standardError)")
    var original = try TreeSnapshot(root: source)
    original.entries[Array("empty".utf8)] = nil
    #expect(try TreeSnapshot(root: restored) == original)
  }

  /// The executable segment builds run (the fully static one in CI) and this test process
  /// (linked with the system's shared libzstd) write the same archive: the same header and the
  /// same tar stream, each reproducibly. The compressed bytes are only promised for one
  /// phasesplit binary (docs/archive-format.md): Debian's shared libzstd and the threaded static
  /// one built from its upstream source lay out the second and later zstd jobs differently.
  @Test("the CLI writes the library's archive")
  func cliArchiveEqualsLibraryArchive() throws {
    let phasesplit = try tool()
    let scratch = try ScratchDirectory()
    let source = scratch.appending("source")
    try RawPathIO.makeDirectory(Array(source.utf8))
    try SampleTree.make(at: source)
    var generator = UInt64(0x9E37_79B9_7F4A_7C15)
    let words = (0..<1_200_000).map { _ -> UInt8 in
      generator = generator &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
      return UInt8(truncatingIfNeeded: (generator >> 59) &+ 97)
    }
    try Data(words + words + words).write(to: URL(fileURLWithPath: source + "/large.txt"))
    let viaCommand = scratch.appending("command.pst")
    let viaLibrary = scratch.appending("library.pst")
    let pack = try CommandRunner.plain.run(phasesplit, ["pack", source, "-o", viaCommand])
    #expect(pack.status == 0, "pack failed: \(pack.standardError)")
    try ArchivePacker.pack(directory: RawPath(source), archive: RawPath(viaLibrary))
    let command = try Data(contentsOf: URL(fileURLWithPath: viaCommand))
    let library = try Data(contentsOf: URL(fileURLWithPath: viaLibrary))
    #expect(command.count > 300_000)
    #expect(command.prefix(60) == library.prefix(60), "the header frames differ")
    let again = scratch.appending("again.pst")
    #expect(try CommandRunner.plain.run(phasesplit, ["pack", source, "-o", again]).status == 0)
    #expect(try Data(contentsOf: URL(fileURLWithPath: again)) == command, "the CLI's archive is reproducible")
    // the tar streams, by their size and SHA-256 (zstd skips the header frame)
    let tarFromCommand = try CommandRunner.plain.run(
      "/bin/sh", ["-c", "zstd -dcq \"$0\" | wc -c; zstd -dcq \"$0\" | sha256sum", viaCommand])
    let tarFromLibrary = try CommandRunner.plain.run(
      "/bin/sh", ["-c", "zstd -dcq \"$0\" | wc -c; zstd -dcq \"$0\" | sha256sum", viaLibrary])
    #expect(tarFromCommand.status == 0 && tarFromLibrary.status == 0)
    #expect((Int(tarFromCommand.standardOutput.split(separator: "\n").first ?? "") ?? 0) > 3_000_000)
    #expect(tarFromCommand.standardOutput == tarFromLibrary.standardOutput, "the tar streams differ")
  }

  @Test("errors exit non-zero and say what is wrong")
  func failures() throws {
    let phasesplit = try tool()
    let scratch = try ScratchDirectory()
    let missing = try CommandRunner.plain.run(
      phasesplit, ["pack", scratch.appending("nope"), "-o", scratch.appending("x.pst")])
    #expect(missing.status != 0)
    #expect(missing.standardError.contains("nope"))
    #expect(!FileManager.default.fileExists(atPath: scratch.appending("x.pst")))

    let source = scratch.appending("source")
    try RawPathIO.makeDirectory(Array(source.utf8))
    try SampleTree.make(at: source)
    let archive = scratch.appending("tree.pst")
    #expect(try CommandRunner.plain.run(phasesplit, ["pack", source, "-o", archive]).status == 0)
    let bytes = try RawPathIO.readFile(Array(archive.utf8))
    let truncated = scratch.appending("cut.pst")
    try RawPathIO.writeFile(Array(truncated.utf8), Array(bytes.prefix(bytes.count - 40)))
    let unpack = try CommandRunner.plain.run(
      phasesplit, ["unpack", truncated, "-C", scratch.appending("out")])
    #expect(unpack.status != 0)
    #expect(unpack.standardError.contains("truncated or corrupt"))
    #expect(unpack.standardError.contains("byte offset"))
  }

  @Test("relocate through the CLI with a custom store directory")
  func relocate() throws {
    let phasesplit = try tool()
    let scratch = try ScratchDirectory()
    let store = scratch.appending("store")
    let from = store + "/" + RelocationTests.fromHash + "-pkg"
    let to = store + "/" + RelocationTests.toHash + "-pkg"
    try FileManager.default.createDirectory(atPath: from, withIntermediateDirectories: true)
    try RawPathIO.writeFile(Array((from + "/ref").utf8), Array("\(from)/bin\n".utf8))
    let result = try CommandRunner.plain.run(
      phasesplit, ["relocate", "--store-path", "\(from)=\(to)"], environment: ["NIX_STORE_DIR": store])
    #expect(result.status == 0, "relocate failed: \(result.standardError)")
    #expect(try RawPathIO.readFile(Array((to + "/ref").utf8)) == Array("\(to)/bin\n".utf8))

    let bad = try CommandRunner.plain.run(
      phasesplit, ["relocate", "--store-path", "\(to)=\(to)x"], environment: ["NIX_STORE_DIR": store])
    #expect(bad.status != 0)
    #expect(bad.standardError.contains("differ in length"))
  }
}
