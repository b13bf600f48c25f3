import BuildArchive
import Foundation
import PhasesplitTestSupport
import Testing

/// Real build trees: after pack, moving the tree away and restoring it at the same path, the build
/// tools must find nothing to do.
@Suite("Restored build trees are up to date")
struct BuildTreeTests {
  /// Lines of build output that compile or link C code.
  private func compileLines(_ output: String) -> [Substring] {
    let compileLine = #/(^|\s)(gcc|cc)\s.*(\s-c\s|\s-o\s)|Compiling C object|Linking target/#
    return output.split(separator: "\n").filter { $0.contains(compileLine) }
  }

  /// Packs `tree`, moves it aside and restores the archive at the same path.
  private func packMoveRestore(_ tree: String) throws {
    let archive = tree + ".pst"
    try ArchivePacker.pack(directory: RawPath(tree), archive: RawPath(archive))
    try FileManager.default.moveItem(atPath: tree, toPath: tree + ".original")
    try ArchiveUnpacker.unpack(archive: RawPath(archive), into: RawPath(tree))
  }

  @Test("GNU hello 2.10: make and make install compile nothing after a restore")
  func helloMake() throws {
    let tarball = TestPackage.source("hello_2.10.orig.tar.gz")
    try #require(
      FileManager.default.fileExists(atPath: tarball),
      "missing \(tarball); run scripts/fetch-sources.sh first")
    let scratch = try ScratchDirectory()
    let build = try CommandRunner.plain.bash(
      "tar xzf \"$1\" && cd hello-2.10 && ./configure CC=gcc >/dev/null && make -j2 >/dev/null",
      in: scratch.path, arguments: [tarball])
    try #require(build.status == 0, "building hello failed: \(build.standardError)")
    let tree = scratch.appending("hello-2.10")
    try packMoveRestore(tree)

    let make = try CommandRunner.plain.bash("make 2>&1", in: tree)
    #expect(make.status == 0)
    #expect(compileLines(make.standardOutput).isEmpty, "make rebuilt after restore:\n\(make.standardOutput)")
    let install = try CommandRunner.plain.bash(
      "make install DESTDIR=\"$1\" 2>&1", in: tree, arguments: [scratch.appending("dest")])
    #expect(install.status == 0)
    #expect(
      compileLines(install.standardOutput).isEmpty,
      "make install rebuilt after restore:\n\(install.standardOutput)")
    #expect(FileManager.default.isExecutableFile(atPath: scratch.appending("dest/usr/local/bin/hello")))

    // Control: the check does see compilation when a source really is newer.
    let touched = try CommandRunner.plain.bash("touch -d '+2 seconds' src/hello.c && make 2>&1", in: tree)
    #expect(
      !compileLines(touched.standardOutput).isEmpty,
      "control: make should recompile hello.c:\n\(touched.standardOutput)")
  }

  @Test("meson/ninja: ninja -n reports no work to do after a restore")
  func mesonNinja() throws {
    let scratch = try ScratchDirectory()
    let project = scratch.appending("project")
    try FileManager.default.createDirectory(atPath: project + "/src", withIntermediateDirectories: true)
    let files = [
      "meson.build": "project('tiny', 'c')\nlib = static_library('greet', 'greet.c')\n"
        + "executable('tiny', 'main.c', link_with: lib)\n",
      "main.c": "#include \"greet.h\"\nint main(void) { greet(); return 0; }\n",
      "greet.c": "#include <stdio.h>\n#include \"greet.h\"\nvoid greet(void) { puts(\"hi\"); }\n",
      "greet.h": "void greet(void);\n",
    ]
    for (name, text) in files {
      try RawPathIO.writeFile(Array((project + "/src/" + name).utf8), Array(text.utf8))
    }
    let build = try CommandRunner.plain.bash(
      "meson setup build src >/dev/null && ninja -C build >/dev/null", in: project)
    try #require(build.status == 0, "meson build failed: \(build.standardError)")
    try packMoveRestore(project)

    let dryRun = try CommandRunner.plain.bash("ninja -C build -n 2>&1", in: project)
    #expect(dryRun.status == 0)
    #expect(
      dryRun.standardOutput.contains("no work to do"),
      "ninja wants to rebuild after restore:\n\(dryRun.standardOutput)")
    let log = String(
      decoding: try RawPathIO.readFile(Array((project + "/build/.ninja_log").utf8)), as: UTF8.self)
    #expect(log.hasPrefix("# ninja log v"))

    let touched = try CommandRunner.plain.bash(
      "touch -d '+2 seconds' src/greet.h && ninja -C build -n 2>&1", in: project)
    #expect(
      !touched.standardOutput.contains("no work to do"),
      "control: ninja should rebuild after touching a header")
  }
}
