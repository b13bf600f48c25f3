import Basics
import BuildArchive
import Foundation
import Testing

/// Issue 13, acceptance 1: a chain of layers restores exactly the tree one full archive restores.
@Suite("Layered segment trees")
struct LayerTests {
  /// A scratch area holding segment directories (`segN/tree.pst`, `tree.index`, `previous`).
  struct Chain {
    let scratch: ScratchDirectory

    func segment(_ number: Int) -> String { scratch.appending("seg\(number)") }

    /// Packs `tree` as segment `number`'s layer, over segment `number - 1` restored at `restoredAt`.
    @discardableResult
    func pack(_ tree: String, as number: Int, restoredAt: FileTime?) throws -> LayerSummary {
      let directory = segment(number)
      try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
      var base: LayerBase?
      if let restoredAt {
        base = LayerBase(
          index: try TreeIndex.read(from: RawPath(segment(number - 1) + "/tree.index")),
          restoredAt: restoredAt)
        try FileManager.default.createSymbolicLink(
          atPath: directory + "/previous", withDestinationPath: segment(number - 1))
      }
      return try LayerPacker.pack(
        directory: RawPath(tree), archive: RawPath(directory + "/tree.pst"),
        index: RawPath(directory + "/tree.index"), over: base)
    }

    /// Restores segment `number` into a new directory `name` (as the next segment's build would).
    func restore(_ number: Int, into name: String) throws -> (path: String, summary: RestoreSummary) {
      let path = scratch.appending(name)
      return (path, try LayerRestorer.restore(segment: RawPath(segment(number)), into: RawPath(path)))
    }
  }

  @Test("additions, edits, metadata-only changes, deletions, file→dir and dir→file across three layers")
  func roundTrip() throws {
    let chain = Chain(scratch: try ScratchDirectory())
    let first = chain.scratch.appending("build1")
    try RawPathIO.makeDirectory(Array(first.utf8))
    try SampleTree.make(at: first)
    try RawPathIO.writeFile(Array((first + "/.ninja_log").utf8), Array("# ninja log v5\n".utf8))
    let firstLayer = try chain.pack(first, as: 1, restoredAt: nil)
    #expect(firstLayer.deletionCount == 0 && firstLayer.pack.entryCount == firstLayer.treeEntryCount)

    // Segment 2 restores segment 1 and changes it.
    let (second, restoredFirst) = try chain.restore(1, into: "build2")
    #expect(try TreeSnapshot(root: second) == TreeSnapshot(root: first))
    func at(_ root: String, _ relative: String) -> [UInt8] { Array((root + "/" + relative).utf8) }
    try RawPathIO.writeFile(at(second, "added.o"), Array("object\n".utf8))
    try RawPathIO.makeDirectory(at(second, "newdir"))
    try RawPathIO.writeFile(at(second, "newdir/inside"), Array("inside\n".utf8))
    // An edit in place of a hard-linked file (all its paths change).
    let handle = try #require(FileHandle(forWritingAtPath: second + "/src/main.c"))
    handle.write(Data("int main(void) { return 1; }\n".utf8))
    try handle.close()
    #expect(chmod(second + "/src/run.sh", 0o700) == 0)  // metadata only
    // Metadata only: an mtime set back to that of an unchanged file (as `touch -r` does).
    let unchangedTime = try #require(TreeSnapshot(root: second).mtimes[Array("src/sub/empty-file".utf8)])
    try RawPathIO.setModificationTime(at(second, "src/readonly"), unchangedTime)
    // Same size, then the old mtime put back (as `cp -p` of an equally long file does): only the
    // ctime tells.
    let binaryTime = try #require(TreeSnapshot(root: second).mtimes[Array("src/sub/binary".utf8)])
    let originalBinary = try RawPathIO.readFile(at(second, "src/sub/binary"))
    try RawPathIO.writeFile(at(second, "src/sub/binary"), originalBinary.map { $0 ^ 0xFF })
    try RawPathIO.setModificationTime(at(second, "src/sub/binary"), binaryTime)
    #expect(unlink(second + "/dangling") == 0)
    try FileManager.default.removeItem(atPath: second + "/src/.hidden-dir")  // a directory deleted
    #expect(unlink(second + "/.dotfile") == 0)  // file → directory
    try RawPathIO.makeDirectory(at(second, ".dotfile"))
    try RawPathIO.writeFile(at(second, ".dotfile/child"), Array("was a file\n".utf8))
    #expect(rmdir(second + "/empty") == 0)  // directory → file
    try RawPathIO.writeFile(at(second, "empty"), Array("was a directory\n".utf8))
    #expect(unlink(second + "/dir-link") == 0)
    try RawPathIO.makeSymlink(at(second, "dir-link"), target: Array("src/sub".utf8))
    let secondLayer = try chain.pack(second, as: 2, restoredAt: restoredFirst.restoredAt)

    let secondIndex = try TreeIndex.read(from: RawPath(chain.segment(2) + "/tree.index"))
    #expect(
      Set(secondIndex.deletions.map(\.description))
        == ["dangling", "src/.hidden-dir", ".dotfile", "empty"])
    let stored = Set(try ArchiveLister.entries(of: RawPath(chain.segment(2) + "/tree.pst")).map(\.path))
    for changed in [
      "added.o", "newdir/", "newdir/inside", "src/main.c", "src/sub/hard-copy", "zz-second-hard-copy",
      "src/run.sh", "src/readonly", ".dotfile/", ".dotfile/child", "empty", "dir-link", "src/sub/binary",
      ".ninja_log",  // unchanged, but its recorded times follow the whole tree's ranks
    ] {
      #expect(stored.contains(changed), "\(changed) is not in the layer")
    }
    for unchanged in ["absolute-link", "src/sub/empty-file", "src/link-to-main", "readonly-dir/kept"] {
      #expect(!stored.contains(unchanged), "\(unchanged) is in the layer although it did not change")
    }
    #expect(secondLayer.pack.entryCount < secondLayer.treeEntryCount / 2 + 8)

    // Segment 3 restores segment 2 through both layers and changes it again.
    let (third, restoredSecond) = try chain.restore(2, into: "build3")
    #expect(restoredSecond.layerCount == 2)
    try expectSameTree(third, second)
    try FileManager.default.removeItem(atPath: third + "/newdir")
    try RawPathIO.writeFile(at(third, "newdir"), Array("now a file\n".utf8))
    try RawPathIO.writeFile(at(third, "src/sub/binary"), Array("rewritten\n".utf8))
    try RawPathIO.writeFile(at(third, "late.o"), Array("late\n".utf8))
    try chain.pack(third, as: 3, restoredAt: restoredSecond.restoredAt)

    // The chain restores what one full archive of the same tree restores.
    let full = chain.scratch.appending("full.pst")
    try ArchivePacker.pack(directory: RawPath(third), archive: RawPath(full))
    let fromFull = chain.scratch.appending("from-full")
    try ArchiveUnpacker.unpack(archive: RawPath(full), into: RawPath(fromFull))
    let (fromLayers, summary) = try chain.restore(3, into: "from-layers")
    #expect(summary.layerCount == 3)
    try expectSameTree(fromLayers, fromFull)
    try expectSameTree(fromLayers, third)

    // Read from the archives without a restore, each segment's tree is the tree its restore gives.
    try expectArchivedTree(chain.segment(1), equals: first)
    try expectArchivedTree(chain.segment(2), equals: second)
    try expectArchivedTree(chain.segment(3), equals: fromLayers)
  }

  /// `ArchivedTree.read(segment:)` lists exactly the entries of `tree` (a restore of `segment`) with
  /// their kinds, modes, symlink targets, sizes and mtime order, gives two files the same digest
  /// exactly when their contents are the same, and extracts every entry as the restore wrote it.
  private func expectArchivedTree(_ segment: String, equals tree: String) throws {
    let archived = try ArchivedTree.read(segment: RawPath(segment))
    let snapshot = try TreeSnapshot(root: tree)
    #expect(Set(archived.entries.keys.map(\.bytes)) == Set(snapshot.entries.keys))
    var digestOfContents: [[UInt8]: [UInt8]] = [:]
    for (path, entry) in archived.entries {
      let name = path.description
      guard let expected = snapshot.entries[path.bytes] else { continue }
      let kinds: [TreeEntryKind: String] = [
        .directory: "directory", .regularFile: "file", .symlink: "symlink",
      ]
      #expect(kinds[entry.kind] == expected.kind, "\(name): \(entry.kind)")
      if entry.kind != .symlink { #expect(entry.permissions == expected.mode, "\(name)") }
      #expect(entry.symlinkTarget?.bytes == expected.linkTarget, "\(name)")
      if let contents = expected.contents, entry.kind == .regularFile {
        #expect(entry.size == Int64(contents.count), "\(name)")
        if let known = digestOfContents[contents] {
          #expect(entry.digest == known, "\(name) has another file's contents but not its digest")
        } else {
          #expect(
            !digestOfContents.values.contains(entry.digest), "\(name) shares a digest with other contents")
          digestOfContents[contents] = entry.digest
        }
      }
    }
    #expect(
      ranks(
        Dictionary(
          uniqueKeysWithValues: archived.entries.map {
            ($0.key.bytes, $0.value.order.seconds * 1_000_000_000 + $0.value.order.nanoseconds)
          }))
        == ranks(snapshot.mtimes))
    let extracted = segment + "-extracted"
    try archived.extract(archived.entries.keys, into: RawPath(extracted))
    let extractedSnapshot = try TreeSnapshot(root: extracted)
    for (path, entry) in snapshot.entries where extractedSnapshot.entries[path] != entry {
      Issue.record(
        "extracted \(String(decoding: path, as: UTF8.self)) differs: \(String(describing: extractedSnapshot.entries[path])) vs \(entry)"
      )
    }
    #expect(extractedSnapshot.entries.count == snapshot.entries.count)
  }

  @Test("a restore over an existing tree, and a segment directory with a full archive")
  func restoreOverExistingAndFullArchives() throws {
    let chain = Chain(scratch: try ScratchDirectory())
    let tree = chain.scratch.appending("tree")
    try RawPathIO.makeDirectory(Array(tree.utf8))
    try SampleTree.make(at: tree)
    try FileManager.default.createDirectory(atPath: chain.segment(1), withIntermediateDirectories: true)
    try ArchivePacker.pack(directory: RawPath(tree), archive: RawPath(chain.segment(1) + "/tree.pst"))
    let (restored, summary) = try chain.restore(1, into: "restored")
    #expect(summary.layerCount == 1)
    try expectSameTree(restored, tree)
  }

  @Test("a layer whose previous segment is missing, and a damaged index, are clear errors")
  func missingPreviousAndDamagedIndex() throws {
    let chain = Chain(scratch: try ScratchDirectory())
    let tree = chain.scratch.appending("tree")
    try RawPathIO.makeDirectory(Array(tree.utf8))
    try RawPathIO.writeFile(Array((tree + "/a").utf8), Array("a\n".utf8))
    try chain.pack(tree, as: 1, restoredAt: nil)
    let (_, restored) = try chain.restore(1, into: "restored")
    try chain.pack(tree, as: 2, restoredAt: restored.restoredAt)
    try FileManager.default.removeItem(atPath: chain.segment(1))
    #expect {
      try LayerRestorer.restore(
        segment: RawPath(chain.segment(2)), into: RawPath(chain.scratch.appending("x")))
    } throws: { error in
      (error as? LayerError)?.description.contains("previous") == true
    }
    try RawPathIO.writeFile(Array((chain.segment(2) + "/tree.index").utf8), Array("garbage".utf8))
    #expect(throws: LayerError.self) {
      try TreeIndex.read(from: RawPath(chain.segment(2) + "/tree.index"))
    }
  }

  /// Same paths, kinds, modes, contents, link targets and hard links, and the same order (and
  /// equality) of mtimes.
  private func expectSameTree(_ actual: String, _ expected: String) throws {
    let actualSnapshot = try TreeSnapshot(root: actual)
    let expectedSnapshot = try TreeSnapshot(root: expected)
    #expect(Set(actualSnapshot.entries.keys) == Set(expectedSnapshot.entries.keys))
    for (path, entry) in expectedSnapshot.entries where actualSnapshot.entries[path] != entry {
      Issue.record(
        "\(String(decoding: path, as: UTF8.self)) differs: \(String(describing: actualSnapshot.entries[path])) vs \(entry)"
      )
    }
    #expect(ranks(actualSnapshot.mtimes) == ranks(expectedSnapshot.mtimes))
  }

  private func ranks(_ mtimes: [[UInt8]: Int64]) -> [[UInt8]: Int] {
    let sorted = Array(Set(mtimes.values)).sorted()
    let rank = Dictionary(uniqueKeysWithValues: sorted.enumerated().map { ($1, $0) })
    return mtimes.mapValues { rank[$0]! }
  }
}
