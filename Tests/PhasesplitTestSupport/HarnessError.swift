/// Why the integration harness could not run a step; each case says what to do next.
public enum HarnessError: Error, CustomStringConvertible {
  /// No statically linked phasesplit executable to give the segment builds.
  case toolMissing(searched: [String])
  /// A Nix command failed where the test needed it to succeed.
  case commandFailed(CommandResult)
  /// A Nix command printed something the harness could not read.
  case unexpectedOutput(command: String, output: String)

  public var description: String {
    switch self {
    case .toolMissing(let searched):
      return "no phasesplit executable at \(searched.joined(separator: " or ")); build it with "
        + "`bash scripts/build.sh` or set PHASESPLIT_TEST_TOOL "
        + "(it must be fully static: segment builds run it in the Nix sandbox)"
    case .commandFailed(let result):
      return result.failureSummary
    case .unexpectedOutput(let command, let output):
      return "could not read the output of `\(command)`: \(output.prefix(2000))"
    }
  }
}
