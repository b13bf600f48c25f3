import BuildArchive
import Foundation
import Testing

#if canImport(Glibc)
  import Glibc
#endif

@Suite("relocate moves store paths and rewrites their hashes")
struct RelocationTests {
  static let fromHash = "0123456789abcdfghijklmnpqrsvwxyz"
  static let toHash = "zyxwvsrqpnmlkjihgfdcba9876543210"

  /// A fake store in `scratch` holding FROM with references to itself in every kind of place.
  private func makeStore(_ scratch: ScratchDirectory) throws -> (store: String, from: String, to: String) {
    let store = scratch.appending("store")
    try RawPathIO.makeDirectory(Array(store.utf8))
    let from = store + "/" + Self.fromHash + "-hello-2.10"
    let to = store + "/" + Self.toHash + "-hello-2.10"
    try RawPathIO.makeDirectory(Array(from.utf8))
    try RawPathIO.makeDirectory(Array((from + "/bin").utf8))
    try RawPathIO.writeFile(
      Array((from + "/bin/hello").utf8), Array("#!\(from)/bin/sh\nexec \(from)/x\n".utf8), mode: 0o755)
    try RawPathIO.writeFile(Array((from + "/readonly").utf8), Array("ref=\(from)\n".utf8), mode: 0o444)
    // A reference straddling the 1 MiB chunk boundary of the streaming rewriter.
    var big = [UInt8](repeating: UInt8(ascii: "."), count: (1 << 20) * 2 + 777)
    let reference = Array(from.utf8)
    let boundaryOffset = (1 << 20) - reference.count / 2
    big.replaceSubrange(boundaryOffset..<boundaryOffset + reference.count, with: reference)
    big.replaceSubrange(big.count - reference.count..<big.count, with: reference)
    try RawPathIO.writeFile(Array((from + "/big.dat").utf8), big)
    try RawPathIO.makeHardLink(Array((from + "/bin/hello-link").utf8), to: Array((from + "/bin/hello").utf8))
    try RawPathIO.makeSymlink(Array((from + "/abs-link").utf8), target: Array((from + "/bin/hello").utf8))
    try RawPathIO.makeSymlink(Array((from + "/rel-link").utf8), target: Array("bin/hello".utf8))
    try RawPathIO.writeFile(Array((from + "/unrelated").utf8), Array("nothing here\n".utf8))
    return (store, from, to)
  }

  @Test("contents, symlinks, modes, hard links and mtimes after a move")
  func relocateTree() throws {
    let scratch = try ScratchDirectory()
    let (store, from, to) = try makeStore(scratch)
    let build = scratch.appending("build")
    try RawPathIO.makeDirectory(Array(build.utf8))
    try RawPathIO.writeFile(Array((build + "/Makefile").utf8), Array("prefix = \(from)\n".utf8))
    let before = try TreeSnapshot(root: from, contentLimit: 1 << 24)

    let move = try StorePathMove(from: RawPath(from), to: RawPath(to), storeDirectory: store)
    let summary = try StorePathRelocator(moves: [move]).relocate(rewritingAlso: [RawPath(build)])
    #expect(summary.movedPaths == 1)
    #expect(summary.rewrittenFiles == 4)  // bin/hello (once for both links), readonly, big.dat, Makefile
    #expect(summary.rewrittenSymlinks == 1)
    #expect(RawPathIO.status(Array(from.utf8)) == nil)

    let after = try TreeSnapshot(root: to, contentLimit: 1 << 24)
    #expect(Set(after.entries.keys) == Set(before.entries.keys))
    for (path, entry) in before.entries {
      let moved = try #require(after.entries[path])
      #expect(moved.kind == entry.kind)
      #expect(moved.mode == entry.mode)
      #expect(moved.hardLinkGroup == entry.hardLinkGroup)
      #expect(after.mtimes[path] == before.mtimes[path], "mtime of \(String(decoding: path, as: UTF8.self))")
      let expectedContents = entry.contents.map {
        Array(
          String(decoding: $0, as: UTF8.self).replacingOccurrences(of: Self.fromHash, with: Self.toHash).utf8)
      }
      #expect(moved.contents == expectedContents, "contents of \(String(decoding: path, as: UTF8.self))")
    }
    #expect(after.entries[Array("abs-link".utf8)]?.linkTarget == Array((to + "/bin/hello").utf8))
    #expect(after.entries[Array("rel-link".utf8)]?.linkTarget == Array("bin/hello".utf8))
    #expect(try RawPathIO.readFile(Array((build + "/Makefile").utf8)) == Array("prefix = \(to)\n".utf8))
  }

  @Test("unequal lengths, non-store paths and existing destinations are errors")
  func invalidMoves() throws {
    let scratch = try ScratchDirectory()
    let (store, from, to) = try makeStore(scratch)
    #expect(throws: RelocationError.unequalLength(from: from, to: to + "x")) {
      try StorePathMove(from: RawPath(from), to: RawPath(to + "x"), storeDirectory: store)
    }
    let outside = scratch.appending(Self.toHash + "-hello-2.10")
    #expect(
      throws: RelocationError.notAStorePath(
        path: scratch.appending(Self.fromHash + "-hello-2.10"), storeDirectory: store)
    ) {
      try StorePathMove(
        from: RawPath(scratch.appending(Self.fromHash + "-hello-2.10")), to: RawPath(outside),
        storeDirectory: store)
    }
    #expect(throws: RelocationError.malformedPair("no-equals-sign")) {
      try StorePathMove(pair: "no-equals-sign", storeDirectory: store)
    }
    try RawPathIO.makeDirectory(Array(to.utf8))
    let move = try StorePathMove(from: RawPath(from), to: RawPath(to), storeDirectory: store)
    #expect(throws: RelocationError.destinationExists(to)) {
      try StorePathRelocator(moves: [move]).relocate()
    }
    #expect(RawPathIO.status(Array((from + "/bin/hello").utf8)) != nil)
  }
}
