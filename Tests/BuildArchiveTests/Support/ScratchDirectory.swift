import Basics
import Foundation
import PhasesplitTestSupport

/// A unique temporary directory for one test, removed when the value is released.
final class ScratchDirectory {
  let path: String

  init() throws {
    var template = Array((NSTemporaryDirectory() + "/buildarchive-test-XXXXXX").utf8CString)
    guard let made = template.withUnsafeMutableBufferPointer({ mkdtemp($0.baseAddress!) }) else {
      throw POSIXError(.init(rawValue: errno) ?? .EIO)
    }
    path = String(cString: made)
  }

  deinit {
    // Make read-only directories writable so the whole tree can be removed.
    _ = try? CommandRunner.plain.run("/bin/chmod", ["-R", "u+rwx", path])
    try? FileManager.default.removeItem(atPath: path)
  }

  /// `path/relative`.
  func appending(_ relative: String) -> String { path + "/" + relative }
}
