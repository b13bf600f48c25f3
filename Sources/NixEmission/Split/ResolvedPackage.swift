import Derivations
import NixInterface
import SplitPlanning

/// The one derivation a packaging command works on, resolved from an installable.
public struct ResolvedPackage: Sendable {
  /// The `.drv` path.
  public var path: String
  /// The parsed derivation.
  public var derivation: Derivation
  /// For a flake installable: the locked flake and the attribute path the package was found at.
  public var flake: LockedFlakeAttribute?

  /// Creates a resolved package.
  public init(path: String, derivation: Derivation, flake: LockedFlakeAttribute? = nil) {
    self.path = path
    self.derivation = derivation
    self.flake = flake
  }

  /// Resolves `spec` to exactly one derivation and reads it. A `.drv` path is read directly,
  /// without running Nix.
  ///
  /// - Throws: ``InstallableError``, ``SplitError/severalDerivations(_:)``, or the errors of
  ///   ``Derivation/read(path:)``.
  public static func resolve(_ spec: InstallableSpec, runner: NixRunner) async throws -> ResolvedPackage {
    if case .flake(let flake) = spec {
      let locked = try await InstallableResolver(runner: runner).resolve(flake: flake)
      return ResolvedPackage(
        path: locked.derivationPath, derivation: try Derivation.read(path: locked.derivationPath),
        flake: locked)
    }
    let resolved = try await InstallableResolver(runner: runner).resolveDerivations(spec)
    guard resolved.count == 1, let package = resolved.first else {
      throw SplitError.severalDerivations(resolved.map(\.path))
    }
    return ResolvedPackage(path: package.path, derivation: package.derivation)
  }

  /// Whether the derivation is a segment written by nix-lib's `splitPhases` (it has the runner's
  /// `phasesplitSegment` attribute), so it is used as it is rather than split again.
  public var isSegment: Bool { derivation.attributes[SegmentContract.RunnerAttribute.segment] != nil }
}
