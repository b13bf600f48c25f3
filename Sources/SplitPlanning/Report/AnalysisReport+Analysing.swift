extension AnalysisReport {
  /// Analyses a derivation's attributes (read from `derivationPath`): the report of the analysis,
  /// or, when the derivation cannot be split, the report of the refusal (``splittable`` false).
  ///
  /// - Throws: ``PlanningError`` other than ``PlanningError/notSplittable(_:)`` (an unknown
  ///   boundary, say).
  public init(
    analysing attributes: some AttributeSource, derivationPath: String?, boundaries: [Boundary],
    table: AttributePhaseTable, lateAttributes: LateAttributes = LateAttributes()
  ) throws(PlanningError) {
    do {
      let analysis = try SplitAnalysis(
        attributes: attributes, boundaries: boundaries, table: table, lateAttributes: lateAttributes)
      self.init(analysis: analysis, derivationPath: derivationPath)
    } catch {
      guard case .notSplittable(let refusal) = error else { throw error }
      let outputs = attributes.words("outputs")
      self.init(
        refusal: refusal, packageName: attributes.shellString("name") ?? "",
        outputs: outputs.isEmpty ? ["out"] : outputs, derivationPath: derivationPath)
    }
  }
}
