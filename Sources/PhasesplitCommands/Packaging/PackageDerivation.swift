import Derivations
import NixInterface

/// The one derivation a packaging command works on, resolved from its installable options.
struct PackageDerivation {
  /// The `.drv` path.
  var path: String
  /// The parsed derivation.
  var derivation: Derivation

  /// Resolves `spec` to exactly one derivation and reads it. A `.drv` path is read directly,
  /// without running Nix.
  static func resolve(_ spec: InstallableSpec, runner: NixRunner) async throws -> PackageDerivation {
    let paths: [String]
    if case .path(let path) = spec, path.hasSuffix(".drv") {
      paths = [path]
    } else {
      paths = try await InstallableResolver(runner: runner).resolve(spec)
    }
    guard paths.count == 1, let path = paths.first else {
      throw PackagingCommandError.severalDerivations(paths)
    }
    return PackageDerivation(path: path, derivation: try Derivation.read(path: path))
  }
}
