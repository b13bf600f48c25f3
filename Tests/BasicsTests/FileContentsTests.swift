import Basics
import Foundation
import PhasesplitTestSupport
import Testing

@Suite struct FileContentsTests {
  /// Runs `body` with a fresh directory, removed afterwards.
  func withScratchDirectory(_ body: (String) throws -> Void) throws {
    let directory = try TemporaryDirectory.make("basics")
    defer { try? FileManager.default.removeItem(at: directory) }
    try body(directory.path)
  }

  @Test func readsAWholeFileLargerThanOneChunk() throws {
    try withScratchDirectory { (directory: String) throws in
      let path = directory + "/big"
      let bytes = (0..<200_000).map { UInt8(truncatingIfNeeded: $0 &* 7) }
      try Data(bytes).write(to: URL(fileURLWithPath: path))
      #expect(try FileContents.read(path: path) == bytes)
      #expect(try FileContents.read(pathBytes: Array(path.utf8), followingSymlinks: false) == bytes)
    }
  }

  @Test func readsAFileWhoseSizeTheKernelDoesNotReport() throws {
    // /proc files report size 0; the reader must read on to the end anyway.
    let status = try FileContents.read(path: "/proc/self/status")
    #expect(String(decoding: status, as: UTF8.self).contains("Pid:"))
  }

  @Test func emptyFileGivesNoBytes() throws {
    try withScratchDirectory { (directory: String) throws in
      let path = directory + "/empty"
      #expect(FileManager.default.createFile(atPath: path, contents: Data()))
      #expect(try FileContents.read(path: path).isEmpty)
    }
  }

  @Test func aSymlinkIsRefusedOnlyWhenAsked() throws {
    try withScratchDirectory { (directory: String) throws in
      try Data("target".utf8).write(to: URL(fileURLWithPath: directory + "/target"))
      try FileManager.default.createSymbolicLink(atPath: directory + "/link", withDestinationPath: "target")
      #expect(try FileContents.read(path: directory + "/link") == Array("target".utf8))
      #expect(throws: FileReadError(path: directory + "/link", operation: "open", errorNumber: ELOOP)) {
        try FileContents.read(path: directory + "/link", followingSymlinks: false)
      }
    }
  }

  @Test func aMissingFileSaysWhichAndWhy() throws {
    let path = "/nonexistent/phasesplit-\(UUID().uuidString)"
    do {
      _ = try FileContents.read(path: path)
      Issue.record("reading \(path) succeeded")
    } catch {
      #expect(error.errorNumber == ENOENT && error.operation == "open")
      #expect(error.description.contains(path) && error.description.contains("(errno \(ENOENT))"))
    }
  }
}
