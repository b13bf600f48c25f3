import NixInterface
import Testing

/// ``InstallableSpec/replacingArguments(_:)``, which names `explain`'s older build.
@Suite struct InstallableSpecTests {
  @Test func replacementsTakeThePlaceOfArgumentsOfEitherKind() {
    let spec = InstallableSpec.file(
      "pkgs.nix", attribute: "hello",
      arguments: [
        NixArgument(name: "version", value: .string("1")),
        NixArgument(name: "flags", value: .expression("[ ]")),
        NixArgument(name: "salt", value: .string("x")),
      ])
    let older = spec.replacingArguments([
      NixArgument(name: "version", value: .expression("2")),
      NixArgument(name: "extra", value: .string("y")),
    ])
    #expect(
      older
        == .file(
          "pkgs.nix", attribute: "hello",
          arguments: [
            NixArgument(name: "flags", value: .expression("[ ]")),
            NixArgument(name: "salt", value: .string("x")),
            NixArgument(name: "version", value: .expression("2")),
            NixArgument(name: "extra", value: .string("y")),
          ]))
  }

  @Test func aStorePathIsUnchanged() {
    let spec = InstallableSpec.path("/nix/store/aaaa-x.drv")
    #expect(spec.replacingArguments([NixArgument(name: "a", value: .string("b"))]) == spec)
  }
}
