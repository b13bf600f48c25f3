import Foundation
import PhasesplitTestSupport
import Testing

/// Acceptance: derivations the split cannot preserve, and boundaries that cannot exist, are
/// refused at evaluation with a message that says why.
@Suite("splitPhases refuses what it cannot split", .tags(.nix), .requiresNix)
struct RefusalTests {
  @Test("a buildCommand derivation is refused")
  func buildCommandIsRefused() throws {
    let harness = try NixHarness.make()
    defer { harness.cleanUp() }
    let result = try harness.evaluateJSON("split.drvPath", SplitRequest(fixture: "buildCommandPkg"))
    #expect(!result.succeeded)
    #expect(
      result.standardError.contains("phasesplit: cannot split build-command-pkg-1.0"),
      "\(result.standardError)")
    #expect(result.standardError.contains("buildCommand"))
  }

  @Test("a derivation not built by default-builder.sh is refused")
  func foreignBuilderIsRefused() throws {
    let harness = try NixHarness.make()
    defer { harness.cleanUp() }
    let result = try harness.evaluate(
      """
      (phasesplitLib.splitPhases { } (derivation {
        name = "raw";
        system = builtins.currentSystem;
        builder = "/bin/sh";
        args = [ "-c" "echo hi > $out" ];
      })).drvPath
      """)
    #expect(!result.succeeded)
    #expect(result.standardError.contains("default-builder.sh"), "\(result.standardError)")
  }

  @Test("a boundary after install is refused, listing the valid ones", arguments: ["install", "fixup"])
  func lateBoundaryIsRefused(boundary: String) throws {
    let harness = try NixHarness.make()
    defer { harness.cleanUp() }
    let result = try harness.evaluateJSON(
      "split.drvPath", SplitRequest(fixture: "plainMake", boundaries: ["configure", boundary]))
    #expect(!result.succeeded)
    #expect(
      result.standardError.contains("unknown segment boundary \"\(boundary)\""), "\(result.standardError)")
    for valid in ["unpack", "configure", "build", "check"] {
      #expect(result.standardError.contains(valid))
    }
  }
}
