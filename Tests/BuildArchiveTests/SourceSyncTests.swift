import BuildArchive
import Foundation
import Testing

/// `SourceDifference`, `SourceSynchronizer` and `IncrementalMode` on small real trees, packed as
/// segment archives the way unpack segments are: what an incremental segment does to a restored
/// build tree.
@Suite struct SourceSyncTests {
  /// Packs the tree `root` as the full archive of the segment directory `root.segment`.
  private func segment(_ root: String) throws -> ArchivedTree {
    let directory = root + ".segment"
    try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
    try ArchivePacker.pack(directory: RawPath(root), archive: RawPath(directory + "/tree.pst"))
    return try ArchivedTree.read(segment: RawPath(directory))
  }

  /// The difference between the trees `old` and `new`, each packed as a segment.
  private func compare(_ old: String, _ new: String) throws -> (SourceDifference, new: ArchivedTree) {
    try? FileManager.default.removeItem(atPath: old + ".segment")
    try? FileManager.default.removeItem(atPath: new + ".segment")
    let newTree = try segment(new)
    return (try SourceDifference.between(old: segment(old), new: newTree), newTree)
  }

  /// Applies `difference` to `tree` as `sync-source` does: the new tree's added and changed entries
  /// extracted into a scratch directory first.
  @discardableResult
  private func apply(
    _ difference: SourceDifference, from newTree: ArchivedTree, into tree: String,
    keepingDeleted: Bool = false
  ) throws -> SourceSynchronizer.Summary {
    let scratch = tree + ".scratch"
    try newTree.extract(difference.changes.filter { $0.kind != .deleted }.map(\.path), into: RawPath(scratch))
    defer { try? FileManager.default.removeItem(atPath: scratch) }
    return try SourceSynchronizer.apply(
      difference, from: RawPath(scratch), into: RawPath(tree), excluded: [], keepingDeleted: keepingDeleted)
  }

  private func write(_ text: String, _ path: String, time: TimeInterval? = nil) throws {
    try FileManager.default.createDirectory(
      atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
    try text.write(toFile: path, atomically: false, encoding: .utf8)
    if let time {
      try FileManager.default.setAttributes(
        [.modificationDate: Date(timeIntervalSince1970: time)], ofItemAtPath: path)
    }
  }

  private func mtime(_ path: String) throws -> Date {
    try FileManager.default.attributesOfItem(atPath: path)[.modificationDate] as! Date
  }

  @Test("the build tree gets the source changes; only changed files get new, ordered mtimes")
  func syncAppliesChanges() throws {
    let scratch = try ScratchDirectory()
    let old = scratch.appending("old"), new = scratch.appending("new"), tree = scratch.appending("tree")
    for root in [old, new, tree] {
      try write("same\n", root + "/src/same.c")
      try write("dir\n", root + "/src/gone/inner.c")
    }
    try write("old\n", old + "/src/changed.c")
    try write("deleted\n", old + "/src/deleted.c")
    // the new source: changed.c and configure.ac/configure changed, in this order, added.c new
    try write("new\n", new + "/src/changed.c", time: 1_000)
    try write("ac\n", new + "/src/configure.ac", time: 2_000)
    try write("script\n", new + "/src/configure", time: 3_000)
    try write("added\n", new + "/src/added.c", time: 1_000)
    try FileManager.default.removeItem(atPath: new + "/src/gone")
    // the build tree: the old source plus build products, the object the newest entry
    try write("old\n", tree + "/src/changed.c")
    try write("deleted\n", tree + "/src/deleted.c")
    try write("object\n", tree + "/src/same.o", time: Date().timeIntervalSince1970 - 60)
    try write("built over the source\n", tree + "/src/same.c")

    let (difference, newTree) = try compare(old, new)
    let byKind = Dictionary(grouping: difference.changes, by: \.kind).mapValues { $0.map(\.path.description) }
    #expect(byKind[.changed] == ["src/changed.c"])
    #expect(byKind[.added] == ["src/added.c", "src/configure", "src/configure.ac"])
    #expect(byKind[.deleted] == ["src/deleted.c", "src/gone", "src/gone/inner.c"])
    #expect(
      difference.buildDescriptionChanges.map(\.path.description) == ["src/configure", "src/configure.ac"])

    try apply(difference, from: newTree, into: tree)
    #expect(try String(contentsOfFile: tree + "/src/changed.c", encoding: .utf8) == "new\n")
    #expect(try String(contentsOfFile: tree + "/src/added.c", encoding: .utf8) == "added\n")
    #expect(!FileManager.default.fileExists(atPath: tree + "/src/deleted.c"))
    #expect(!FileManager.default.fileExists(atPath: tree + "/src/gone"))
    // unchanged in the source: left as the build left it
    #expect(try String(contentsOfFile: tree + "/src/same.c", encoding: .utf8) == "built over the source\n")
    let newest = try mtime(tree + "/src/same.o")
    #expect(try mtime(tree + "/src/changed.c") > newest)
    #expect(try mtime(tree + "/src/changed.c") == mtime(tree + "/src/added.c"))
    #expect(try mtime(tree + "/src/configure.ac") > mtime(tree + "/src/changed.c"))
    #expect(try mtime(tree + "/src/configure") > mtime(tree + "/src/configure.ac"))
    #expect(try mtime(tree + "/src/same.o") == newest)
  }

  @Test(
    "the mode: ninja trees always incremental; make trees clean on build-description changes and deletions")
  func modeDecision() throws {
    let scratch = try ScratchDirectory()
    let old = scratch.appending("old"), new = scratch.appending("new")
    try write("a\n", old + "/main.c")
    try write("b\n", new + "/main.c")
    let (oneFile, _) = try compare(old, new)
    #expect(IncrementalMode.decide(for: oneFile, buildTreeUsesNinja: false) == .incremental)
    try write("x\n", new + "/meson.build")
    try write("gone\n", old + "/old.c")
    let (described, _) = try compare(old, new)
    #expect(IncrementalMode.decide(for: described, buildTreeUsesNinja: true) == .incremental)
    guard case .clean(let reason) = IncrementalMode.decide(for: described, buildTreeUsesNinja: false) else {
      Issue.record("a make tree with a changed meson.build must build clean")
      return
    }
    #expect(reason.contains("meson.build"))
  }

  @Test(
    "a make tree's deleted files: kept with new mtimes for make -t, or clean when make cannot settle them")
  func deletionsInAMakeTree() throws {
    let scratch = try ScratchDirectory()
    let old = scratch.appending("old"), new = scratch.appending("new"), tree = scratch.appending("tree")
    for root in [old, tree] {
      try write("gone\n", root + "/src/gone.c")
      try write("gone\n", root + "/src/gone/inner.c")
    }
    try write("same\n", new + "/src/same.c")
    try write("same\n", old + "/src/same.c")
    try write("same\n", tree + "/src/same.c")
    try write("object\n", tree + "/src/gone.o", time: Date().timeIntervalSince1970 - 60)
    let (difference, newTree) = try compare(old, new)
    #expect(
      IncrementalMode.decide(for: difference, buildTreeUsesNinja: false, makeSettlesDeletions: true)
        == .incrementalSettlingDeletions)
    guard
      case .clean(let reason) = IncrementalMode.decide(
        for: difference, buildTreeUsesNinja: false, makeSettlesDeletions: false)
    else {
      Issue.record("deleted files that make cannot settle must build clean")
      return
    }
    #expect(reason.contains("src/gone.c") && reason.contains("buildPhase"))

    let summary = try apply(difference, from: newTree, into: tree, keepingDeleted: true)
    #expect(summary.keptDeleted.map(\.description) == ["src/gone", "src/gone.c", "src/gone/inner.c"])
    #expect(try mtime(tree + "/src/gone.c") > mtime(tree + "/src/gone.o"))
    #expect(try mtime(tree + "/src/gone/inner.c") > mtime(tree + "/src/gone.o"))

    try FileManager.default.createSymbolicLink(atPath: old + "/src/link", withDestinationPath: "same.c")
    let (withLink, _) = try compare(old, new)
    guard
      case .clean(let linkReason) = IncrementalMode.decide(
        for: withLink, buildTreeUsesNinja: false, makeSettlesDeletions: true)
    else {
      Issue.record("a deleted symlink in a make tree must build clean")
      return
    }
    #expect(linkReason.contains("src/link"))
  }
  @Test(
    "SourceSync.run: incremental mode leaves no scratch; clean mode empties the tree but the excluded paths")
  func runBothModes() throws {
    let scratch = try ScratchDirectory()
    let old = scratch.appending("old"), new = scratch.appending("new"), tree = scratch.appending("tree")
    let standIn = scratch.appending("stand-in")
    for root in [old, new, tree] { try write("int main;\n", root + "/src/main.c") }
    try write("int main(void);\n", new + "/src/main.c")
    try write("object\n", tree + "/src/main.o", time: Date().timeIntervalSince1970 - 60)
    try write("kept\n", tree + "/.scratch-files/list")
    try write("output\n", standIn + "/bin/tool")
    _ = try segment(old)
    _ = try segment(new)
    func run() throws -> SourceSync.Outcome {
      try SourceSync.run(
        oldSource: RawPath(old + ".segment"), newSource: RawPath(new + ".segment"), tree: RawPath(tree),
        scratch: RawPath(tree + "/.scratch-files/new"), excluded: [RawPath(".scratch-files")],
        makeSettlesDeletions: true, removedOnClean: [RawPath(standIn)])
    }
    let incremental = try run()
    #expect(incremental.mode == .incremental)
    #expect(try String(contentsOfFile: tree + "/src/main.c", encoding: .utf8) == "int main(void);\n")
    #expect(try mtime(tree + "/src/main.c") > mtime(tree + "/src/main.o"))
    #expect(!FileManager.default.fileExists(atPath: tree + "/.scratch-files/new"))

    try write("all:\n", new + "/src/Makefile")
    _ = try segment(new)
    let clean = try run()
    guard case .clean(let reason) = clean.mode else {
      Issue.record("a make tree whose Makefile was added must build clean")
      return
    }
    #expect(reason.contains("src/Makefile"))
    #expect(try FileManager.default.contentsOfDirectory(atPath: tree) == [".scratch-files"])
    #expect(try String(contentsOfFile: tree + "/.scratch-files/list", encoding: .utf8) == "kept\n")
    #expect(!FileManager.default.fileExists(atPath: standIn))
  }
}
