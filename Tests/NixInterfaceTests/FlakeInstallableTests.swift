import NixInterface
import Testing

/// How a command-line word becomes an installable, and the flake attribute paths `nix build` tries.
@Suite struct FlakeInstallableTests {
  @Test func wordsWithAHashOrASchemeAreFlakes() {
    #expect(
      InstallableSpec.named(by: ".#hello") == .flake(FlakeInstallable(reference: ".", fragment: "hello")))
    #expect(
      InstallableSpec.named(by: "path:/src/proj#lib.foo", impure: true)
        == .flake(FlakeInstallable(reference: "path:/src/proj", fragment: "lib.foo", impure: true)))
    #expect(
      InstallableSpec.named(by: "nixpkgs#hello")
        == .flake(FlakeInstallable(reference: "nixpkgs", fragment: "hello")))
    #expect(
      InstallableSpec.named(by: "git+file:///src/proj?dir=sub")
        == .flake(FlakeInstallable(reference: "git+file:///src/proj?dir=sub", fragment: "")))
  }

  @Test func storePathsAndOtherWordsArePaths() {
    #expect(InstallableSpec.named(by: "/nix/store/aaaa-x.drv") == .path("/nix/store/aaaa-x.drv"))
    #expect(InstallableSpec.named(by: "./result") == .path("./result"))
    #expect(InstallableSpec.named(by: "/nonexistent/dir") == .path("/nonexistent/dir"))
  }

  @Test func theFragmentIsPercentDecodedAndSplitAsNixSplitsAttributePaths() {
    let flake = FlakeInstallable(word: "path:/p#a.%22b.c%22.d")
    #expect(flake.reference == "path:/p")
    #expect(flake.fragment == "a.\"b.c\".d")
    #expect(FlakeInstallable.attributePath(flake.fragment) == ["a", "b.c", "d"])
    #expect(FlakeInstallable.attributePath("a..b") == ["a", "", "b"])
    #expect(flake.word == "path:/p#a.\"b.c\".d")
  }

  @Test func candidatesFollowNixBuild() {
    #expect(
      FlakeInstallable(word: ".#hello").attributePathCandidates(system: "x86_64-linux") == [
        ["packages", "x86_64-linux", "hello"], ["legacyPackages", "x86_64-linux", "hello"], ["hello"],
      ])
    #expect(
      FlakeInstallable(word: ".").attributePathCandidates(system: "aarch64-linux") == [
        ["packages", "aarch64-linux", "default"], ["defaultPackage", "aarch64-linux"],
      ])
  }

  @Test func argumentsReplaceInExpressionsButNotInFlakes() {
    let expression = InstallableSpec.expression(
      "import ./x.nix", attribute: "p", arguments: [NixArgument(name: "a", value: .string("1"))], impure: true
    )
    #expect(
      expression.replacingArguments([NixArgument(name: "a", value: .string("2"))])
        == .expression(
          "import ./x.nix", attribute: "p", arguments: [NixArgument(name: "a", value: .string("2"))],
          impure: true))
    let flake = InstallableSpec.named(by: ".#hello")
    #expect(flake.replacingArguments([NixArgument(name: "a", value: .string("2"))]) == flake)
    #expect(expression.takesArguments && !flake.takesArguments)
  }
}
