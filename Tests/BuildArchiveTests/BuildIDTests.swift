import BuildArchive
import Foundation
import PhasesplitTestSupport
import Testing

/// Relocation keeps GNU build IDs true: a binary linked over a stand-in path and relocated is
/// byte for byte the binary linked over the real path, build ID included, for GNU ld and gold
/// with sha1, md5 and the default style; an ID that is no content hash is kept and reported.
@Suite("relocation recomputes GNU build IDs")
struct BuildIDTests {
  static let standIn = "/nix/store/0123456789abcdfghijklmnpqrsvwxyz-demo-1.0"
  static let real = "/nix/store/zyxwvsrqpnmlkjihgfdcba9876543210-demo-1.0"

  static let source = """
    #include <stdio.h>
    static const char *data = PREFIX "/share/demo/data.txt";
    int main(void) { puts(data); return 0; }
    """

  /// Links the program (executable, or shared library with `shared`) with PREFIX = `prefix`.
  private func link(
    _ scratch: ScratchDirectory, prefix: String, flags: [String], name: String, shared: Bool = false
  ) throws -> String {
    let sourceFile = scratch.appending("demo.c")
    try Self.source.write(toFile: sourceFile, atomically: true, encoding: .utf8)
    // gold records the output path in a shared library, so every variant is linked at the
    // same path and then moved to its name
    let output = scratch.appending("libdemo.so")
    let kind = shared ? ["-shared", "-fPIC"] : []
    let result = try CommandRunner.plain.run(
      "/usr/bin/gcc",
      ["-O1", "-g"] + kind + ["-DPREFIX=\"\(prefix)\"", "-o", output, sourceFile] + flags)
    try #require(result.status == 0, Comment(rawValue: result.standardError))
    let named = scratch.appending(name)
    try FileManager.default.moveItem(atPath: output, toPath: named)
    return named
  }

  private func relocate(_ file: String, in scratch: ScratchDirectory) throws -> RelocationSummary {
    let directory = scratch.appending("relocated-\(UUID().uuidString)")
    try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
    let copy = directory + "/" + URL(fileURLWithPath: file).lastPathComponent
    try FileManager.default.copyItem(atPath: file, toPath: copy)
    let move = try StorePathMove(
      from: RawPath(Self.standIn), to: RawPath(Self.real), storeDirectory: "/nix/store")
    let summary = try StorePathRelocator(moves: [move]).relocate(rewritingAlso: [RawPath(directory)])
    try FileManager.default.removeItem(atPath: file)
    try FileManager.default.moveItem(atPath: copy, toPath: file)
    return summary
  }

  static let styles: [(name: String, flags: [String])] = [
    ("ld-sha1", ["-fuse-ld=bfd", "-Wl,--build-id=sha1"]), ("ld-md5", ["-fuse-ld=bfd", "-Wl,--build-id=md5"]),
    ("ld-default", ["-fuse-ld=bfd", "-Wl,--build-id"]),
    ("gold-sha1", ["-fuse-ld=gold", "-Wl,--build-id=sha1"]),
    ("gold-md5", ["-fuse-ld=gold", "-Wl,--build-id=md5"]),
  ]

  @Test(arguments: styles.map(\.name), [false, true])
  func relocatedBinaryEqualsTheOneLinkedOverTheRealPath(style: String, shared: Bool) throws {
    let flags = try #require(Self.styles.first { $0.name == style }).flags
    let scratch = try ScratchDirectory()
    let split = try link(scratch, prefix: Self.standIn, flags: flags, name: "split-\(style)", shared: shared)
    let unsplit = try link(scratch, prefix: Self.real, flags: flags, name: "unsplit-\(style)", shared: shared)
    let before = try Data(contentsOf: URL(fileURLWithPath: split))
    let summary = try relocate(split, in: scratch)
    #expect(summary.rewrittenFiles == 1)
    #expect(summary.recomputedBuildIDs == 1 && summary.keptBuildIDs.isEmpty)
    let after = try Data(contentsOf: URL(fileURLWithPath: split))
    #expect(after != before)
    #expect(after == (try Data(contentsOf: URL(fileURLWithPath: unsplit))))
  }

  @Test func anIDThatIsNoContentHashIsKeptAndReported() throws {
    let scratch = try ScratchDirectory()
    for (index, flags) in [["-Wl,--build-id=uuid"], ["-Wl,--build-id=0x0123456789abcdef0123"]].enumerated() {
      let file = try link(scratch, prefix: Self.standIn, flags: flags, name: "kept-\(index)")
      let summary = try relocate(file, in: scratch)
      #expect(summary.rewrittenFiles == 1 && summary.recomputedBuildIDs == 0)
      #expect(summary.keptBuildIDs.count == 1)
    }
  }

  @Test func malformedElfFilesAreRewrittenWithoutTrapping() throws {
    let scratch = try ScratchDirectory()
    let binary = Array(
      try Data(
        contentsOf: URL(
          fileURLWithPath: try link(
            scratch, prefix: Self.standIn, flags: ["-Wl,--build-id=sha1"], name: "whole"))))
    var generator = SystemRandomNumberGenerator()
    var damaged: [[UInt8]] = stride(from: 4, to: binary.count, by: max(1, binary.count / 64)).map {
      Array(binary[0..<$0])
    }
    for _ in 0..<200 {
      var copy = binary
      for _ in 0..<8 {
        copy[Int.random(in: 0..<min(copy.count, 4096), using: &generator)] = UInt8.random(
          in: 0...255, using: &generator)
      }
      damaged.append(copy)
    }
    let rewrite: ([UInt8]) -> [UInt8] = { $0 }
    for bytes in damaged {
      _ = ElfBuildID.rewrite(bytes, using: rewrite)
    }
  }
}
