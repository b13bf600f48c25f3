import BuildArchive
import Foundation
import PhasesplitTestSupport
import Testing

/// Issue 9, acceptance 4: a build tree an unsplit build accepts does not fail the split. The
/// `specialEntries` fixture's configure leaves a FIFO, a UNIX socket and a mode-0600 directory.
@Suite("special entries in the build tree", .tags(.nix), .requiresNix, .timeLimit(.minutes(10)))
struct BuildTreeEntriesTests {
  @Test("FIFO, socket and mode-0600 directory: the split build gives the unsplit outputs")
  func specialEntriesSplitLikeUnsplit() throws {
    let harness = try NixHarness.make()
    defer { harness.cleanUp() }
    let request = SplitRequest(fixture: "specialEntries")
    let (split, _, differences) = try harness.buildSplitAndUnsplit(request)
    #expect(differences.isEmpty, "\(differences)")

    // The configure segment's archive holds the FIFO and the directory with its mode, not the
    // socket, and its log says so in one line.
    let configure = try harness.instantiate("split.segments.configure", request)
    let archive = try #require(try harness.outputPaths(configure)["out"]) + "/tree.pst"
    let entries = try ArchiveLister.entries(of: RawPath(archive))
    let pipe = try #require(entries.first { $0.path.hasSuffix("/build-pipe") })
    #expect(pipe.type == .fifo && pipe.mode == 0o640)
    #expect(entries.first { $0.path.hasSuffix("/private/") }?.mode == 0o600)
    #expect(!entries.contains { $0.path.hasSuffix("build.sock") })
    let notes = try harness.buildLog(configure).split(separator: "\n").filter {
      $0.contains("skipped socket")
    }
    #expect(notes.count == 1 && notes.first?.contains("build.sock") == true, "\(notes)")
  }
}
