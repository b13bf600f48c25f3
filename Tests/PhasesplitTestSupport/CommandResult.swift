import Foundation

/// What a finished command printed and how it ended.
public struct CommandResult: Sendable {
  /// The command line, for messages.
  public let commandLine: String
  public let status: Int32
  public let standardOutput: String
  public let standardError: String

  public var succeeded: Bool { status == 0 }

  /// The non-empty lines of standard output.
  public var outputLines: [String] {
    standardOutput.split(separator: "\n").map(String.init).filter { !$0.isEmpty }
  }

  /// A summary for a failed expectation: the command, its status and the end of its stderr.
  public var failureSummary: String {
    let tail = standardError.split(separator: "\n", omittingEmptySubsequences: false).suffix(25)
    return "`\(commandLine)` exited with \(status):\n" + tail.joined(separator: "\n")
  }

  public init(commandLine: String, status: Int32, standardOutput: String, standardError: String) {
    self.commandLine = commandLine
    self.status = status
    self.standardOutput = standardOutput
    self.standardError = standardError
  }
}
