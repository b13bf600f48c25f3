import Basics
import BuildArchive
import Foundation
import PhasesplitTestSupport
import Testing

/// Build trees an unsplit build accepts pack too: FIFOs are archived and restored, sockets are
/// skipped with one note, and the build user's own unreadable directories and files are read.
@Suite("FIFOs, sockets and unreadable entries in build trees")
struct SpecialEntryTests {
  private func makeSocket(_ path: String) throws {
    let bind = try CommandRunner.plain.run(
      "/usr/bin/env",
      ["python3", "-c", "import socket, sys; socket.socket(socket.AF_UNIX).bind(sys.argv[1])", path])
    try #require(bind.status == 0, "cannot create a socket: \(bind.standardError)")
  }

  private func mode(_ path: String) throws -> mode_t {
    try #require(RawPathIO.status(Array(path.utf8))).st_mode
  }

  @Test("a FIFO is archived and restored with its mode; a socket is skipped with one note")
  func fifoAndSocket() throws {
    let scratch = try ScratchDirectory()
    let source = scratch.appending("source")
    try RawPathIO.makeDirectory(Array(source.utf8))
    try SampleTree.make(at: source)
    #expect(mkfifo(source + "/src/pipe", 0o640) == 0)
    try makeSocket(source + "/src/sock")
    let archive = scratch.appending("tree.pst")
    let summary = try ArchivePacker.pack(directory: RawPath(source), archive: RawPath(archive))
    #expect(summary.notes.count == 1)
    #expect(summary.notes.first?.contains("src/sock") == true)

    let entries = try ArchiveLister.entries(of: RawPath(archive))
    let pipe = try #require(entries.first { $0.path == "src/pipe" })
    #expect(pipe.type == .fifo && pipe.mode == 0o640 && pipe.size == 0)
    #expect(!entries.contains { $0.path == "src/sock" })

    let restored = scratch.appending("restored")
    try ArchiveUnpacker.unpack(archive: RawPath(archive), into: RawPath(restored))
    #expect(try mode(restored + "/src/pipe") == S_IFIFO | 0o640)
    #expect(RawPathIO.status(Array((restored + "/src/sock").utf8)) == nil)
    // Restoring over an existing tree replaces the FIFO.
    try ArchiveUnpacker.unpack(archive: RawPath(archive), into: RawPath(restored))
    #expect(try mode(restored + "/src/pipe") == S_IFIFO | 0o640)
  }

  @Test("the CLI logs a skipped socket in one line and exits 0")
  func socketNoteOnCommandLine() throws {
    let phasesplit = try TestPackage.tool()
    let scratch = try ScratchDirectory()
    let source = scratch.appending("source")
    try RawPathIO.makeDirectory(Array(source.utf8))
    try makeSocket(source + "/server.sock")
    let pack = try CommandRunner.plain.run(phasesplit, ["pack", source, "-o", scratch.appending("tree.pst")])
    #expect(pack.status == 0, "\(pack.standardError)")
    let lines = pack.standardError.split(separator: "\n")
    #expect(lines.count == 1 && lines[0].contains("skipped socket") && lines[0].contains("server.sock"))
  }

  @Test("the packing user's mode-0600 directory and unreadable file are read; their modes are kept")
  func unreadableOwnEntries() throws {
    let phasesplit = try TestPackage.tool()
    let scratch = try ScratchDirectory()
    // Run as an unprivileged user (root would read anything), on a tree that user owns.
    let asUser: [String] =
      getuid() == 0 ? ["/usr/bin/setpriv", "--reuid=65534", "--regid=65534", "--clear-groups"] : []
    #expect(chmod(scratch.path, 0o755) == 0)
    let source = scratch.appending("source")
    let script = """
      set -e
      mkdir -p "$1/closed/inner" "$1/out"
      echo hidden > "$1/closed/inner/file"
      echo secret > "$1/closed/file"
      echo writeonly > "$1/writeonly"
      chmod 0200 "$1/writeonly"
      chmod 0300 "$1/closed/inner"
      chmod 0600 "$1/closed"
      """
    let owner = getuid() == 0 ? ["/bin/chown", "65534:65534", scratch.path] : ["/bin/true"]
    #expect(try CommandRunner.plain.run(owner[0], Array(owner.dropFirst())).status == 0)
    let setUp = try CommandRunner.plain.run(
      asUser.first ?? "/bin/bash",
      Array(asUser.dropFirst()) + (asUser.isEmpty ? [] : ["/bin/bash"]) + ["-c", script, "setup", source])
    try #require(setUp.status == 0, "\(setUp.standardError)")
    let archive = scratch.appending("tree.pst")
    let tool = asUser.isEmpty ? phasesplit : asUser[0]
    let prefix = asUser.isEmpty ? [] : Array(asUser.dropFirst()) + [phasesplit]
    let pack = try CommandRunner.plain.run(tool, prefix + ["pack", source, "-o", archive])
    #expect(pack.status == 0, "\(pack.standardError)")
    // The source tree has its modes back.
    #expect(try mode(source + "/closed") & 0o7777 == 0o600)
    #expect(try mode(source + "/writeonly") & 0o7777 == 0o200)

    let entries = Dictionary(
      uniqueKeysWithValues: try ArchiveLister.entries(of: RawPath(archive)).map { ($0.path, $0) })
    #expect(entries["closed/"]?.mode == 0o600)
    #expect(entries["closed/inner/"]?.mode == 0o300)
    #expect(entries["writeonly"]?.mode == 0o200)
    #expect(entries["closed/inner/file"]?.size == 7)

    let restored = scratch.appending("restored")
    let unpack = try CommandRunner.plain.run(tool, prefix + ["unpack", archive, "-C", restored])
    #expect(unpack.status == 0, "\(unpack.standardError)")
    #expect(try mode(restored + "/closed") & 0o7777 == 0o600)
    #expect(try mode(restored + "/writeonly") & 0o7777 == 0o200)
    #expect(chmod(restored + "/closed", 0o700) == 0 && chmod(restored + "/closed/inner", 0o700) == 0)
    #expect(try RawPathIO.readFile(Array((restored + "/closed/inner/file").utf8)) == Array("hidden\n".utf8))
    #expect(try RawPathIO.readFile(Array((restored + "/writeonly").utf8)) == Array("writeonly\n".utf8))
  }
}
