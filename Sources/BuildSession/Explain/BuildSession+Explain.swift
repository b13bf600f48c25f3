import NixEmission

extension BuildSession {
  /// Explains which segments of `package` are reused from the `older` build and why the others
  /// are rebuilt, splitting either on the fly as needed (see ``finalSegmentDerivation(of:)``;
  /// the older build usually comes from ``SplitPackageRequest/olderBuild(against:)``).
  public func explain(
    _ package: SplitPackageRequest, againstOlder older: SplitPackageRequest
  ) async throws -> ExplainReport {
    let current = try await finalSegmentDerivation(of: package)
    let olderPath = try await finalSegmentDerivation(of: older)
    return try await explain(finalDerivationPath: current, againstOlder: olderPath)
  }

  /// Explains which segments of the split package `finalDerivationPath` are reused from the
  /// older split build `olderFinalDerivationPath` and why the others are rebuilt.
  public func explain(
    finalDerivationPath: String, againstOlder olderFinalDerivationPath: String
  ) async throws(BuildSessionError) -> ExplainReport {
    let (currentChain, currentGraph) = try await chainAndGraph(finalDerivationPath: finalDerivationPath)
    let older = try await chainAndGraph(finalDerivationPath: olderFinalDerivationPath)
    let comparison = SegmentComparison(current: (currentChain, currentGraph), older: older)
    var report = ExplainReport(
      package: currentChain.packageName, derivation: finalDerivationPath,
      oldDerivation: olderFinalDerivationPath,
      explanations: comparison.explain())
    report.incremental = IncrementalExplanation.find(in: currentChain, graph: currentGraph)
    return report
  }
}
