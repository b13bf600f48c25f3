/// The outcome of a finished external command.
public struct CommandResult: Sendable {
  /// The command line that ran, for messages.
  public var commandLine: [String]
  /// The exit status (or 128 + signal number when killed by a signal).
  public var status: Int32
  /// Everything the command wrote to stdout.
  public var standardOutput: String
  /// Everything the command wrote to stderr (empty when stderr was streamed to a callback).
  public var standardError: String

  /// The last `count` lines of stderr, for error messages.
  public func standardErrorTail(_ count: Int = 20) -> String {
    standardError.split(separator: "\n", omittingEmptySubsequences: false).suffix(count)
      .joined(separator: "\n")
  }
}
