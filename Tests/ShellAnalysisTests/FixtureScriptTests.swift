import Foundation
import PhasesplitTestSupport
import ShellAnalysis
import Testing

/// The repository's own bash (the fixture stdenv's `setup.sh`, tool setup hooks) must lex cleanly:
/// real-world scripts exercise far more syntax than the corpus snippets.
struct FixtureScriptTests {
  /// The `fixtures` folder of this checkout.
  static let fixturesDirectory = TestPackage.fixtures

  /// Every `.sh` file under `fixtures`, relative to it.
  static let scriptPaths: [String] = {
    let enumerator = FileManager.default.enumerator(atPath: fixturesDirectory.path)
    var paths: [String] = []
    while let path = enumerator?.nextObject() as? String {
      if path.hasSuffix(".sh") { paths.append(path) }
    }
    return paths.sorted()
  }()

  @Test func fixturesContainTheStdenvSetupScript() {
    #expect(Self.scriptPaths.contains("stdenv/setup.sh"))
  }

  @Test(arguments: scriptPaths)
  func fixtureScriptParsesCleanly(path: String) throws {
    let script = try String(
      contentsOf: Self.fixturesDirectory.appendingPathComponent(path), encoding: .utf8)
    let analysis = ScriptAnalyzer.analyze(script)
    let unparseable = analysis.uncertainties.filter { $0.kind == .unparseable }
    #expect(unparseable.isEmpty, "\(path): \(unparseable)")
    #expect(!analysis.commandsCalled.isEmpty)
  }

  @Test func setupScriptAnalysis() throws {
    let script = try String(
      contentsOf: Self.fixturesDirectory.appendingPathComponent("stdenv/setup.sh"), encoding: .utf8)
    let analysis = ScriptAnalyzer.analyze(script)
    // setup.sh defines the phase functions and runs hooks through eval and indirection.
    #expect(analysis.functionsDefined.isSuperset(of: ["runHook", "genericBuild", "substituteInPlace"]))
    #expect(analysis.uncertainties.contains { $0.kind == .eval })
    #expect(analysis.uncertainties.contains { $0.kind == .indirectExpansion })
  }
}
