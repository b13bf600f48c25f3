extension BuildSession {
  /// Explains which segments of the split package `finalDerivationPath` are reused from the
  /// older split build `olderFinalDerivationPath` and why the others are rebuilt.
  public func explain(
    finalDerivationPath: String, againstOlder olderFinalDerivationPath: String
  ) async throws(BuildSessionError) -> ExplainReport {
    let reader = DerivationGraphReader(runner: runner)
    let currentGraph = try await reader.read(finalDerivationPath)
    let olderGraph = try await reader.read(olderFinalDerivationPath)
    let currentChain = try SegmentChainReader.chain(finalPath: finalDerivationPath, graph: currentGraph)
    let olderChain = try SegmentChainReader.chain(finalPath: olderFinalDerivationPath, graph: olderGraph)
    let comparison = SegmentComparison(
      current: (currentChain, currentGraph), older: (olderChain, olderGraph))
    var report = ExplainReport(
      package: currentChain.packageName, derivation: finalDerivationPath,
      oldDerivation: olderFinalDerivationPath,
      explanations: comparison.explain())
    report.incremental = IncrementalExplanation.find(in: currentChain, graph: currentGraph)
    return report
  }
}
