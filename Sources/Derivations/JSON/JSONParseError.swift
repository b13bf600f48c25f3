/// Text that is not valid JSON.
public struct JSONParseError: Error, Sendable, Equatable, CustomStringConvertible {
  /// The zero-based byte offset of the problem.
  public var offset: Int
  /// What was wrong.
  public var problem: String

  /// Creates an error.
  public init(offset: Int, problem: String) {
    self.offset = offset
    self.problem = problem
  }

  public var description: String { "invalid JSON at byte \(offset): \(problem)" }
}
