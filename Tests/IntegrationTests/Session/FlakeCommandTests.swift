import BuildSession
import Foundation
import PhasesplitTestSupport
import SplitPlanning
import Testing

/// Flake installables (`.#NAME`, `path:DIR#NAME`, `DIR#NAME`) and `--expr` on every packaging
/// command, against `-f fixtures -A NAME`, with real Nix and fixtures/flake.nix (copied out of the
/// Git checkout, so Nix reads it as a plain directory).
@Suite(
  .tags(.nix), .requiresNix,
  .enabled(if: SessionTestSupport.toolRunsInSandbox, "needs a release phasesplit that runs in the sandbox"),
  .serialized)
struct FlakeCommandTests {
  typealias Support = SessionTestSupport

  /// The project's Nix settings with flakes enabled.
  static let flakeEnvironment = [
    "NIX_CONFIG": (TestPackage.nixEnvironment["NIX_CONFIG"] ?? "")
      + "\nextra-experimental-features = flakes\n"
  ]

  /// A copy of fixtures/ (with its flake.nix) outside the checkout; removed at the end of each test.
  static func fixtureFlake() throws -> String {
    // Nix takes no `//` in a path-like flake reference (NSTemporaryDirectory ends with a slash).
    let directory = URL(fileURLWithPath: try Support.temporaryDirectory()).standardizedFileURL.path
    try FileManager.default.copyItem(
      atPath: Support.packageDirectory + "/fixtures", toPath: directory + "/fixtures")
    return directory + "/fixtures"
  }

  /// phasesplit with flakes enabled, in `directory`.
  static func phasesplit(_ arguments: [String], in directory: String? = nil) throws -> CommandResult {
    let tool = try #require(Support.tool)
    let chdir = directory.map { ["env", "-C", $0] } ?? []
    return try Support.run(chdir + [tool] + arguments, environment: flakeEnvironment)
  }

  /// `wrap --instantiate`: each segment's name and `.drv` path.
  static func segments(_ installable: [String], in directory: String? = nil) throws -> [String] {
    let result = try phasesplit(["wrap", "--instantiate"] + installable, in: directory)
    try #require(result.status == 0, "\(installable): \(result.standardError)")
    return result.outputLines
  }

  /// `result`'s standard output decoded as the library's report type `type`, once the command has
  /// succeeded.
  static func decode<T: Decodable>(_ type: T.Type, _ result: CommandResult) throws -> T {
    try #require(result.status == 0, "\(result.commandLine): \(result.standardError)")
    return try JSONDecoder().decode(type, from: Data(result.standardOutput.utf8))
  }

  @Test func flakeInstallablesGiveTheSegmentsOfFileAndAttribute() throws {
    let flake = try Self.fixtureFlake()
    defer { try? FileManager.default.removeItem(atPath: (flake as NSString).deletingLastPathComponent) }
    // plainMake is in packages.<system> (and the default package), customPhases only in
    // legacyPackages.<system>.
    let custom = try Self.segments(["-f", Support.fixtures, "-A", "customPhases"])
    #expect(custom.count >= 3)
    #expect(try Self.segments([".#customPhases"], in: flake) == custom)
    let plain = try Self.segments(["-f", Support.fixtures, "-A", "plainMake"])
    #expect(try Self.segments([".#plainMake"], in: flake) == plain)
    #expect(try Self.segments(["path:\(flake)#plainMake"]) == plain)
    #expect(try Self.segments(["\(flake)#plainMake"]) == plain)
    #expect(try Self.segments(["."], in: flake) == plain)
    // A registry name, resolved by the user's registry (here a flake-registry file of this test's).
    let registry = flake + "/../registry.json"
    try """
    { "version": 2, "flakes": [ { "from": { "type": "indirect", "id": "phasesplit-fixtures" },
      "to": { "type": "path", "path": "\(flake)" } } ] }
    """.write(toFile: registry, atomically: true, encoding: .utf8)
    let tool = try #require(Support.tool)
    let viaRegistry = try Support.run(
      [tool, "wrap", "--instantiate", "phasesplit-fixtures#plainMake"],
      environment: [
        "NIX_CONFIG": (Self.flakeEnvironment["NIX_CONFIG"] ?? "") + "flake-registry = \(registry)\n"
      ])
    #expect(viaRegistry.outputLines == plain, "\(viaRegistry.standardError)")
    let unsplit = try Support.run(["nix-instantiate", Support.fixtures, "-A", "plainMake"]).outputLines.last
    let analysis = try Self.decode(
      AnalysisReport.self, try Self.phasesplit(["analyze", "--json", "path:\(flake)#plainMake"]))
    let analysed = try #require(analysis.package.derivation, "analyze --json names the .drv it analysed")
    #expect(analysed == unsplit)

    // The written file names the flake by its locked reference and gives the same segments.
    let written = flake + "/../plain-split.nix"
    let wrapped = try Self.phasesplit(["wrap", ".#plainMake", "-o", written], in: flake)
    try #require(wrapped.status == 0, "\(wrapped.standardError)")
    let text = try String(contentsOfFile: written, encoding: .utf8)
    #expect(text.contains("builtins.getFlake \"path:\(flake)?lastModified="), "\(text)")
    #expect(text.contains("&narHash=sha256-"), "\(text)")
    let instantiated = try Support.run(["nix-instantiate", written], environment: Self.flakeEnvironment)
    #expect(instantiated.outputLines.last == plain.last?.split(separator: " ").last.map(String.init))

    let built = try Self.decode(
      BuildReport.self, try Self.phasesplit(["build", "--json", "--no-out-link", ".#plainMake"], in: flake))
    #expect(built.segments.map { "\($0.segment) \($0.derivation)" } == plain)

    let explained = try Self.decode(
      ExplainReport.self,
      try Self.phasesplit(
        ["explain", "--json", ".#plainMake", "--against", "path:\(flake)#plainMake"], in: flake))
    #expect(explained.segments.map { "\($0.segment) \($0.derivation)" } == plain)
    #expect(explained.segments.allSatisfy { $0.verdict == "reused" })

    let entered = try Self.phasesplit(
      [
        "enter", "path:\(flake)#plainMake", "--segment", "build", "--command",
        "echo \"in=$PWD\"; test -x plain-greet",
      ])
    #expect(entered.status == 0, "\(entered.standardError)")
    #expect(entered.standardOutput.contains("in=/build/"))
  }

  @Test func expressionsGiveTheSegmentsOfFileAndAttribute() throws {
    let expected = try Self.segments(["-f", Support.fixtures, "-A", "plainMake"])
    let expression = "import \(Support.fixtures) { }"
    #expect(try Self.segments(["--impure", "--expr", expression, "plainMake"]) == expected)
    #expect(
      try Self.segments(
        ["--impure", "-E", "import ./fixtures", "-A", "plainMake"], in: Support.packageDirectory) == expected)
    // Arguments for the expression's function, replaced by --against-argstr as for -f.
    let explained = try Self.decode(
      ExplainReport.self,
      try Self.phasesplit([
        "explain", "--json", "--impure", "--expr", "import \(Support.fixtures)", "-A", "plainMake",
        "--argstr",
        "postInstallExtra", "echo edited", "--against-argstr", "postInstallExtra", "",
      ]))
    #expect(explained.segments.map(\.verdict).last == "rebuilt")
    #expect(explained.segments.dropLast().map { "\($0.segment) \($0.derivation)" } == expected.dropLast())

    // Evaluated purely, as nix build --expr: a local file is out of reach without --impure.
    let pure = try Self.phasesplit(["analyze", "--expr", expression, "plainMake"])
    #expect(pure.status != 0)
    #expect(pure.standardError.contains("--impure"))
  }

  @Test func errorsAreAsPreciseAsNix() throws {
    let flake = try Self.fixtureFlake()
    defer { try? FileManager.default.removeItem(atPath: (flake as NSString).deletingLastPathComponent) }
    let unknown = try Self.phasesplit(["analyze", ".#helo"], in: flake)
    #expect(unknown.status != 0)
    #expect(unknown.standardError.contains("does not provide attribute 'packages.x86_64-linux.helo'"))
    #expect(unknown.standardError.contains("Did you mean hello?"))

    let broken = flake + "/../broken"
    try FileManager.default.createDirectory(atPath: broken, withIntermediateDirectories: true)
    try """
    { outputs = { self }: { packages.x86_64-linux.default = throw "broken on purpose"; }; }
    """.write(toFile: broken + "/flake.nix", atomically: true, encoding: .utf8)
    let failed = try Self.phasesplit(["build", "--no-out-link", "path:\(broken)"])
    #expect(failed.status != 0)
    #expect(failed.standardError.contains("broken on purpose"))

    // A flake whose package reads the environment: pure (as nix build) it differs from the split
    // expression's impure evaluation, which phasesplit notices; with --impure both agree.
    let envy = flake + "/../envy"
    try FileManager.default.createDirectory(atPath: envy, withIntermediateDirectories: true)
    try FileManager.default.copyItem(atPath: flake, toPath: envy + "/fixtures")
    try """
    { outputs = { self }: { packages.x86_64-linux.envy = (import ./fixtures/default.nix {
        system = "x86_64-linux"; nameSuffix = builtins.getEnv "PHASESPLIT_TEST_SUFFIX"; }).plainMake; }; }
    """.write(toFile: envy + "/flake.nix", atomically: true, encoding: .utf8)
    let tool = try #require(Support.tool)
    var environment = Self.flakeEnvironment
    environment["PHASESPLIT_TEST_SUFFIX"] = "envy"
    let differs = try Support.run(
      [tool, "wrap", "--instantiate", "path:\(envy)#envy"], environment: environment)
    #expect(differs.status != 0)
    #expect(differs.standardError.contains("purely (as nix build) but to"), "\(differs.standardError)")
    let impure = try Support.run(
      [tool, "wrap", "--instantiate", "--impure", "path:\(envy)#envy"], environment: environment)
    #expect(impure.status == 0, "\(impure.standardError)")
    #expect(impure.outputLines.last?.hasSuffix("-plain-greetenvy-1.0.drv") == true)

    let notADerivation = try Self.phasesplit(["wrap", "path:\(flake)#packages"])
    #expect(notADerivation.status != 0)
    #expect(notADerivation.standardError.contains("is not a derivation"))
  }

  @Test func flakesNotEnabledIsOneLineNamingTheSetting() throws {
    let flake = try Self.fixtureFlake()
    defer { try? FileManager.default.removeItem(atPath: (flake as NSString).deletingLastPathComponent) }
    let tool = try #require(Support.tool)
    // fixtures/nix.conf enables nix-command but not flakes; the second configuration neither.
    for (configuration, feature) in [
      (TestPackage.nixEnvironment["NIX_CONFIG"] ?? "", "flakes"),
      ((TestPackage.nixEnvironment["NIX_CONFIG"] ?? "") + "\nexperimental-features =\n", "nix-command"),
    ] {
      for command in ["analyze", "build", "wrap"] {
        let result = try Support.run(
          [tool, command, "path:\(flake)#plainMake"], environment: ["NIX_CONFIG": configuration])
        #expect(result.status != 0)
        let lines = result.standardError.split(separator: "\n")
        #expect(lines.count == 1, "\(result.standardError)")
        #expect(result.standardError.contains("experimental-features = nix-command flakes"))
        #expect(result.standardError.contains("'\(feature)'"))
      }
    }
  }

  /// A flake of the user's that splits one of its packages with the project flake's
  /// `lib.splitPhases`: the project as a `path:` input (its flake.nix and nix-lib, copied), its
  /// nixpkgs input following a stand-in whose `phasesplit` is the tool built here.
  @Test func aFlakeSplittingWithTheProjectLibraryBuildsIdenticalToUnsplit() throws {
    let root = try Support.temporaryDirectory()
    defer { try? FileManager.default.removeItem(atPath: root) }
    let files = FileManager.default
    try files.createDirectory(atPath: root + "/project", withIntermediateDirectories: true)
    for item in ["flake.nix", "package.nix", "nix", "nix-lib"] {
      try files.copyItem(atPath: Support.packageDirectory + "/" + item, toPath: root + "/project/" + item)
    }
    try files.copyItem(atPath: Support.packageDirectory + "/fixtures", toPath: root + "/fixtures")
    let system = try #require(
      Support.run(["nix-instantiate", "--eval", "--json", "-E", "builtins.currentSystem"]).outputLines.first)
    try files.createDirectory(atPath: root + "/nixpkgs", withIntermediateDirectories: true)
    try files.copyItem(atPath: try TestPackage.sandboxTool(), toPath: root + "/nixpkgs/phasesplit")
    try """
    { outputs = { self }: { legacyPackages.${\(system)}.phasesplit = ./phasesplit; }; }
    """.write(toFile: root + "/nixpkgs/flake.nix", atomically: true, encoding: .utf8)
    try files.createDirectory(atPath: root + "/consumer", withIntermediateDirectories: true)
    try """
    {
      inputs.phasesplit.url = "path:\(root)/project";
      inputs.nixpkgs.url = "path:\(root)/nixpkgs";
      inputs.phasesplit.inputs.nixpkgs.follows = "nixpkgs";
      inputs.fixtures.url = "path:\(root)/fixtures";
      outputs = { self, phasesplit, nixpkgs, fixtures }: {
        packages.${\(system)} = {
          plainMake = fixtures.packages.${\(system)}.plainMake;
          plainMake-split = phasesplit.lib.splitPhases { } self.packages.${\(system)}.plainMake;
        };
      };
    }
    """.write(toFile: root + "/consumer/flake.nix", atomically: true, encoding: .utf8)

    // The flake's split package is already a chain: phasesplit builds it as it is.
    let split = try Self.decode(
      BuildReport.self,
      try Self.phasesplit(["build", "--json", "--no-out-link", "path:\(root)/consumer#plainMake-split"]))
    #expect(split.segments.map(\.segment) == ["unpack", "configure", "build", "check", "install"])
    let unsplitDerivation = try #require(
      Support.run(["nix-instantiate", Support.fixtures, "-A", "plainMake"]).outputLines.last)
    let harness = try NixHarness.make()
    defer { harness.cleanUp() }
    #expect(try harness.realise(unsplitDerivation).status == 0)
    let differences = try OutputComparison.differences(
      split: split.outputs, unsplit: try harness.outputPaths(unsplitDerivation), harness: harness)
    #expect(differences.isEmpty, "\(differences)")
  }
}
