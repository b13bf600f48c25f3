import NixInterface

/// Errors of `build`, `explain` and `enter`. Each message says what went wrong and what to do.
public enum BuildSessionError: Error, Equatable, CustomStringConvertible {
  /// A command could not be started at all (the `enter` shell).
  case commandFailedToStart(commandLine: [String], reason: String)
  /// A Nix command failed or printed something phasesplit could not read.
  case nix(NixCommandError)
  /// A `.drv` file of the package's closure could not be read.
  case unreadableDerivation(path: String, detail: String)
  /// The installable's derivation is a segment but not the final segment of a split package.
  case notSplit(derivationPath: String, name: String)
  /// `--segment` named a segment the chain does not have.
  case unknownSegment(name: String, valid: [String])
  /// `--phase` named a phase no segment runs.
  case unknownPhase(name: String, valid: [String])
  /// `enter` was asked for the first segment, which has no earlier archive to start from.
  case nothingBefore(segment: String)
  /// `enter` without `--segment`/`--phase` found no failed segment to enter.
  case noFailedSegment(packageName: String)
  /// `enter` without `--segment`/`--phase` found no segment built yet.
  case nothingBuilt(packageName: String)
  /// `enter --segment` named the final segment, after which there is no state to enter.
  case nothingAfterFinal(segment: String, firstPhase: String?, previous: String?)
  /// The environment cannot provide what `enter` needs (mount namespaces, a tool).
  case enterUnavailable(reason: String)
  /// A file phasesplit needs (nix-lib, an archive) is missing.
  case missingFile(path: String, hint: String)
  /// The segments' garbage-collector roots could not be written.
  case cannotRegisterRoots(directory: String, detail: String)

  public var description: String {
    switch self {
    case .cannotRegisterRoots(let directory, let detail):
      return
        "cannot write the segments' garbage-collector roots in \(directory): \(detail). Set "
        + "\(StateDirectory.variable) to a writable directory, or pass --no-segment-roots."
    case .commandFailedToStart(let commandLine, let reason):
      return "could not run `\(commandLine.joined(separator: " "))`: \(reason). Is it installed and on PATH?"
    case .nix(let error):
      // A failed build (enter building the segments it needs): name the command for its whole log.
      let failed = error.standardErrorTail.lazy.compactMap {
        BuildTracker.failedDerivation(in: NixLogLineParser.removingANSIEscapes($0))
      }.first
      return error.description
        + (failed.map { "\nFull log:\n  " + BuildFailureReport.logCommand(for: $0) } ?? "")
    case .unreadableDerivation(let path, let detail):
      return "cannot read the derivation \(path): \(detail). Re-instantiate the package."
    case .notSplit(let path, let name):
      return
        "\(path) (\(name)) is not a split package: it is a segment without `\(name)-seg-…` input "
        + "segments. Give the final segment's .drv, or the unsplit package's .drv or -f FILE -A ATTR."
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
    case .nothingBuilt(let packageName):
      return
        "no segment of \(packageName) is built yet, so there is no saved state to enter. Build it first "
        + "(`phasesplit build` stops at the failing segment, which enter then opens by default), or name a "
        + "segment with --segment NAME: enter builds the segments up to it."
    case .nothingAfterFinal(let segment, let firstPhase, let previous):
      var text =
        "`\(segment)` is the final segment: its result is the package itself, not a saved build state, so "
        + "there is nothing after it to enter."
      if let firstPhase, let previous {
        text += " To enter before its phases, use --phase \(firstPhase) (the same as --segment \(previous))."
      }
      return text
    case .enterUnavailable(let reason):
      return "cannot enter a segment here: \(reason)"
    case .missingFile(let path, let hint):
      return "\(path) does not exist: \(hint)"
    }
  }
}
