import ShellAnalysis
import Testing

/// Focused checks of individual analysis rules.
struct ScriptAnalyzerTests {
  @Test func assignmentsAndExpansions() {
    let analysis = ScriptAnalyzer.analyze(#"x=$y; z+="${w:-$v}"; echo "$(basename "$src")" > $out/log"#)
    #expect(analysis.writes == ["x", "z"])
    #expect(analysis.reads == ["y", "z", "w", "v", "src", "out"])
    #expect(analysis.commandsCalled == ["echo", "basename"])
    #expect(analysis.outputsUsed == ["out"])
    #expect(analysis.readsSource)
    #expect(analysis.isCertain)
  }
}
