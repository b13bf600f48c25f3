import NixEmission
import NixInterface
import SplitPlanning

/// What `phasesplit analyze` finds in a package.
public enum PackageAnalysis {
  /// A package phasesplit has already split (its final segment): its segments and their phases.
  case split(SplitPackageDescription)
  /// Any other package: how it would be split, or why it cannot be.
  case unsplit(AnalysisReport)
}

extension BuildSession {
  /// Analyses the package `installable` names: an already split package is described by its
  /// segment chain; any other is planned at `boundaries` with `lateAttributes`, against the
  /// attribute table of the nix-lib ``NixLibraryLocator`` finds.
  public func analyze(
    _ installable: InstallableSpec, boundaries: [Boundary], lateAttributes: LateAttributes
  ) async throws -> PackageAnalysis {
    let package = try await ResolvedPackage.resolve(installable, runner: runner)
    if package.isSegment {
      return .split(SplitPackageDescription(chain: try await chain(finalDerivationPath: package.path)))
    }
    return .unsplit(
      try AnalysisReport(
        analysing: package.derivation.attributes, derivationPath: package.path, boundaries: boundaries,
        table: try AttributePhaseTable.load(nixLibrary: try NixLibraryLocator.locate()),
        lateAttributes: lateAttributes))
  }
}
