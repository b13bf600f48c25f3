import Basics

/// A Nix command that could not be run or did not succeed.
///
/// The description shows the command line, what happened and the last lines Nix wrote to
/// standard error, which carry Nix's own explanation (`error: attribute 'x' missing`, a build
/// log's tail, …).
public struct NixCommandError: Error, Sendable, Equatable, CustomStringConvertible {
  /// What went wrong.
  public enum Reason: Sendable, Equatable {
    /// The program could not be started (e.g. not installed or not on `PATH`).
    case couldNotStart(String)
    /// The program exited with this non-zero status.
    case exited(Int32)
    /// The program was killed by this signal.
    case signalled(Int32)
    /// The program succeeded but printed something phasesplit did not expect.
    case unexpectedOutput(String)
  }

  /// How many trailing standard-error lines are kept.
  public static let keptStandardErrorLines = 25

  /// The program and its arguments.
  public var commandLine: [String]
  /// What went wrong.
  public var reason: Reason
  /// The last lines the command wrote to standard error.
  public var standardErrorTail: [String]

  /// Creates an error.
  public init(commandLine: [String], reason: Reason, standardErrorTail: [String]) {
    self.commandLine = commandLine
    self.reason = reason
    self.standardErrorTail = standardErrorTail
  }

  /// The lines of `standardErrorTail` that start with `error:` and what follows them: Nix's own
  /// explanation without warnings and trace noise before it.
  public var nixErrorMessage: String? {
    guard let start = standardErrorTail.firstIndex(where: { $0.hasPrefix("error:") }) else { return nil }
    return standardErrorTail[start...].joined(separator: "\n")
  }

  public var description: String {
    let command = ShellQuoting.commandLine(commandLine)
    var text: String
    switch reason {
    case .couldNotStart(let detail):
      text = "could not run `\(command)`: \(detail). Is Nix installed and on PATH?"
    case .exited(let status):
      text = "`\(command)` failed with exit status \(status)"
    case .signalled(let signal):
      text = "`\(command)` was killed by signal \(signal)"
    case .unexpectedOutput(let detail):
      text = "`\(command)` printed unexpected output: \(detail)"
    }
    if !standardErrorTail.isEmpty {
      text +=
        "\nlast lines of its standard error:\n" + standardErrorTail.map { "  " + $0 }.joined(separator: "\n")
    }
    return text
  }
}
