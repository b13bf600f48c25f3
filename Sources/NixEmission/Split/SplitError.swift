/// Why a package could not be wrapped or split; each message says what to do next.
public enum SplitError: Error, Sendable, Equatable, CustomStringConvertible {
  /// The installable names several derivations; splitting works on one.
  case severalDerivations([String])
  /// The derivation cannot be split (the planner's reason).
  case notSplittable(packageName: String, reason: String)
  /// A wrap file could not be written.
  case cannotWrite(path: String, detail: String)
  /// The Nix library's segment names did not come back as a list of strings.
  case unexpectedSegmentNames(String)
  /// Instantiating the wrap expression gave no final segment derivation.
  case noFinalSegment(packageName: String)
  /// The phasesplit executable would need the host's loader and libraries inside the sandbox.
  case toolNotSelfContained(path: String, interpreter: String?)
  /// A garbage-collector root for the tool or the Nix library could not be made.
  case cannotRegisterRoot(link: String, detail: String)
  /// The package evaluated inside the wrap expression is not the derivation the installable
  /// resolved to (evaluated purely, as `nix build` does).
  case packageDiffers(resolved: String, wrapped: String)
  /// An `--expr` package that may hold relative paths would be written outside the working
  /// directory.
  case relativePathsElsewhere(directory: String)
  /// An incremental build was asked of, or from, an already split package (a segment `.drv`).
  case incrementalNeedsPackage(path: String)

  public var description: String {
    switch self {
    case .severalDerivations(let paths):
      "the installable names \(paths.count) derivations (\(paths.joined(separator: ", "))); "
        + "name one with -A ATTR or a single .drv path"
    case .notSplittable(let packageName, let reason):
      "cannot split \(packageName): \(reason)"
    case .cannotWrite(let path, let detail):
      "cannot write \(path): \(detail); choose another -o path"
    case .unexpectedSegmentNames(let text):
      "the written file's passthru.segmentNames is not a list of strings (\(text)); is nix-lib up to date?"
    case .noFinalSegment(let packageName):
      "splitting \(packageName) instantiated no derivation; is nix-lib up to date?"
    case .cannotRegisterRoot(let link, let detail):
      "cannot make the garbage-collector root \(link): \(detail); set PHASESPLIT_STATE_DIR to a writable directory"
    case .incrementalNeedsPackage(let path):
      "\(path) is a segment of an already split package; an incremental build (--from) needs the "
        + "package itself (its .drv or -f FILE -A ATTR), so that both versions are split the same way"
    case .toolNotSelfContained(let path, let interpreter):
      "\(path) "
        + (interpreter.map { "is loaded by \($0), outside the Nix store" } ?? "is not an ELF executable")
        + ", so segment builds could not run it in a sandbox without the host's files; build it fully "
        + "static (bash scripts/build.sh) or install phasesplit with Nix (package.nix, flake.nix), "
        + "or name such an executable in PHASESPLIT_IN_BUILD_TOOL"
    case .packageDiffers(let resolved, let wrapped):
      "the package evaluates to \(resolved) purely (as nix build) but to \(wrapped) in the split "
        + "expression, which Nix evaluates impurely (does it read builtins.getEnv?); pass --impure, "
        + "or name the package by its .drv path"
    case .relativePathsElsewhere(let directory):
      "the expression may hold relative paths, which Nix reads relative to the working directory "
        + "here but relative to the written file in \(directory); write the file into the working "
        + "directory, or use absolute paths in the expression"
    }
  }
}
