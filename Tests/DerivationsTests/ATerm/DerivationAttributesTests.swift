import Derivations
import PhasesplitTestSupport
import Testing

/// The attribute view of real `.drv` files written by Nix, with and without structured attributes.
@Suite(.tags(.nix), .requiresNix) struct DerivationAttributesTests {
  @Test func plainAttributesAreTheEnvironmentWithoutOutputsPlusArgs() async throws {
    let path = try await NixFixture.instantiate(
      NixFixture.derivationExpression(
        name: "view-\(NixFixture.uniqueToken())",
        attributes: #"outputs = [ "out" "dev" ]; flags = [ "a" "b c" ];"#,
        script: "echo hi > $out"))
    let attributes = try Derivation.read(path: path).attributes
    #expect(!attributes.usesStructuredAttributes)
    #expect(!attributes.attributeNames.contains("out") && !attributes.attributeNames.contains("dev"))
    #expect(attributes.attributeNames.last == "args")
    #expect(attributes["args"] == .json(.array([.string("-c"), .string("echo hi > $out")])))
    #expect(attributes.builderArguments == ["-c", "echo hi > $out"])
    // Nix joins a list with spaces in the environment
    #expect(attributes["flags"] == .string("a b c"))
    #expect(attributes.text("outputs") == "out dev")
    #expect(attributes["out"] == nil && attributes.text("missing") == nil)
    #expect(attributes.associativeArrayAttributes.isEmpty)
  }

  @Test func structuredAttributesAreTheParsedJSON() async throws {
    let path = try await NixFixture.instantiate(
      NixFixture.derivationExpression(
        name: "view-structured-\(NixFixture.uniqueToken())",
        attributes: """
          __structuredAttrs = true;
          flags = [ "a" "b c" ];
          settings = { key = "v"; };
          count = 3;
          """))
    let derivation = try Derivation.read(path: path)
    let attributes = derivation.attributes
    #expect(attributes.usesStructuredAttributes)
    #expect(
      Set(attributes.attributeNames).isSuperset(of: [
        "flags", "settings", "count", "name", "__structuredAttrs",
      ]))
    #expect(!attributes.attributeNames.contains("__json") && !attributes.attributeNames.contains("out"))
    #expect(attributes["__structuredAttrs"] == .json(.bool(true)))
    #expect(attributes["flags"]?.words == ["a", "b c"])
    #expect(attributes.text("flags") == #"["a","b c"]"#)
    #expect(attributes.text("name") == derivation.name)
    #expect(attributes.text("count") == "3")
    #expect(attributes.associativeArrayAttributes == ["settings"])
    #expect(attributes.map(\.name) == attributes.attributeNames)
  }
}
