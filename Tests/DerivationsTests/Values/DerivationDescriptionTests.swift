import Derivations
import Testing

/// ``DerivationDescription``, the text `phasesplit show-drv` prints.
@Suite struct DerivationDescriptionTests {
  static func derivation(environment: [(String, String)]) -> Derivation {
    Derivation(
      outputs: [
        Derivation.Output(name: "out", path: "/nix/store/aaaa-demo", hashAlgorithm: "", hash: ""),
        Derivation.Output(name: "dev", path: "", hashAlgorithm: "r:sha256", hash: ""),
      ],
      inputDerivations: [
        Derivation.InputDerivation(path: "/nix/store/bbbb-dep.drv", outputs: ["out", "lib"])
      ],
      inputSources: ["/nix/store/cccc-builder.sh"], system: "x86_64-linux", builder: "/bin/bash",
      arguments: ["-e", "/nix/store/cccc-builder.sh"],
      environment: environment.map { Derivation.EnvironmentVariable(name: $0.0, value: $0.1) })
  }

  @Test func everyValueStaysOnOneLine() {
    let text = DerivationDescription(
      path: "/nix/store/dddd-demo.drv",
      derivation: Self.derivation(environment: [("name", "demo"), ("postInstall", "echo a\necho b")])
    ).text
    let lines = text.split(separator: "\n").map(String.init)
    #expect(lines.first == "/nix/store/dddd-demo.drv")
    #expect(lines.contains("  name:    demo"))
    #expect(lines.contains("  args:    -e /nix/store/cccc-builder.sh"))
    #expect(lines.contains("    /nix/store/bbbb-dep.drv (out, lib)"))
    #expect(lines.contains("    /nix/store/cccc-builder.sh"))
    #expect(lines.contains(#"    postInstall="echo a\necho b""#))
    #expect(lines.contains { $0.hasPrefix("    dev: (path known after build)") })
  }

  @Test func structuredAttributesAreShownAsJSONNotAsTheirVariable() {
    let text = DerivationDescription(
      path: "/nix/store/eeee-demo.drv",
      derivation: Self.derivation(environment: [("__json", #"{"name":"demo","flags":["-O2"]}"#)])
    ).text
    #expect(text.contains("  structured attributes (__json):"))
    #expect(!text.contains("__json={"))
    #expect(text.contains("\"-O2\""))
  }
}
