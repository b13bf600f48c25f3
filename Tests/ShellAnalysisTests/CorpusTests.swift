import ShellAnalysis
import Testing

/// The analyser against a corpus of real-world-shaped phase scripts with exact expectations.
struct CorpusTests {
  @Test func corpusLoadsAndIsLargeEnough() throws {
    let cases = try CorpusCase.loadAll()
    #expect(cases.count >= 40)
    #expect(cases.count == CorpusCase.all.count)
  }

  @Test(arguments: CorpusCase.all)
  func analysisMatchesExpectation(_ corpusCase: CorpusCase) {
    let expected = corpusCase.expectation
    let analysis = ScriptAnalyzer.analyze(
      corpusCase.script, outputNames: expected.outputNames,
      associativeArrays: expected.associativeArrays ?? [])
    #expect(analysis.reads == expected.reads)
    #expect(analysis.writes == expected.writes)
    #expect(analysis.functionsDefined == expected.functionsDefined)
    #expect(analysis.commandsCalled == expected.commandsCalled)
    #expect(analysis.changesDirectory == expected.changesDirectory)
    #expect(analysis.outputsUsed == expected.outputsUsed)
    #expect(analysis.readsSource == expected.readsSource)
    let uncertainties = analysis.uncertainties.map { uncertainty in
      CorpusCase.Expectation.ExpectedUncertainty(
        kind: uncertainty.kind.rawValue, line: uncertainty.position.line, column: uncertainty.position.column)
    }
    #expect(uncertainties == expected.uncertainties)
    #expect(analysis.isCertain == expected.uncertainties.isEmpty)
  }
}
