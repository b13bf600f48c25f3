import Derivations
import Foundation
import NixEmission
import NixInterface
import PhasesplitTestSupport
import Testing

/// `phasesplit wrap` end to end: the written file evaluates, its segments equal the Nix
/// library's own, and a package rebuilt from a bare `.drv` builds.
@Suite(.tags(.nix), .requiresNix) struct WrapTests {
  @Test func stringLiteralsSurviveNixEvaluation() async throws {
    let samples = [
      "plain", "quote \" inside", "back\\slash", "${notInterpolated}", "$${double}", "$", "ends with $",
      "line\nbreak\tand tab\r", "''indented''", "unicode ✓ ü", "\\${escaped}", "$\\{x}",
    ]
    let list = "[ " + samples.map(NixSyntax.stringLiteral).joined(separator: " ") + " ]"
    let value = try await TestPackage.nixRunner.evaluate(expression: list)
    #expect(value.arrayValue?.compactMap(\.stringValue) == samples)
    let attributes = NixValue.attributes([
      ("with space", .string("a")), ("rec", .string("b")), ("ok-name'", .null),
    ])
    let names = try await TestPackage.nixRunner.evaluate(
      expression: "builtins.attrNames \(attributes.rendered())")
    #expect(names.arrayValue?.compactMap(\.stringValue) == ["ok-name'", "rec", "with space"])
  }

  static let fixtures = [
    "hello", "plainMake", "cmakeProject", "cmakeNinjaProject", "mesonProject", "customPhases", "multiOutput",
    "structuredAttrs", "failingInstall", "gawk", "envReaders", "autotoolsMultiOutput", "customBuilder",
  ]

  /// `phasesplit wrap` (which `build`, `explain` and `enter` use too) and `splitPhases` give the
  /// same segment derivations, so both share the cache: for every fixture and boundary set, and
  /// with a late declaration.
  @Test(arguments: fixtures, [nil, "build", "unpack,check"])
  func segmentsEqualTheLibrarys(fixture: String, boundaries: String?) async throws {
    let tool = try TestPackage.tool()
    let directory = try PlanningCLI.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: directory) }
    let file = directory.appendingPathComponent("split.nix").path
    // BANNER is read by make in the build segment; declared late it starts where declared
    let lateSegment = boundaries == "unpack,check" ? "check" : "build"
    let late = fixture == "envReaders" ? ["BANNER=\(lateSegment)"] : []
    var arguments = ["wrap", "-f", PlanningCLI.fixturesPath, "-A", fixture, "-o", file, "--instantiate"]
    if let boundaries { arguments += ["--boundaries", boundaries] }
    for declaration in late { arguments += ["--late", declaration] }
    let run = try PlanningCLI.phasesplit(arguments, tool: tool)
    #expect(run.status == 0, "\(run.standardError)")
    let written = try String(contentsOfFile: file, encoding: .utf8)
    #expect(written.contains("lateAttributes") == !late.isEmpty)
    let segments = run.standardOutput.split(separator: "\n").map { $0.split(separator: " ").map(String.init) }
    #expect(segments.last?.first == "install")

    let executable = URL(fileURLWithPath: tool).resolvingSymlinksInPath().path
    var options: [String] = []
    if let boundaries {
      options.append(
        "boundaries = [ " + boundaries.split(separator: ",").map { "\"\($0)\"" }.joined(separator: " ")
          + " ];")
    }
    if !late.isEmpty { options.append("lateAttributes = { BANNER = \"\(lateSegment)\"; };") }
    let expression = """
      let
        lib = import \(TestPackage.root.appendingPathComponent("nix-lib").path) {
          phasesplit = \(NixSyntax.pathLiteral(executable));
        };
        split = lib.splitPhases { \(options.joined(separator: " ")) } (import \(PlanningCLI.fixturesPath) { }).\(fixture);
      in map (name: split.passthru.segments.${name}) split.passthru.segmentNames
      """
    let libraryPaths = try await TestPackage.nixRunner.instantiate(expression: expression)
    #expect(segments.map(\.last) == libraryPaths)
  }

  @Test func lateDeclarationsOfTheCLIAreCheckedAgainstThePackage() throws {
    let run = try PlanningCLI.phasesplit([
      "wrap", "-f", PlanningCLI.fixturesPath, "-A", "plainMake", "--late", "makeFlags",
    ])
    #expect(run.status != 0)
    #expect(run.standardError.contains("cannot declare 'makeFlags' late"), "\(run.standardError)")
    let typo = try PlanningCLI.phasesplit([
      "analyze", "-f", PlanningCLI.fixturesPath, "-A", "envReaders", "--late", "BANNER=fixup",
    ])
    #expect(typo.status != 0)
    #expect(typo.standardError.contains("there is no segment 'fixup'"), "\(typo.standardError)")
  }

  @Test func fileArgumentsReachThePackage() async throws {
    let directory = try PlanningCLI.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: directory) }
    let file = directory.appendingPathComponent("split.nix").path
    let run = try PlanningCLI.phasesplit([
      "wrap", "-f", PlanningCLI.fixturesPath, "-A", "plainMake", "--argstr", "postInstallExtra",
      "echo \"${x}\"",
      "--arg", "configureFlagsExtra", "[ \"--x\" ]", "-o", file, "--instantiate",
    ])
    #expect(run.status == 0, "\(run.standardError)")
    let finalPath = try #require(run.standardOutput.split(separator: "\n").last?.split(separator: " ").last)
    let environment = try await TestPackage.nixRunner.evaluate(
      expression: "(import \(file)).drvAttrs.postInstall")
    #expect(environment.stringValue == "\necho \"${x}\"")
    #expect(finalPath.hasSuffix("plain-greet-1.0.drv"))
  }

  @Test(arguments: ["plainMake", "multiOutput", "structuredAttrs", "customPhases", "customBuilder"])
  func bareDerivationGivesTheSameSegmentsAsItsExpression(fixture: String) async throws {
    let derivation = try await PlanningCLI.fixtureDerivation(fixture)
    let fromDerivation = try PlanningCLI.phasesplit(["wrap", derivation, "--instantiate"])
    let fromExpression = try PlanningCLI.phasesplit([
      "wrap", "-f", PlanningCLI.fixturesPath, "-A", fixture, "--instantiate",
    ])
    #expect(fromDerivation.status == 0 && fromExpression.status == 0, "\(fromDerivation.standardError)")
    #expect(!fromDerivation.standardOutput.isEmpty)
    #expect(fromDerivation.standardOutput == fromExpression.standardOutput)
  }

  @Test func contentAddressedEarlierSegmentsFloat() async throws {
    let run = try PlanningCLI.phasesplit([
      "wrap", "-f", PlanningCLI.fixturesPath, "-A", "plainMake", "--content-addressed", "--instantiate",
    ])
    #expect(run.status == 0, "\(run.standardError)")
    let paths = run.standardOutput.split(separator: "\n").compactMap { $0.split(separator: " ").last }
    let unpack = try Derivation.read(path: String(try #require(paths.first)))
    guard case .contentAddressedFloating = unpack.outputKind else {
      Issue.record("the unpack segment is \(unpack.outputKind), not floating content-addressed")
      return
    }
    let final = try Derivation.read(path: String(try #require(paths.last)))
    // The final segment keeps the package's own (input) addressing; its paths are deferred
    // until the floating segments before it are built.
    #expect(final.environmentValue("__contentAddressed") == nil)
    #expect(final.name == "plain-greet-1.0")
  }

  @Test func buildCommandDerivationIsRefused() async throws {
    let derivation = try await PlanningCLI.fixtureDerivation("buildCommandPkg")
    let run = try PlanningCLI.phasesplit(["wrap", derivation])
    #expect(run.status != 0)
    #expect(run.standardError.contains("cannot split build-command-pkg-1.0"))
    #expect(run.standardError.contains("buildCommand"))
  }

  /// Writes the wrap file of plainMake's bare `.drv` and returns (file, segment name/path pairs).
  private func wrapBarePlainMake(in directory: URL, tool: String) async throws -> (String, [[String]]) {
    let derivation = try await PlanningCLI.fixtureDerivation("plainMake")
    let file = directory.appendingPathComponent("split.nix").path
    let run = try PlanningCLI.phasesplit(["wrap", derivation, "-o", file, "--instantiate"], tool: tool)
    #expect(run.status == 0, "\(run.standardError)")
    let segments = run.standardOutput.split(separator: "\n").map { $0.split(separator: " ").map(String.init) }
    #expect(segments.map(\.first) == ["unpack", "configure", "build", "check", "install"])
    return (file, segments)
  }

  @Test func bareDerivationKeepsInputsAsStringContext() async throws {
    let directory = try PlanningCLI.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: directory) }
    let (file, _) = try await wrapBarePlainMake(in: directory, tool: try TestPackage.tool())
    let inputs = try await TestPackage.nixRunner.evaluate(
      expression: """
        let split = import \(file); in
        builtins.attrNames (builtins.getContext (split.passthru.segments.unpack.drvAttrs.src
          + split.passthru.segments.unpack.drvAttrs.stdenv))
        """)
    let names = inputs.arrayValue?.compactMap(\.stringValue) ?? []
    #expect(names.contains { $0.hasSuffix("-plain-make") })
    #expect(names.contains { $0.hasSuffix("-fixture-stdenv.drv") })
  }

  @Test func bareDerivationBuildsItsEarlierSegments() async throws {
    let directory = try PlanningCLI.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: directory) }
    let (_, segments) = try await wrapBarePlainMake(in: directory, tool: try TestPackage.sandboxTool())
    let check = try #require(segments.first { $0.first == "check" }?.last)
    let built = try await TestPackage.nixRunner.realise([check])
    let archive = try #require(built.first)
    #expect(FileManager.default.fileExists(atPath: archive + "/tree.pst"))
    #expect(FileManager.default.fileExists(atPath: archive + "/state.sh"))
  }

  /// Whether the tool has `relocate`, which the final segment runs.
  static let toolRelocates: Bool = {
    guard let tool = try? TestPackage.sandboxTool(),
      let run = try? PlanningCLI.run(tool, ["--help"])
    else { return false }
    return run.standardOutput.contains("  relocate ")
  }()

  @Test(.enabled(if: toolRelocates, "the final segment needs `phasesplit relocate`"))
  func bareDerivationBuildsSplit() async throws {
    let directory = try PlanningCLI.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: directory) }
    let (_, segments) = try await wrapBarePlainMake(in: directory, tool: try TestPackage.sandboxTool())
    let built = try await TestPackage.nixRunner.realise([try #require(segments.last?.last)])
    let output = try #require(built.first)
    let greeting = try PlanningCLI.run(output + "/bin/plain-greet", [])
    #expect(greeting.status == 0)
    #expect(!greeting.standardOutput.isEmpty)

    // Byte-identical to the unsplit build once the output hash parts are mapped.
    let unsplit = try #require(
      try await TestPackage.nixRunner.realise([try await PlanningCLI.fixtureDerivation("plainMake")]).first)
    let splitDump = try PlanningCLI.dump(output)
    let unsplitDump = PlanningCLI.replacing(
      try PlanningCLI.dump(unsplit), Array(OutputComparison.hashPart(unsplit).utf8),
      with: Array(OutputComparison.hashPart(output).utf8))
    #expect(!splitDump.isEmpty && splitDump == unsplitDump)
  }
}
