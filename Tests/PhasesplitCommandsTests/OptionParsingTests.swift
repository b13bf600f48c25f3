import ArgumentParser
import Foundation
import NixInterface
import Testing

@testable import PhasesplitCommands

/// The command line as nix-build users type it, parsed in process (no Nix).
struct OptionParsingTests {
  @Test func argstrValueMayStartWithADash() throws {
    let command = try CommandLineParsing.parse(
      [
        "analyze", "-f", "fixtures", "-A", "hello", "--argstr", "cflags", "-O2", "--arg", "n", "-1", "--json",
      ],
      as: AnalyzeCommand.self)
    #expect(command.json)
    #expect(
      try command.installable.spec()
        == .file(
          "fixtures", attribute: "hello",
          arguments: [
            NixArgument(name: "n", value: .expression("-1")),
            NixArgument(name: "cflags", value: .string("-O2")),
          ]))
  }

  @Test func buildTakesTheSameTwoWordArguments() throws {
    let command = try CommandLineParsing.parse(
      ["build", "-A", "hello", "--argstr", "x", "--keep-going"], as: BuildCommand.self)
    #expect(!command.keepGoing)
    #expect(
      try command.package.spec()
        == .file(
          "./default.nix", attribute: "hello",
          arguments: [NixArgument(name: "x", value: .string("--keep-going"))]))
  }

  @Test func explainAgainstArgstrTakesTwoWords() throws {
    let command = try CommandLineParsing.parse(
      ["explain", "-f", "f.nix", "--argstr", "a", "-x", "--against-argstr", "a", "-y"],
      as: ExplainCommand.self)
    #expect(command.against.stringArgumentWords.map(TwoWordOptions.displayed) == ["a -y"])
    #expect(
      try command.requests().older.installable
        == .file("f.nix", attribute: nil, arguments: [NixArgument(name: "a", value: .string("-y"))]))
  }

  @Test func nixOptionTakesTwoWordsToo() throws {
    let command = try CommandLineParsing.parse(
      ["build", "-A", "hello", "--option", "extra-sandbox-paths", "-x", "--option", "cores", "1"],
      as: BuildCommand.self)
    #expect(
      command.package.installable.nix.words == [
        "--option", "extra-sandbox-paths", "-x", "--option", "cores", "1",
      ])
  }

  @Test func argstrMissingItsValueSaysSo() {
    let text = CommandLineParsing.message(["analyze", "-f", "fixtures", "--argstr", "cflags"]) {
      try ($0 as? AnalyzeCommand)?.installable.spec()
    }
    #expect(text.contains("--argstr takes two words, NAME and VALUE"), "\(text)")
  }

  @Test func mistypedOptionIsReportedAsUnknown() {
    // Its value would otherwise be taken for the path, contradicting -f.
    let text = CommandLineParsing.message(["build", "-f", "fixtures", "-A", "hello", "--boundarys", "build"])
    #expect(text.contains("Unknown option '--boundarys'"), "\(text)")
    #expect(text.contains("--boundaries"), "\(text)")
    let enter = CommandLineParsing.message([
      "enter", "-A", "hello", "--segmnt", "build", "--phase", "installPhase",
    ])
    #expect(enter.contains("Unknown option '--segmnt'"), "\(enter)")
  }

  @Test func attributeWithoutFileReadsDefaultNix() throws {
    let command = try CommandLineParsing.parse(["analyze", "-A", "hello"], as: AnalyzeCommand.self)
    #expect(try command.installable.spec() == .file("./default.nix", attribute: "hello", arguments: []))
    let build = try CommandLineParsing.parse(
      ["build", "-A", "hello", "--argstr", "s", "v"], as: BuildCommand.self)
    #expect(
      try build.package.spec()
        == .file(
          "./default.nix", attribute: "hello", arguments: [NixArgument(name: "s", value: .string("v"))]))
  }

  @Test func nixFileAsPathSuggestsDashF() throws {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("phasesplit-cli-\(UUID())")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: directory) }
    let text = CommandLineParsing.message(["analyze", directory.path, "-A", "hello"]) {
      try ($0 as? AnalyzeCommand)?.installable.spec()
    }
    #expect(text.contains("write: -f \(directory.path) -A hello"), "\(text)")
    let file = CommandLineParsing.message(["build", "pkgs.nix", "-A", "hello", "--argstr", "a", "b c"]) {
      try ($0 as? BuildCommand)?.package.spec()
    }
    #expect(file.contains("write: -f pkgs.nix -A hello --argstr a 'b c'"), "\(file)")
  }

  @Test func boundaryValuesComplete() {
    #expect(BoundaryCompletion.candidates(prefix: "") == ["unpack", "configure", "build", "check"])
    #expect(BoundaryCompletion.candidates(prefix: "unpack,c") == ["unpack,configure", "unpack,check"])
    #expect(
      BoundaryCompletion.candidates(prefix: "build,check,") == [
        "build,check,unpack", "build,check,configure",
      ])
  }

  @Test func completionScriptsCompleteFilesAndValues() throws {
    let zsh = Phasesplit.completionScript(for: .zsh)
    // The installable argument, -f and -o complete file names; --segment and --phase offer their values;
    // --boundaries asks phasesplit (BoundaryCompletion).
    #expect(zsh.contains("':installable:_files'"))
    #expect(zsh.contains("to instantiate.]:file:_files'"))
    #expect(zsh.contains("]:out-link:_files'"))
    #expect(zsh.contains("local -ar ___segment=('unpack' 'configure' 'build' 'check')"))
    #expect(zsh.contains("local -ar ___phase=('unpackPhase' 'patchPhase'"))
    #expect(zsh.contains("]:names:{__phasesplit_custom_complete ---completion build -- --boundaries"))
    let bash = Phasesplit.completionScript(for: .bash)
    #expect(bash.contains("'-f'|'--file')\n        __phasesplit_add_completions -f"))
  }
}
