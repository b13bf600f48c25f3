import Basics
import BuildArchive
import Foundation
import Testing

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

  @Test("hash tails before -NAME, as gcc splits string constants, are rewritten; other text is not")
  func relocateHashTails() throws {
    let scratch = try ScratchDirectory()
    let store = scratch.appending("store")
    let devFromHash = "abcdfghijklmnpqrsvwxyz0123456789"
    let devToHash = "9876543210zyxwvsrqpnmlkjihgfdcba"
    let moves = [
      (store + "/" + Self.fromHash + "-hello-2.10", store + "/" + Self.toHash + "-hello-2.10"),
      (store + "/" + devFromHash + "-hello-2.10-dev", store + "/" + devToHash + "-hello-2.10-dev"),
    ]
    try RawPathIO.makeDirectory(Array(store.utf8))
    for (from, _) in moves { try RawPathIO.makeDirectory(Array(from.utf8)) }
    // The pieces gcc -O2 emits for "<out>/lib" and "<dev>/include", a tail that spans the rewriter's
    // 1 MiB chunk boundary, and look-alikes that must stay as they are.
    let outPiece = "z-hello-2.10/lib"  // last byte of fromHash
    let devPiece = "89-hello-2.10-dev/include"  // last two bytes of devFromHash
    let lookAlikes = "q-hello-2.10 9-hello-2.10 z-hello-2.11 8-hello-2.10-dev"
    let head = moves[0].0.count - "o-2.10".count  // "<store>/<hash>-hell"
    var text = Array("\(moves[0].0.prefix(head))|\(outPiece)|\(devPiece)|\(lookAlikes)|".utf8)
    let padding = (1 << 20) - text.count - 10
    text += [UInt8](repeating: UInt8(ascii: "."), count: padding)
    text += Array("vwxyz-hello-2.10/share".utf8)
    let file = moves[0].0 + "/pieces"
    try RawPathIO.writeFile(Array(file.utf8), text)

    let relocator = try StorePathRelocator(
      moves: moves.map { try StorePathMove(from: RawPath($0.0), to: RawPath($0.1), storeDirectory: store) })
    _ = try relocator.relocate(rewritingAlso: [])

    let rewritten = try RawPathIO.readFile(Array((moves[0].1 + "/pieces").utf8))
    var expected = Array(
      "\(moves[0].1.prefix(head))|0-hello-2.10/lib|ba-hello-2.10-dev/include|\(lookAlikes)|".utf8)
    expected += [UInt8](repeating: UInt8(ascii: "."), count: padding)
    expected += Array("43210-hello-2.10/share".utf8)
    #expect(rewritten.count == expected.count)
    let firstDifference = rewritten.indices.first { $0 < expected.count && rewritten[$0] != expected[$0] }
    #expect(firstDifference == nil, "first difference at byte \(firstDifference ?? -1)")
  }

  @Test("at one position the longest pattern wins: a -NAME-dev piece is not rewritten as -NAME")
  func longestAnchorWins() throws {
    let store = "/nix/store"
    // Both FROM hashes end in "z"; the TO hashes end differently.
    let outFrom = store + "/" + Self.fromHash + "-hello-2.10"
    let outTo = store + "/" + Self.toHash + "-hello-2.10"
    let devFrom = store + "/abcdfghijklmnpqrsvwxyz012345678z-hello-2.10-dev"
    let devTo = store + "/9876543210zyxwvsrqpnmlkjihgfdcb1-hello-2.10-dev"
    let relocator = StorePathRelocator(moves: [
      try StorePathMove(from: RawPath(outFrom), to: RawPath(outTo)),
      try StorePathMove(from: RawPath(devFrom), to: RawPath(devTo)),
    ])
    let pieces = Array("z-hello-2.10/lib|z-hello-2.10-dev/include|\(outFrom)-dev".utf8)
    let expected = Array("0-hello-2.10/lib|1-hello-2.10-dev/include|\(outTo)-dev".utf8)
    #expect(relocator.rewrite(pieces) == expected)
  }

  @Test(
    "a tail piece right after a head piece is as long as the head says, even when the hash could match more")
  func tailPieceAfterHeadPiece() throws {
    let store = "/nix/store"
    // FROM's hash ends in "ls": in "…-hell" + "s-hello-2.10/lib" the `l` of "hell" also matches the
    // hash, but the head piece (whole hash, then "-hell") shows that the tail piece is just "s".
    let from = store + "/0123456789abcdfghijklmnpqrsvwxls-hello-2.10"
    let to = store + "/" + Self.toHash + "-hello-2.10"
    let relocator = StorePathRelocator(moves: [try StorePathMove(from: RawPath(from), to: RawPath(to))])
    let head = String(from.dropLast("o-2.10".count))  // "<store>/<hash>-hell"
    let pieces = Array("\(head)s-hello-2.10/lib|xls-hello-2.10/lib|".utf8)
    let expected = Array("\(to.dropLast("o-2.10".count))0-hello-2.10/lib|210-hello-2.10/lib|".utf8)
    #expect(
      String(decoding: relocator.rewrite(pieces), as: UTF8.self) == String(decoding: expected, as: UTF8.self))
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
