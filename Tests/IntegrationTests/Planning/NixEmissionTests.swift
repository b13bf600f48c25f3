import NixEmission
import NixInterface
import Testing

/// The Nix source `wrap` writes: literals, string context, the expression shape.
@Suite struct NixEmissionTests {
  @Test func contextIndexFindsWholeStorePathsOnly() {
    var index = InputContextIndex()
    index.addSource("/nix/store/00000000000000000000000000000000-src")
    index.addOutput(
      path: "/nix/store/11111111111111111111111111111111-tool", derivation: "/nix/store/2-tool.drv",
      output: "out")
    let text =
      "/nix/store/11111111111111111111111111111111-tool/bin:/nix/store/00000000000000000000000000000000-src-extra "
      + "/nix/store/00000000000000000000000000000000-src /nix/store/11111111111111111111111111111111-tool"
    #expect(
      index.context(of: text) == [
        .derivationOutputs(derivation: "/nix/store/2-tool.drv", outputs: ["out"]),
        .source("/nix/store/00000000000000000000000000000000-src"),
      ])
    #expect(index.context(of: "no store paths here").isEmpty)
  }

  @Test func expressionPackageCallsTheFileWithItsArguments() {
    let expression = WrapExpression(
      nixLibrary: "/opt/phase split/nix-lib", phasesplitExecutable: "/opt/bin/phasesplit",
      package: .expression(
        file: "/src/default.nix", attributePath: ["pkgs", "my pkg"],
        arguments: [
          NixArgument(name: "flag", value: .expression("true")),
          NixArgument(name: "text", value: .string("a \"b\" ${c}")),
        ]),
      boundaries: ["unpack", "build"], placement: [("myVar", ["build", "install"])], contentAddressed: true,
      origin: "test\nsecond line")
    let text = expression.text
    #expect(text.contains("import (/. + \"/opt/phase split/nix-lib\") {"))
    #expect(text.contains("phasesplit = /opt/bin/phasesplit;"))
    #expect(text.contains("function { flag = (true); text = \"a \\\"b\\\" \\${c}\"; }"))
    #expect(text.contains(").pkgs.\"my pkg\";"))
    #expect(text.contains("myVar = [ \"build\" \"install\" ];"))
    #expect(text.contains("contentAddressed = true;"))
    #expect(text.contains("# test\n# second line\n"))
  }

  @Test func valuesWithContextAndNumbersEvaluate() async throws {
    let value = NixValue.attributes([
      ("count", .number("3")), ("ratio", .number("-2.5e1")), ("on", .bool(true)), ("none", .null),
      ("items", .list([.string("a"), .attributes([("b", .string("c"))])])),
    ])
    let evaluated = try await TestPackage.nixRunner.evaluate(expression: value.rendered())
    #expect(evaluated["count"]?.integerValue == 3)
    #expect(evaluated["ratio"]?.doubleValue == -25)
    #expect(evaluated["on"] == .bool(true) && evaluated["none"] == .null)
    #expect(evaluated["items"]?.arrayValue?.count == 2)
  }
}
