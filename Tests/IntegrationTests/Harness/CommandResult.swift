import Foundation

/// What a finished command printed and how it ended.
struct CommandResult: Sendable {
  /// The command line, for messages.
  let commandLine: String
  let status: Int32
  let standardOutput: String
  let standardError: String

  var succeeded: Bool { status == 0 }

  /// The non-empty lines of standard output.
  var outputLines: [String] {
    standardOutput.split(separator: "\n").map(String.init).filter { !$0.isEmpty }
  }

  /// A summary for a failed expectation: the command, its status and the end of its stderr.
  var failureSummary: String {
    let tail = standardError.split(separator: "\n", omittingEmptySubsequences: false).suffix(25)
    return "`\(commandLine)` exited with \(status):\n" + tail.joined(separator: "\n")
  }
}
