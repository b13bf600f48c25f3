import Derivations
import Foundation
import NixEmission
import NixInterface
import PhasesplitTestSupport
import Testing

/// `phasesplit show-drv` against real derivations and `nix show-derivation`.
@Suite(
  .tags(.nix), .requiresNix,
  .enabled(if: (try? TestPackage.tool()) != nil, "needs the built phasesplit executable"))
struct ShowDerivationCommandTests {
  /// Runs the built tool with the project's Nix settings.
  private func phasesplit(_ arguments: [String]) throws -> CommandResult {
    try CommandRunner.withNixSettings.phasesplit(arguments)
  }

  /// Expressions covering every output kind, structured attributes and escapes.
  static func expressions(token: String) -> [String] {
    [
      NixFixture.derivationExpression(
        name: "show-plain-\(token)",
        attributes: "weird = \(NixSyntax.stringLiteral("q\" b\\ n\n t\t c\u{01} d\u{7F} ü😀"));"
      ),
      NixFixture.derivationExpression(
        name: "show-multi-\(token)", attributes: #"outputs = [ "out" "dev" ];"#),
      NixFixture.derivationExpression(
        name: "show-structured-\(token)",
        attributes: "__structuredAttrs = true; nested = { a = [ 1 2.5 \"x\\n\" ]; };"
      ),
      NixFixture.derivationExpression(
        name: "show-fixed-\(token)",
        attributes:
          #"outputHashMode = "recursive"; outputHashAlgo = "sha256"; outputHash = "0000000000000000000000000000000000000000000000000000";"#
      ),
      NixFixture.derivationExpression(
        name: "show-floating-\(token)",
        attributes: #"__contentAddressed = true; outputHashMode = "recursive"; outputHashAlgo = "sha256";"#
      ),
    ]
  }

  @Test func jsonMatchesNixShowDerivation() async throws {
    let token = NixFixture.uniqueToken()
    for expression in Self.expressions(token: token) {
      let path = try await NixFixture.instantiate(expression)
      let ours = try phasesplit(["show-drv", path, "--json"])
      #expect(ours.status == 0, "\(ours.standardError)")
      let nix = try CommandRunner.withNixSettings.run("nix", ["show-derivation", path])
      #expect(nix.status == 0, "\(nix.standardError)")
      #expect(ours.standardOutput == nix.standardOutput, "\(path)")
    }
  }

  @Test func textForAFileAttribute() throws {
    let token = NixFixture.uniqueToken()
    let file = try NixFixture.writeFile(
      named: "show.nix",
      contents:
        "{ suffix }: { pkg = \(NixFixture.derivationExpression(name: "show-text-\(token)-${suffix}", attributes: #"outputs = [ "out" "lib" ];"#)); }"
    )
    let run = try phasesplit(["show-drv", "-f", file, "-A", "pkg", "--argstr", "suffix", "s"])
    #expect(run.status == 0, "\(run.standardError)")
    #expect(run.standardOutput.contains("name:    show-text-\(token)-s"))
    #expect(run.standardOutput.contains("    lib: /nix/store/"))
    #expect(run.standardOutput.contains("builder: /bin/sh"))
  }

  @Test func errorsNameTheProblem() throws {
    let file = try NixFixture.writeFile(named: "show.nix", contents: "{ }")
    let missing = try phasesplit(["show-drv", "-f", file, "-A", "nope"])
    #expect(missing.status != 0)
    #expect(missing.standardError.contains("attribute 'nope'"), "\(missing.standardError)")
    let none = try phasesplit(["show-drv"])
    #expect(none.status != 0)
    // Without a path or -f, the file is ./default.nix, as for nix-build (none in the package root).
    #expect(none.standardError.contains("default.nix does not exist"), "\(none.standardError)")
    let odd = try phasesplit(["show-drv", "-f", file, "--arg", "x"])
    #expect(odd.status != 0)
    #expect(odd.standardError.contains("--arg takes two words"), "\(odd.standardError)")
  }
}
