/// An installable that could not be resolved to derivations.
public enum InstallableError: Error, Sendable, Equatable, CustomStringConvertible {
  /// Nothing exists at the given path.
  case pathNotFound(String)
  /// The path is not in the Nix store (and is not a symlink into it).
  case notInStore(String, storeDirectory: String)
  /// The output path has no known deriver in the store.
  case unknownDeriver(outputPath: String)
  /// The deriver recorded for an output path is no longer in the store.
  case derivationMissing(derivationPath: String, outputPath: String)
  /// The store does not know the path (it is not valid).
  case queryFailed(path: String, NixCommandError)
  /// Evaluating or instantiating a Nix file failed; the error carries Nix's message.
  case evaluationFailed(file: String, attribute: String?, NixCommandError)
  /// The Nix file (or attribute) evaluated to no derivations.
  case noDerivations(file: String, attribute: String?)
  /// Evaluating or instantiating a Nix expression (`--expr`) failed.
  case expressionFailed(attribute: String?, impure: Bool, NixCommandError)
  /// The user's Nix configuration does not enable this experimental feature (`nix-command` or
  /// `flakes`), which flake installables need.
  case flakesNotEnabled(feature: String)
  /// The flake reference could not be fetched, locked or read (`nix flake metadata` failed).
  case flakeUnusable(reference: String, NixCommandError)
  /// None of the attribute paths `nix build` tries exists in the flake's outputs.
  case flakeAttributeMissing(installable: String, NixCommandError)
  /// Evaluating the flake's outputs failed.
  case flakeEvaluationFailed(installable: String, NixCommandError)
  /// The flake output found is not a derivation.
  case notADerivation(installable: String, attributePath: String)

  public var description: String {
    switch self {
    case .pathNotFound(let path):
      return "\(path) does not exist. Give a .drv path, an output path, or a Nix file with -f FILE."
    case .notInStore(let path, let storeDirectory):
      let hint = path.hasSuffix(".nix") ? " To use a Nix file, pass it with -f \(path)." : ""
      return "\(path) is not in the Nix store (\(storeDirectory)).\(hint)"
    case .unknownDeriver(let outputPath):
      return "the store does not know which derivation built \(outputPath) "
        + "(it may have been added with nix-store --add). Give its .drv path or Nix expression instead."
    case .derivationMissing(let derivationPath, let outputPath):
      return "\(outputPath) was built by \(derivationPath), which is no longer in the store "
        + "(garbage-collected?). Re-instantiate the expression that produced it."
    case .queryFailed(let path, let error):
      return "cannot query \(path) in the Nix store: " + (error.nixErrorMessage ?? error.description)
    case .evaluationFailed(let file, let attribute, let error):
      let target = attribute.map { "attribute '\($0)' of \(file)" } ?? file
      return "cannot instantiate \(target): " + (error.nixErrorMessage ?? error.description)
    case .noDerivations(let file, let attribute):
      let target = attribute.map { "attribute '\($0)' of \(file)" } ?? file
      return "\(target) evaluates to no derivation; select one with -A ATTR."
    case .expressionFailed(let attribute, let impure, let error):
      let target = attribute.map { "attribute '\($0)' of the expression" } ?? "the expression"
      let purity = impure ? "" : " (evaluated purely, as nix build --expr does; --impure allows more)"
      return "cannot instantiate \(target)\(purity): " + (error.nixErrorMessage ?? error.description)
    case .flakesNotEnabled(let feature):
      return "flakes are not enabled in your Nix configuration (experimental feature '\(feature)' is off): "
        + "add `experimental-features = nix-command flakes` to nix.conf or NIX_CONFIG, "
        + "or pass --option extra-experimental-features 'nix-command flakes'."
    case .flakeUnusable(let reference, let error):
      return "cannot use the flake '\(reference)': " + (error.nixErrorMessage ?? error.description)
    case .flakeAttributeMissing(let installable, let error):
      return "cannot find \(installable): " + (error.nixErrorMessage ?? error.description)
    case .flakeEvaluationFailed(let installable, let error):
      return "cannot evaluate \(installable): " + (error.nixErrorMessage ?? error.description)
    case .notADerivation(let installable, let attributePath):
      return "\(installable) (flake output \(attributePath)) is not a derivation; name a package."
    }
  }
}
