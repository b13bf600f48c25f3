import ShellAnalysis
import Testing

/// The analyser must never crash, hang or report positions outside the script, whatever the input.
struct RobustnessTests {
  /// Checks the invariants every analysis must satisfy.
  private func checkInvariants(of script: String, outputNames: [String] = ["out", "dev"]) {
    let analysis = ScriptAnalyzer.analyze(script, outputNames: outputNames)
    let length = script.utf8.count
    for uncertainty in analysis.uncertainties {
      #expect(uncertainty.position.offset >= 0 && uncertainty.position.offset <= length)
      #expect(uncertainty.position.line >= 1 && uncertainty.position.column >= 1)
      #expect(!uncertainty.reason.isEmpty)
    }
    #expect(
      analysis.uncertainties.map(\.position.offset) == analysis.uncertainties.map(\.position.offset).sorted())
    #expect(analysis.outputsUsed.isSubset(of: Set(outputNames)))
    #expect(analysis.isCertain == analysis.uncertainties.isEmpty)
  }

  @Test func everyTruncationOfEveryCorpusScript() {
    #expect(!CorpusCase.all.isEmpty)
    for corpusCase in CorpusCase.all {
      let bytes = Array(corpusCase.script.utf8)
      for length in 0...bytes.count {
        checkInvariants(of: String(decoding: bytes[0..<length], as: UTF8.self))
      }
    }
  }

  @Test(arguments: [1 as UInt64, 2, 3, 4])
  func randomBytes(seed: UInt64) {
    var generator = SplitMix64(seed: seed)
    for _ in 0..<500 {
      let length = Int.random(in: 0...300, using: &generator)
      let bytes = (0..<length).map { _ in UInt8.random(in: 0...255, using: &generator) }
      checkInvariants(of: String(decoding: bytes, as: UTF8.self))
    }
  }

  /// Characters that mean something to the lexer, so random strings hit many code paths.
  private static let shellAlphabet = Array(
    "$${}()[]'\"`\\<>|&;#\n \t=+-!@*?%:/^,abcxyz019EOF".utf8)

  @Test(arguments: [11 as UInt64, 12, 13, 14])
  func randomShellCharacters(seed: UInt64) {
    var generator = SplitMix64(seed: seed)
    for _ in 0..<1000 {
      let length = Int.random(in: 0...120, using: &generator)
      let bytes = (0..<length).map { _ in Self.shellAlphabet.randomElement(using: &generator)! }
      checkInvariants(of: String(decoding: bytes, as: UTF8.self))
    }
  }

  @Test(arguments: [
    "$(", "${", "\"$(", "$((", "((", "(", "<(", "x=(", "${x:-", "`", "\"", "{ ", "case x in a) ",
  ])
  func deepNesting(opener: String) {
    let script = String(repeating: opener, count: 5000)
    checkInvariants(of: script)
    let closed = script + String(repeating: ")", count: 5000)
    checkInvariants(of: closed)
  }

  @Test func deepNestingIsReportedAsUncertain() {
    let analysis = ScriptAnalyzer.analyze(
      String(repeating: "$(", count: 1000) + "x" + String(repeating: ")", count: 1000))
    #expect(analysis.uncertainties.contains { $0.kind == .unparseable })
  }

  @Test func emptyAndBlankScriptsAreCertain() {
    for script in ["", " ", "\n\n", "# only a comment\n", "\t \\\n"] {
      let analysis = ScriptAnalyzer.analyze(script)
      #expect(analysis == ScriptAnalysis())
    }
  }
}
