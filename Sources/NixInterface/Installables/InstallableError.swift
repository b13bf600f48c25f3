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
    }
  }
}
