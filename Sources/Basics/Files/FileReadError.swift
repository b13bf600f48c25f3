/// A file could not be read (``FileContents``).
public struct FileReadError: Error, Sendable, Equatable, CustomStringConvertible {
  /// The file's path (bytes that are not UTF-8 shown as U+FFFD).
  public var path: String
  /// The call that failed: `open` or `read`.
  public var operation: String
  /// The `errno` value the system reported.
  public var errorNumber: Int32

  /// Creates an error.
  public init(path: String, operation: String, errorNumber: Int32) {
    self.path = path
    self.operation = operation
    self.errorNumber = errorNumber
  }

  public var description: String {
    "cannot read \(path) (\(operation) failed): \(SystemErrorText.describe(errorNumber)). "
      + "Check that the path exists and is readable."
  }
}
