import Foundation
import PhasesplitTestSupport
import Testing

/// The shell state a phase leaves (variables of every kind, unset variables, functions, shell
/// options) reaches the later phases across segment boundaries, as in the unsplit build.
@Suite("shell state crosses segments", .tags(.nix), .requiresNix, .timeLimit(.minutes(10)))
struct ShellStateTests {
  /// plainMake with a configure hook that changes the shell state and a postInstall that
  /// records what it sees into the output.
  static let overrides = #"""
    {
      pname = "state-carry";
      laterUnset = "still set";
      preConfigure = ''
        shopt -s extglob
        declare -gA stateTable=([key]="value with space")
        stateList=(one "two three")
        unset laterUnset
        stateFunction() { echo "function from configure"; }
      '';
      postInstall = ''
        mkdir -p "$out/share"
        {
          if shopt -q extglob; then echo extglob-on; else echo extglob-off; fi
          echo "''${stateTable[key]}"
          echo "''${stateList[1]}"
          echo "''${laterUnset-was unset}"
          stateFunction
        } > "$out/share/state"
      '';
    }
    """#

  @Test("variables, arrays, unsets, functions and shell options set in configure reach install")
  func configureStateReachesInstall() throws {
    let harness = try NixHarness.make()
    defer { harness.cleanUp() }
    let request = SplitRequest(fixture: "plainMake", attributeOverrides: Self.overrides)
    let unsplit = try harness.instantiate("unsplit", request)
    let split = try harness.instantiate("split", request)
    for derivation in [unsplit, split] {
      let build = try harness.realise(derivation)
      try #require(build.succeeded, Comment(rawValue: build.failureSummary))
    }
    let output = try #require(try harness.outputPaths(split)["out"])
    let recorded = try String(contentsOfFile: output + "/share/state", encoding: .utf8)
    #expect(
      recorded == "extglob-on\nvalue with space\ntwo three\nwas unset\nfunction from configure\n")
    let differences = try OutputComparison.differences(
      split: harness.outputPaths(split), unsplit: harness.outputPaths(unsplit), harness: harness)
    #expect(differences.isEmpty, "\(differences)")
  }
}
