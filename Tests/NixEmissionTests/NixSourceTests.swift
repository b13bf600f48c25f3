import Derivations
import Foundation
import NixEmission
import NixInterface
import PhasesplitTestSupport
import SplitPlanning
import Testing

/// The Nix source `wrap` writes: literals, string context, the expression shape.
@Suite struct NixSourceTests {
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
      nixLibrary: StoreReference(
        storePath: "/nix/store/00000000000000000000000000000000-phasesplit", subpath: "/share/nix lib"),
      phasesplitExecutable: StoreReference(
        storePath: "/nix/store/11111111111111111111111111111111-phasesplit"),
      package: .expression(
        file: "/src/default.nix", attributePath: ["pkgs", "my pkg"],
        arguments: [
          NixArgument(name: "flag", value: .expression("true")),
          NixArgument(name: "text", value: .string("a \"b\" ${c}")),
        ]),
      boundaries: ["unpack", "build"],
      lateAttributes: LateAttributes([("myVar", "build"), ("desktopItem", nil)]), contentAddressed: true,
      origin: "test\nsecond line")
    let text = expression.text
    #expect(
      text.contains(
        "import \"${builtins.storePath \"/nix/store/00000000000000000000000000000000-phasesplit\"}/share/nix lib\" {"
      ))
    #expect(
      text.contains(
        "phasesplit = (builtins.storePath \"/nix/store/11111111111111111111111111111111-phasesplit\");"))
    #expect(text.contains("function { flag = (true); text = \"a \\\"b\\\" \\${c}\"; }"))
    #expect(text.contains(").pkgs.\"my pkg\";"))
    #expect(text.contains("lateAttributes = {\n    myVar = \"build\";\n    desktopItem = \"install\";\n  };"))
    #expect(text.contains("contentAddressed = true;"))
    #expect(text.contains("# test\n# second line\n"))
  }

  /// A store reference evaluates to its path with the store path as string context; a path
  /// outside the store is added to it.
  @Test(.tags(.nix), .requiresNix) func storeReferencesEvaluateWithContext() async throws {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("phasesplit-ref-\(UUID())")
    try FileManager.default.createDirectory(
      at: directory.appendingPathComponent("sub dir"), withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: directory) }
    try "x".write(to: directory.appendingPathComponent("sub dir/file"), atomically: true, encoding: .utf8)
    let runner = TestPackage.nixRunner
    let added = try await StoreReference.adding(directory.path, runner: runner)
    #expect(added.storePath.hasPrefix("/nix/store/") && added.subpath.isEmpty)
    let inside = try await StoreReference.adding(added.storePath + "/sub dir/file", runner: runner)
    #expect(inside == StoreReference(storePath: added.storePath, subpath: "/sub dir/file"))
    let value = try await runner.evaluate(
      expression:
        "let r = \(inside.nixSource); in [ r (builtins.attrNames (builtins.getContext r)) (builtins.readFile r) ]"
    )
    #expect(value.arrayValue == [.string(inside.path), .array([.string(added.storePath)]), .string("x")])
  }

  /// The cache answers for an unchanged file whose store path exists, and only then.
  @Test(.tags(.nix), .requiresNix) func addedFileCacheFollowsTheFileAndTheStore() async throws {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent(
      "phasesplit-cache-\(UUID())")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: directory) }
    let file = directory.appendingPathComponent("tool").path
    try "one".write(toFile: file, atomically: false, encoding: .utf8)
    let cache = AddedFileCache(stateDirectory: directory.appendingPathComponent("state").path)
    #expect(cache.storePath(for: file) == nil)
    let added = try await TestPackage.nixRunner.addToStore(path: file)
    cache.record(file, storePath: added)
    #expect(cache.storePath(for: file) == added)
    cache.record(file + "-gone", storePath: "/nix/store/00000000000000000000000000000000-absent")
    #expect(cache.storePath(for: file + "-gone") == nil)
    try "two".write(toFile: file, atomically: true, encoding: .utf8)
    #expect(cache.storePath(for: file) == nil, "a changed file is added again")
  }

  @Test func linkageOfStaticAndDynamicExecutables() throws {
    #expect(ExecutableLinkage.of(path: try TestPackage.sandboxTool()) == .staticallyLinked)
    guard case .dynamicallyLinked(let interpreter) = ExecutableLinkage.of(path: "/bin/sh") else {
      Issue.record("/bin/sh is not dynamically linked")
      return
    }
    #expect(interpreter.hasPrefix("/lib"))
    #expect(ExecutableLinkage.of(path: TestPackage.root.appendingPathComponent("README.md").path) == .notELF)
  }

  @Test(.tags(.nix), .requiresNix) func valuesWithContextAndNumbersEvaluate() async throws {
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
