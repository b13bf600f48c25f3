import Derivations
import NixInterface

/// The one derivation a packaging command works on, resolved from an installable.
public struct ResolvedPackage: Sendable {
  /// The `.drv` path.
  public var path: String
  /// The parsed derivation.
  public var derivation: Derivation

  /// Creates a resolved package.
  public init(path: String, derivation: Derivation) {
    self.path = path
    self.derivation = derivation
  }

  /// Resolves `spec` to exactly one derivation and reads it. A `.drv` path is read directly,
  /// without running Nix.
  ///
  /// - Throws: ``InstallableError``, ``SplitError/severalDerivations(_:)``, or the errors of
  ///   ``Derivation/read(path:)``.
  public static func resolve(_ spec: InstallableSpec, runner: NixRunner) async throws -> ResolvedPackage {
    let resolved = try await InstallableResolver(runner: runner).resolveDerivations(spec)
    guard resolved.count == 1, let package = resolved.first else {
      throw SplitError.severalDerivations(resolved.map(\.path))
    }
    return ResolvedPackage(path: package.path, derivation: package.derivation)
  }

  /// Whether the derivation is a segment written by nix-lib's `splitPhases` (it has the runner's
  /// `phasesplitSegment` attribute), so it is used as it is rather than split again.
  public var isSegment: Bool { derivation.attribute("phasesplitSegment") != nil }
}
