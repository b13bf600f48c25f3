import ArgumentParser
import NixEmission
import NixInterface
import SplitPlanning
import Testing

@testable import PhasesplitCommands

/// The option groups every packaging command shares (``InstallableOptions``, ``BoundaryOptions``,
/// ``SplitOptions``, ``OlderVersionOptions``), parsed in process into what the library takes
/// (no Nix).
struct SharedOptionGroupTests {
  /// The packaging commands, each with the words it needs besides the package.
  static let packagingCommands: [[String]] = [
    ["analyze"], ["wrap"], ["build"], ["enter"], ["explain", "--against", "/nix/store/old.drv"], ["show-drv"],
  ]
  /// The commands that plan or make a split.
  static let splittingCommands = packagingCommands.filter { $0 != ["show-drv"] }

  /// The installable options of the parsed command, whichever command it is.
  static func installable(_ command: any ParsableCommand) -> InstallableOptions? {
    switch command {
    case let command as AnalyzeCommand: command.installable
    case let command as WrapCommand: command.installable
    case let command as BuildCommand: command.package.installable
    case let command as EnterCommand: command.package.installable
    case let command as ExplainCommand: command.package.installable
    case let command as ShowDerivationCommand: command.installable
    default: nil
    }
  }

  /// The boundary options of the parsed command, whichever command it is.
  static func boundaries(_ command: any ParsableCommand) -> BoundaryOptions? {
    switch command {
    case let command as AnalyzeCommand: command.boundaries
    case let command as WrapCommand: command.split.boundaries
    case let command as BuildCommand: command.package.split.boundaries
    case let command as EnterCommand: command.package.split.boundaries
    case let command as ExplainCommand: command.package.split.boundaries
    default: nil
    }
  }

  @Test(arguments: packagingCommands)
  func everyPackagingCommandTakesTheSameInstallable(command: [String]) throws {
    let words = [
      "-f", "pkgs.nix", "-A", "hello", "--arg", "n", "-1", "--argstr", "s", "-v", "--option", "cores", "1",
    ]
    let installable = try #require(Self.installable(try Phasesplit.parse(commandLine: command + words)))
    #expect(
      try installable.spec()
        == .file(
          "pkgs.nix", attribute: "hello",
          arguments: [
            NixArgument(name: "n", value: .expression("-1")), NixArgument(name: "s", value: .string("-v")),
          ]))
    #expect(installable.nix.settings == NixSettings(options: [NixSettings.Option(name: "cores", value: "1")]))
    #expect(installable.words() == words)
  }

  @Test(arguments: packagingCommands)
  func noInstallableMeansDefaultNixAsInNixBuild(command: [String]) throws {
    let installable = try #require(Self.installable(try Phasesplit.parse(commandLine: command)))
    #expect(try installable.spec() == .file("./default.nix", attribute: nil, arguments: []))
  }

  @Test(arguments: splittingCommands)
  func everySplittingCommandTakesTheSameBoundaries(command: [String]) throws {
    let parsed = try Phasesplit.parse(
      commandLine: command + [
        "-A", "hello", "--boundaries", "build, unpack", "--late", "A", "--late", "B=build",
      ])
    let boundaries = try #require(Self.boundaries(parsed))
    #expect(try boundaries.boundaries() == [.unpack, .build])
    #expect(try boundaries.lateAttributes() == LateAttributes([("A", nil), ("B", "build")]))
  }

  @Test(arguments: splittingCommands)
  func badBoundariesAreRefusedBeforeNixRuns(command: [String]) {
    let text = CommandLineParsing.message(command + ["-A", "hello", "--boundaries", "unpack,install"])
    #expect(text.contains("unknown boundary 'install'"), "\(text)")
    #expect(text.contains("valid boundaries are: unpack configure build check"), "\(text)")
  }

  @Test(arguments: [
    (["--late", "2fast"], "cannot declare '2fast' late: write NAME or NAME=SEGMENT"),
    (["--late", "A="], "cannot declare 'A' late: the segment after '=' is empty"),
    (["--late", "A", "--late", "A=build"], "cannot declare 'A' late: it is declared twice"),
  ])
  func badLateDeclarationsAreRefusedBeforeNixRuns(late: [String], expected: String) {
    for command in Self.splittingCommands {
      let text = CommandLineParsing.message(command + ["-A", "hello"] + late)
      #expect(text.contains(expected), "\(command): \(text)")
    }
  }

  @Test func boundariesDefaultToAll() throws {
    let command = try CommandLineParsing.parse(["wrap", "-A", "hello"], as: WrapCommand.self)
    #expect(try command.split.settings() == SplitSettings(boundaries: Boundary.allCases))
  }

  @Test func onlyCommandsThatSplitTakeStandInRemnants() throws {
    let wrap = try CommandLineParsing.parse(
      ["wrap", "-A", "a", "--allow-stand-in-remnants"], as: WrapCommand.self)
    #expect(try wrap.split.settings().allowStandInRemnants)
    let build = try CommandLineParsing.parse(
      ["build", "-A", "a", "--allow-stand-in-remnants"], as: BuildCommand.self)
    #expect(try build.package.request().settings.allowStandInRemnants)
    let analyze = CommandLineParsing.message(["analyze", "-A", "a", "--allow-stand-in-remnants"])
    #expect(analyze.contains("Unknown option '--allow-stand-in-remnants'"), "\(analyze)")
  }

  @Test func buildRequestCarriesPackageSplitAndIncrementalBase() throws {
    let command = try CommandLineParsing.parse(
      [
        "build", "-f", "pkgs.nix", "-A", "hello", "--argstr", "version", "2", "--boundaries", "build",
        "--late",
        "doc", "--from-argstr", "version", "1", "--option", "cores", "1",
      ],
      as: BuildCommand.self)
    let request = try command.package.request()
    #expect(
      request
        == SplitPackageRequest(
          installable: .file(
            "pkgs.nix", attribute: "hello", arguments: [NixArgument(name: "version", value: .string("2"))]),
          settings: SplitSettings(boundaries: [.build], lateAttributes: LateAttributes([("doc", nil)])),
          incrementalFrom: .replacingArguments([NixArgument(name: "version", value: .string("1"))])))
    // The words phasesplit suggests (enter, resume) name the same package.
    let again = try CommandLineParsing.parse(["build"] + command.package.words, as: BuildCommand.self)
    #expect(try again.package.request() == request)
    #expect(again.package.installable.nix.words == ["--option", "cores", "1"])
  }

  @Test func fromNamesAnotherInstallable() throws {
    let command = try CommandLineParsing.parse(
      ["enter", "--impure", ".#new", "--from", ".#old"], as: EnterCommand.self)
    #expect(
      try command.package.request().incrementalFrom
        == .installable(.flake(FlakeInstallable(reference: ".", fragment: "old", impure: true))))
  }

  @Test(arguments: ["from", "against"])
  func anInstallableAndArgumentsExcludeEachOther(option: String) {
    let text = CommandLineParsing.message([
      "explain", "-f", "f.nix", "--\(option)", "old.drv", "--\(option)-arg", "n", "1",
    ])
    #expect(text.contains("--\(option) and --\(option)-arg/--\(option)-argstr exclude each other"), "\(text)")
  }

  @Test(arguments: ["from", "against"])
  func argumentsNeedAFileOrExpression(option: String) {
    let text = CommandLineParsing.message(["explain", ".#hello", "--\(option)-argstr", "v", "1"]) {
      _ = try ($0 as? ExplainCommand)?.requests()
    }
    #expect(
      text.contains("--\(option)-arg/--\(option)-argstr need the package given with -f FILE or --expr"),
      "\(text)")
  }

  @Test func olderVersionArgumentsTakeTwoWordsWhateverTheyLookLike() throws {
    let command = try CommandLineParsing.parse(
      ["build", "-f", "f.nix", "--from-argstr", "v", "-1", "--from-arg", "n", "--keep-going"],
      as: BuildCommand.self)
    #expect(!command.keepGoing)
    #expect(
      try command.package.request().incrementalFrom
        == .replacingArguments([
          NixArgument(name: "n", value: .expression("--keep-going")),
          NixArgument(name: "v", value: .string("-1")),
        ]))
  }

  @Test func fromArgumentMissingItsValueSaysSo() {
    let text = CommandLineParsing.message(["build", "-f", "f.nix", "--from-arg", "n"]) {
      _ = try ($0 as? BuildCommand)?.package.request()
    }
    #expect(text.contains("--from-arg takes two words, NAME and EXPR"), "\(text)")
  }

  @Test func explainNeedsAnOlderBuild() {
    let text = CommandLineParsing.message(["explain", "-f", "f.nix", "-A", "hello"]) {
      _ = try ($0 as? ExplainCommand)?.requests()
    }
    #expect(text.contains("name the older build with --against"), "\(text)")
  }

  @Test func explainComparesWithTheIncrementalBaseBuiltCleanly() throws {
    let command = try CommandLineParsing.parse(
      ["explain", "-f", "f.nix", "--argstr", "v", "2", "--boundaries", "build", "--from-argstr", "v", "1"],
      as: ExplainCommand.self)
    let (current, older) = try command.requests()
    #expect(current.incrementalFrom != nil)
    #expect(
      older
        == SplitPackageRequest(
          installable: .file(
            "f.nix", attribute: nil, arguments: [NixArgument(name: "v", value: .string("1"))]),
          settings: SplitSettings(boundaries: [.build])))
  }

  @Test func explainAgainstWinsOverTheIncrementalBase() throws {
    let command = try CommandLineParsing.parse(
      ["explain", "-f", "f.nix", "--from", "/nix/store/base.drv", "--against", "/nix/store/other.drv"],
      as: ExplainCommand.self)
    let (current, older) = try command.requests()
    #expect(current.incrementalFrom == .installable(.path("/nix/store/base.drv")))
    #expect(older == SplitPackageRequest(installable: .path("/nix/store/other.drv")))
  }

  @Test func buildAndEnterRefuseContradictions() {
    let link = CommandLineParsing.message(["build", "-A", "a", "-o", "r", "--no-out-link"]) {
      _ = try ($0 as? BuildCommand)?.resultLink()
    }
    #expect(link.contains("--out-link and --no-out-link exclude each other"), "\(link)")
    let enter = CommandLineParsing.message([
      "enter", "-A", "a", "--segment", "build", "--phase", "checkPhase",
    ]) {
      _ = try ($0 as? EnterCommand)?.target()
    }
    #expect(enter.contains("give --segment or --phase, not both"), "\(enter)")
  }

  @Test func missingValuesAreReportedByTheParser() {
    let file = CommandLineParsing.message(["build", "-f"])
    #expect(file.contains("Missing value for '-f <file>'"), "\(file)")
    let expression = CommandLineParsing.message(["analyze", "--expr"])
    #expect(expression.contains("Missing value for '--expr <expr>'"), "\(expression)")
    let from = CommandLineParsing.message(["explain", "-A", "a", "--from"])
    #expect(from.contains("Missing value for '--from <OLD>'"), "\(from)")
  }
}
