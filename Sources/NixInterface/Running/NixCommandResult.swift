/// What a Nix command that exited successfully printed.
public struct NixCommandResult: Sendable, Equatable {
  /// The program and its arguments.
  public var commandLine: [String]
  /// Everything the command wrote to standard output.
  public var standardOutput: String
  /// What the command wrote to standard error (for streamed runs, only the last lines).
  public var standardError: String

  /// Creates a result.
  public init(commandLine: [String], standardOutput: String, standardError: String) {
    self.commandLine = commandLine
    self.standardOutput = standardOutput
    self.standardError = standardError
  }

  /// The non-empty lines of standard output.
  public var outputLines: [String] {
    standardOutput.split(separator: "\n").map(String.init).filter { !$0.isEmpty }
  }
}
