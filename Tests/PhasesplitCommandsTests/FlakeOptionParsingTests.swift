import ArgumentParser
import Foundation
import NixInterface
import Testing

@testable import PhasesplitCommands

/// Flake installables and `--expr` on the command line, as `nix build` takes them (no Nix).
struct FlakeOptionParsingTests {
  @Test func flakeInstallablesOnEveryPackagingCommand() throws {
    let flake = InstallableSpec.flake(FlakeInstallable(reference: ".", fragment: "hello"))
    #expect(
      try CommandLineParsing.parse(["analyze", ".#hello"], as: AnalyzeCommand.self).installable.spec()
        == flake)
    #expect(
      try CommandLineParsing.parse(["wrap", ".#hello"], as: WrapCommand.self).installable.spec() == flake)
    #expect(
      try CommandLineParsing.parse(["build", ".#hello"], as: BuildCommand.self).package.spec() == flake)
    #expect(
      try CommandLineParsing.parse(["enter", ".#hello", "--segment", "build"], as: EnterCommand.self).package
        .spec() == flake)
    let explain = try CommandLineParsing.parse(
      ["explain", ".#hello", "--against", "path:/old#hello"], as: ExplainCommand.self)
    #expect(try explain.package.spec() == flake)
    #expect(
      try explain.requests().older.installable
        == .flake(FlakeInstallable(reference: "path:/old", fragment: "hello")))
    let impure = try CommandLineParsing.parse(
      ["build", "--impure", "path:/src/p#a.b"], as: BuildCommand.self)
    #expect(
      try impure.package.spec()
        == .flake(FlakeInstallable(reference: "path:/src/p", fragment: "a.b", impure: true)))
    #expect(impure.package.words.contains("--impure"))
  }

  @Test func expressionsTakeTheirAttributeAsNixBuildOrNixInstantiate() throws {
    let positional = try CommandLineParsing.parse(
      ["analyze", "--impure", "--expr", "import ./x.nix", "hello"], as: AnalyzeCommand.self)
    #expect(
      try positional.installable.spec()
        == .expression("import ./x.nix", attribute: "hello", arguments: [], impure: true))
    let dashA = try CommandLineParsing.parse(
      ["build", "-E", "import ./x.nix", "-A", "hello", "--argstr", "s", "-v"], as: BuildCommand.self)
    #expect(
      try dashA.package.spec()
        == .expression(
          "import ./x.nix", attribute: "hello", arguments: [NixArgument(name: "s", value: .string("-v"))],
          impure: false))
    #expect(
      dashA.package.words.starts(with: ["--expr", "import ./x.nix", "-A", "hello", "--argstr", "s", "-v"]))
  }

  @Test func contradictionsSaySo() {
    let attribute = CommandLineParsing.message(["analyze", ".#hello", "-A", "x"]) {
      try ($0 as? AnalyzeCommand)?.installable.spec()
    }
    #expect(attribute.contains("names its attribute after #"), "\(attribute)")
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("phasesplit-cli-\(UUID())")
      .path
    try? FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(atPath: directory) }
    FileManager.default.createFile(atPath: directory + "/flake.nix", contents: Data("{ }".utf8))
    FileManager.default.createFile(atPath: directory + "/default.nix", contents: Data("{ }".utf8))
    let either = CommandLineParsing.message(["analyze", directory, "-A", "hello"]) {
      try ($0 as? AnalyzeCommand)?.installable.spec()
    }
    #expect(either.contains("for the flake's package write '\(directory)#hello'"), "\(either)")
    #expect(either.contains("write: -f \(directory) -A hello"), "\(either)")
    let both = CommandLineParsing.message(["analyze", "--expr", "e", "-f", "f.nix"]) {
      try ($0 as? AnalyzeCommand)?.installable.spec()
    }
    #expect(both.contains("either --expr or -f/--file"), "\(both)")
    let twice = CommandLineParsing.message(["analyze", "--expr", "e", "a", "-A", "b"]) {
      try ($0 as? AnalyzeCommand)?.installable.spec()
    }
    #expect(twice.contains("attribute path once"), "\(twice)")
    let against = CommandLineParsing.message(["explain", ".#hello", "--against-argstr", "a", "b"]) {
      _ = try ($0 as? ExplainCommand)?.requests()
    }
    #expect(against.contains("need the package given with -f FILE or --expr"), "\(against)")
  }
}
