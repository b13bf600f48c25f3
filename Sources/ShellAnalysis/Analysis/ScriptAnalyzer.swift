/// Analyses bash phase scripts: which variables they read and write, which commands and functions
/// they use, whether they change directory, and where analysis cannot be sure.
public enum ScriptAnalyzer {
  /// The stdenv multiple-outputs variables whose indirection (`${!outputBin}`, …) names an output.
  public static let outputIndirectionVariables: Set<String> = [
    "outputBin", "outputDev", "outputLib", "outputDoc", "outputMan", "outputInfo", "outputInclude",
    "outputDevdoc", "outputDevman",
  ]

  /// Analyses `script`. `outputNames` are the derivation's outputs (`out`, `dev`, `man`, …).
  /// Never fails: what cannot be read becomes an ``Uncertainty``.
  public static func analyze(_ script: String, outputNames: [String] = ["out"]) -> ScriptAnalysis {
    analyze(script, outputNames: outputNames, associativeArrays: [])
  }

  /// Analyses `script` knowing that the variables in `associativeArrays` hold associative arrays
  /// before it runs (with `__structuredAttrs`, attribute sets become associative arrays), so their
  /// subscripts are keys, not arithmetic that reads variables.
  public static func analyze(
    _ script: String, outputNames: [String] = ["out"], associativeArrays: Set<String>
  ) -> ScriptAnalysis {
    let bytes = Array(script.utf8)
    var scanner = ScriptScanner(bytes: bytes, baseOffset: 0)
    let tokens = scanner.scanTokens(untilCloseParenthesis: false)
    var walker = ScriptWalker(outputNames: Set(outputNames))
    walker.associativeArrays = associativeArrays
    walker.walk(tokens, inSubshell: false)
    for diagnostic in scanner.diagnostics {
      walker.recordUncertainty(.unparseable, diagnostic.message, at: diagnostic.offset)
    }
    return walker.finish(positionsIn: bytes)
  }
}
