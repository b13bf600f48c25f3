/// Errors of `build`, `explain` and `enter`. Each message says what went wrong and what to do.
public enum BuildSessionError: Error, Equatable, CustomStringConvertible {
  /// An external command could not be started at all.
  case commandFailedToStart(commandLine: [String], reason: String)
  /// An external command exited with a non-zero status.
  case commandFailed(commandLine: [String], status: Int32, standardErrorTail: String)
  /// Nix printed something phasesplit could not read.
  case unreadableNixOutput(commandLine: [String], detail: String)
  /// The installable's derivation is not the final segment of a split package.
  case notSplit(derivationPath: String, name: String)
  /// `--segment` named a segment the chain does not have.
  case unknownSegment(name: String, valid: [String])
  /// `--phase` named a phase no segment runs.
  case unknownPhase(name: String, valid: [String])
  /// `enter` was asked for the first segment, which has no earlier archive to start from.
  case nothingBefore(segment: String)
  /// `enter` without `--segment`/`--phase` found no failed segment to enter.
  case noFailedSegment(packageName: String)
  /// The environment cannot provide what `enter` needs (mount namespaces, a tool).
  case enterUnavailable(reason: String)
  /// Evaluating (and splitting) the package failed; `nixError` is Nix's message.
  case evaluationFailed(package: String, nixError: String)
  /// A file phasesplit needs (nix-lib, an archive) is missing.
  case missingFile(path: String, hint: String)

  public var description: String {
    switch self {
    case .commandFailedToStart(let commandLine, let reason):
      return "could not run `\(commandLine.joined(separator: " "))`: \(reason). Is it installed and on PATH?"
    case .commandFailed(let commandLine, let status, let tail):
      return "`\(commandLine.joined(separator: " "))` failed with exit status \(status):\n\(tail)"
    case .unreadableNixOutput(let commandLine, let detail):
      return "could not read the output of `\(commandLine.joined(separator: " "))`: \(detail)"
    case .notSplit(let path, let name):
      return
        "\(path) (\(name)) is not a split package: it has no `\(name)-seg-…` input segments. Build the "
        + "wrapped package (`phasesplit wrap … -o split.nix`, then `phasesplit build -f split.nix`)."
    case .unknownSegment(let name, let valid):
      return "no segment named `\(name)`; this package's segments are: \(valid.joined(separator: ", "))"
    case .unknownPhase(let name, let valid):
      return "no segment runs phase `\(name)`; the phases are: \(valid.joined(separator: ", "))"
    case .nothingBefore(let segment):
      return
        "segment `\(segment)` is the first one: there is no earlier archive to enter. Use `nix-shell` on "
        + "the package instead, or name a later segment."
    case .noFailedSegment(let packageName):
      return
        "no segment of \(packageName) has failed, so there is nothing to enter by default; name one with "
        + "--segment NAME or --phase NAME."
    case .enterUnavailable(let reason):
      return "cannot enter a segment here: \(reason)"
    case .evaluationFailed(let package, let nixError):
      return "cannot evaluate and split \(package):\n\(nixError)"
    case .missingFile(let path, let hint):
      return "\(path) does not exist: \(hint)"
    }
  }
}
