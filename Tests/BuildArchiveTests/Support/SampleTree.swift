import Basics

/// Builds a tree holding every kind of entry the archive must keep.
enum SampleTree {
  /// A name that is not valid UTF-8.
  static let invalidUTF8Name: [UInt8] = Array("bad-".utf8) + [0xFF, 0xFE] + Array(".c".utf8)
  /// A directory name long enough that paths below it exceed 255 bytes.
  static let longName = [UInt8](repeating: UInt8(ascii: "L"), count: 200)

  /// Creates the sample tree in the existing directory `root`.
  static func make(at root: String) throws {
    let base = Array(root.utf8)
    func at(_ relative: [UInt8]) -> [UInt8] { base + [UInt8(ascii: "/")] + relative }
    func at(_ relative: String) -> [UInt8] { at(Array(relative.utf8)) }
    try RawPathIO.makeDirectory(at("src"))
    try RawPathIO.makeDirectory(at("src/sub"))
    try RawPathIO.makeDirectory(at("empty"))
    try RawPathIO.makeDirectory(at("src/.hidden-dir"))
    try RawPathIO.writeFile(at(".dotfile"), Array("top dot\n".utf8))
    try RawPathIO.writeFile(at("src/.hidden-dir/.inner"), Array("inner dot\n".utf8))
    try RawPathIO.writeFile(at("src/main.c"), Array("int main(void) { return 0; }\n".utf8))
    try RawPathIO.writeFile(at("src/run.sh"), Array("#!/bin/sh\necho run\n".utf8), mode: 0o755)
    try RawPathIO.writeFile(at("src/readonly"), Array("ro\n".utf8), mode: 0o444)
    try RawPathIO.writeFile(at("src/sub/empty-file"), [])
    try RawPathIO.writeFile(at("src/sub/binary"), (0..<70_000).map { UInt8(truncatingIfNeeded: $0 &* 7919) })
    try RawPathIO.makeSymlink(at("src/link-to-main"), target: Array("main.c".utf8))
    try RawPathIO.makeSymlink(at("dangling"), target: Array("../does/not/exist".utf8))
    try RawPathIO.makeSymlink(at("absolute-link"), target: Array("/usr/include/stdio.h".utf8))
    try RawPathIO.makeSymlink(at("dir-link"), target: Array("src".utf8))
    try RawPathIO.makeHardLink(at("src/sub/hard-copy"), to: at("src/main.c"))
    try RawPathIO.makeHardLink(at("zz-second-hard-copy"), to: at("src/main.c"))
    try RawPathIO.writeFile(at(invalidUTF8Name), Array("not utf-8 name\n".utf8))
    try RawPathIO.makeDirectory(at(longName))
    let longPath = longName + [UInt8(ascii: "/")] + longName + Array(".txt".utf8)
    try RawPathIO.writeFile(at(longPath), Array("long path\n".utf8))
    let longInvalid = longName + [UInt8(ascii: "/")] + longName + [0xC3, 0x28]
    try RawPathIO.writeFile(at(longInvalid), Array("long invalid path\n".utf8))
    try RawPathIO.makeDirectory(at("readonly-dir"))
    try RawPathIO.writeFile(at("readonly-dir/kept"), Array("in read-only dir\n".utf8))
    _ = RawPathIO.withPath(at("readonly-dir")) { chmod($0, 0o555) }
  }
}
