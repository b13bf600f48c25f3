import Basics

/// A file could not be read.
public struct FileReadError: Error, Sendable, Equatable, CustomStringConvertible {
  /// The file's path.
  public var path: String
  /// The `errno` value the system reported.
  public var errorNumber: Int32

  /// Creates an error.
  public init(path: String, errorNumber: Int32) {
    self.path = path
    self.errorNumber = errorNumber
  }

  public var description: String {
    let reason = String(cString: strerror(errorNumber))
    return "cannot read \(path): \(reason). Check that the path exists and is readable."
  }
}
