import ShellAnalysis
import Testing

/// Analysis must be fast enough to run on every attribute of every derivation.
struct PerformanceTests {
  /// A script of at least `size` bytes made of the corpus scripts that parse cleanly.
  static func corpusScript(ofAtLeast size: Int) -> String {
    let clean = CorpusCase.all.filter { $0.expectation.uncertainties.isEmpty }.map(\.script)
    var script = ""
    while script.utf8.count < size, !clean.isEmpty {
      for part in clean { script += part + "\n" }
    }
    return script
  }

  /// The fastest of several runs, in milliseconds (the minimum is robust against a loaded machine).
  static func fastestMilliseconds(of runs: Int, _ body: () -> Void) -> Double {
    let clock = ContinuousClock()
    var fastest = Duration.seconds(3600)
    for _ in 0..<runs {
      fastest = min(fastest, clock.measure(body))
    }
    let (seconds, attoseconds) = fastest.components
    return Double(seconds) * 1000 + Double(attoseconds) / 1e15
  }

  @Test func tenKilobyteScriptIsFast() {
    let script = Self.corpusScript(ofAtLeast: 10 * 1024)
    #expect(script.utf8.count >= 10 * 1024)
    let milliseconds = Self.fastestMilliseconds(of: 7) { _ = ScriptAnalyzer.analyze(script) }
    // Release builds take well under 1 ms; the bound leaves room for unoptimised test builds.
    #expect(milliseconds < 50, "analysing \(script.utf8.count) bytes took \(milliseconds) ms")
  }
}
