import Basics
import Foundation
import PhasesplitTestSupport
import Testing

@Suite struct FileDescriptorIOTests {
  /// Runs `body` with a descriptor open for reading and writing on a new file holding `contents`.
  func withScratchFile(contents: [UInt8], _ body: (Int32) throws -> Void) throws {
    let directory = try TemporaryDirectory.make("basics-io")
    defer { try? FileManager.default.removeItem(at: directory) }
    let path = directory.path + "/file"
    try Data(contents).write(to: URL(fileURLWithPath: path))
    let descriptor = open(path, O_RDWR | O_CLOEXEC)
    try #require(descriptor >= 0)
    defer { close(descriptor) }
    try body(descriptor)
  }

  @Test func positionalWriteAndReadRoundTripAtAnOffset() throws {
    let original = (0..<300_000).map { UInt8(truncatingIfNeeded: $0 &* 13) }
    try withScratchFile(contents: original) { descriptor in
      let offset: Int64 = 100_003
      let patch = (0..<150_000).map { UInt8(truncatingIfNeeded: $0 &* 7 &+ 1) }
      let code = patch.withUnsafeBytes {
        FileDescriptorIO.writeAll(descriptor, $0.baseAddress!, count: $0.count, at: offset)
      }
      #expect(code == 0)
      var readBack = [UInt8](repeating: 0, count: patch.count)
      let count = readBack.withUnsafeMutableBytes {
        FileDescriptorIO.readFully(descriptor, $0.baseAddress!, count: $0.count, at: offset)
      }
      #expect(count == patch.count)
      #expect(readBack == patch)
      // The bytes around the patch are untouched, and the file offset is still at the start.
      var expected = original
      expected.replaceSubrange(Int(offset)..<Int(offset) + patch.count, with: patch)
      var whole = [UInt8](repeating: 0, count: original.count + 10)
      let total = whole.withUnsafeMutableBytes {
        FileDescriptorIO.readFully(descriptor, $0.baseAddress!, count: $0.count)
      }
      #expect(total == original.count)
      #expect(Array(whole[0..<total]) == expected)
    }
  }

  @Test func aPositionalReadPastTheEndReturnsTheShortCount() throws {
    let contents = Array("0123456789".utf8)
    try withScratchFile(contents: contents) { descriptor in
      var buffer = [UInt8](repeating: 0, count: 8)
      let count = buffer.withUnsafeMutableBytes {
        FileDescriptorIO.readFully(descriptor, $0.baseAddress!, count: $0.count, at: 6)
      }
      #expect(count == 4)
      #expect(Array(buffer[0..<4]) == Array("6789".utf8))
      let beyond = buffer.withUnsafeMutableBytes {
        FileDescriptorIO.readFully(descriptor, $0.baseAddress!, count: $0.count, at: 50)
      }
      #expect(beyond == 0)
    }
  }

  @Test func aBadDescriptorReturnsTheErrno() {
    // -1 is never an open descriptor (a closed one could be reused by a test running in parallel).
    let descriptor: Int32 = -1
    var buffer = [UInt8](repeating: 0, count: 4)
    let read = buffer.withUnsafeMutableBytes {
      FileDescriptorIO.readFully(descriptor, $0.baseAddress!, count: $0.count, at: 0)
    }
    #expect(read == -Int(EBADF))
    let written = buffer.withUnsafeBytes {
      FileDescriptorIO.writeAll(descriptor, $0.baseAddress!, count: $0.count, at: 0)
    }
    #expect(written == EBADF)
  }
}
