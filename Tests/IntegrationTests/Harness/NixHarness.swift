import Foundation
import NixEmission
import PhasesplitTestSupport

/// Real Nix, the repository's fixtures and Nix library, and the built phasesplit executable,
/// set up for one test: a private scratch directory holding the harness expression.
///
/// The expression takes a `SplitRequest`'s arguments and has the attributes `unsplit` (the
/// fixture as is), `split` (`splitPhases` applied to it; its segments under
/// `split.segments.NAME`), `base` (the split fixture with `baseOverrides` instead of `overrides`)
/// and `incremental` (`split` built with `incrementalFrom = base`).
struct NixHarness: Sendable {
  let repositoryRoot: URL
  let tool: URL
  let scratch: URL
  let expression: URL
  let runner: CommandRunner

  /// Prepares a harness in a fresh temporary directory; `cleanUp()` removes it.
  static func make() throws -> NixHarness {
    let root = TestPackage.root
    let tool = URL(fileURLWithPath: try TestPackage.sandboxTool())
    let scratch = FileManager.default.temporaryDirectory
      .appendingPathComponent("phasesplit-integration-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
    let expression = scratch.appendingPathComponent("split.nix")
    try harnessExpression(repositoryRoot: root, tool: tool)
      .write(to: expression, atomically: true, encoding: .utf8)
    return NixHarness(
      repositoryRoot: root, tool: tool, scratch: scratch, expression: expression,
      runner: CommandRunner(environment: TestPackage.nixEnvironment, scratch: scratch))
  }

  private static func harnessExpression(repositoryRoot: URL, tool: URL) -> String {
    let fixtures = NixSyntax.pathLiteral(repositoryRoot.appendingPathComponent("fixtures").path)
    let library = NixSyntax.pathLiteral(repositoryRoot.appendingPathComponent("nix-lib").path)
    return """
      {
        fixture,
        postInstallExtra ? "",
        configureFlagsExtra ? [ ],
        boundaries ? null,
        overrides ? null,
        lateAttributes ? null,
        allowStandInRemnants ? false,
        baseOverrides ? null,
      }:
      let
        fixtures = import \(fixtures) { inherit postInstallExtra configureFlagsExtra; };
        phasesplitLib = import \(library) {
          phasesplit = builtins.path { path = \(NixSyntax.pathLiteral(tool.path)); name = "phasesplit"; };
        };
        package =
          if overrides == null then fixtures.${fixture} else fixtures.${fixture}.overrideAttrs (_: overrides);
        options =
          (if boundaries == null then { } else { inherit boundaries; })
          // (if lateAttributes == null then { } else { inherit lateAttributes; })
          // (if allowStandInRemnants then { inherit allowStandInRemnants; } else { });
        basePackage =
          if baseOverrides == null then fixtures.${fixture} else fixtures.${fixture}.overrideAttrs (_: baseOverrides);
        base = phasesplitLib.splitPhases options basePackage;
      in
      {
        unsplit = package;
        split = phasesplitLib.splitPhases options package;
        inherit base;
        incremental = phasesplitLib.splitPhases (options // { incrementalFrom = base; }) package;
      }

      """
  }

  /// Evaluates `body`, a Nix expression that may use `fixtures` (the fixture set, unedited) and
  /// `phasesplitLib` (the Nix library), with `nix-instantiate --eval --strict --json`.
  func evaluate(_ body: String) throws -> CommandResult {
    let fixtures = NixSyntax.pathLiteral(repositoryRoot.appendingPathComponent("fixtures").path)
    let library = NixSyntax.pathLiteral(repositoryRoot.appendingPathComponent("nix-lib").path)
    let text = """
      let
        fixtures = import \(fixtures) { };
        phasesplitLib = import \(library) {
          phasesplit = builtins.path { path = \(NixSyntax.pathLiteral(tool.path)); name = "phasesplit"; };
        };
      in
      \(body)
      """
    return try nix("nix-instantiate", ["--eval", "--strict", "--json", "-E", text])
  }

  /// Removes the scratch directory.
  func cleanUp() {
    try? FileManager.default.removeItem(at: scratch)
  }

  /// Runs a Nix command and returns its result whatever its status.
  func nix(_ command: String, _ arguments: [String]) throws -> CommandResult {
    try runner.run(command, arguments)
  }

  /// Runs a Nix command that must succeed.
  func nixChecked(_ command: String, _ arguments: [String]) throws -> CommandResult {
    let result = try runner.run(command, arguments)
    guard result.succeeded else { throw HarnessError.commandFailed(result) }
    return result
  }

  /// `nix-instantiate` of an attribute of the harness expression: its .drv path.
  func instantiate(_ attribute: String, _ request: SplitRequest) throws -> String {
    let result = try nixChecked(
      "nix-instantiate", [expression.path, "-A", attribute] + request.nixArguments)
    guard let path = result.outputLines.last, path.hasSuffix(".drv") else {
      throw HarnessError.unexpectedOutput(command: result.commandLine, output: result.standardOutput)
    }
    return path
  }

  /// Evaluates an attribute of the harness expression strictly, as JSON text.
  func evaluateJSON(_ attribute: String, _ request: SplitRequest) throws -> CommandResult {
    try nix(
      "nix-instantiate",
      ["--eval", "--strict", "--json", expression.path, "-A", attribute] + request.nixArguments)
  }

  /// Builds every output of a derivation (`nix-store --realise`), whatever the outcome.
  func realise(_ derivation: String) throws -> CommandResult {
    try nix("nix-store", ["--realise", derivation])
  }

  /// The derivations `nix-store --realise --dry-run` says it would build for `derivation`.
  func derivationsToBuild(_ derivation: String) throws -> Set<String> {
    let result = try nixChecked("nix-store", ["--realise", "--dry-run", derivation])
    return Set(BuildLog.plannedDerivations(in: result.standardError))
  }

  /// The output paths of a derivation by output name, read from `nix show-derivation`.
  func outputPaths(_ derivation: String) throws -> [String: String] {
    let result = try nixChecked("nix", ["show-derivation", derivation])
    guard
      let json = try JSONSerialization.jsonObject(with: Data(result.standardOutput.utf8))
        as? [String: Any],
      let entry = json[derivation] as? [String: Any] ?? json.values.first as? [String: Any],
      let outputs = entry["outputs"] as? [String: Any]
    else {
      throw HarnessError.unexpectedOutput(command: result.commandLine, output: result.standardOutput)
    }
    var paths: [String: String] = [:]
    for (name, value) in outputs {
      guard let path = (value as? [String: Any])?["path"] as? String else {
        throw HarnessError.unexpectedOutput(command: result.commandLine, output: result.standardOutput)
      }
      paths[name] = path
    }
    return paths
  }

  /// The stored build log of a derivation (`nix-store --read-log`).
  func buildLog(_ derivation: String) throws -> String {
    try nixChecked("nix-store", ["--read-log", derivation]).standardOutput
  }

  /// The NAR serialisation of a store path (`nix-store --dump`).
  func narDump(_ path: String) throws -> [UInt8] {
    let result = try runner.runCapturingBytes("nix-store", ["--dump", path])
    guard result.status == 0 else {
      throw HarnessError.unexpectedOutput(command: "nix-store --dump \(path)", output: result.error)
    }
    return result.bytes
  }
}

extension NixHarness {
  /// Instantiates `request` unsplit and split and builds both; each build must succeed.
  func realiseUnsplitAndSplit(_ request: SplitRequest) throws -> (split: String, unsplit: String) {
    let unsplit = try instantiate("unsplit", request)
    let split = try instantiate("split", request)
    for derivation in [unsplit, split] {
      let build = try realise(derivation)
      guard build.succeeded else { throw HarnessError.commandFailed(build) }
    }
    return (split, unsplit)
  }

  /// Builds `request` split and unsplit and returns both with the differences of their outputs.
  func buildSplitAndUnsplit(_ request: SplitRequest) throws -> (
    split: String, unsplit: String, differences: [OutputComparison.Difference]
  ) {
    let (split, unsplit) = try realiseUnsplitAndSplit(request)
    let differences = try OutputComparison.differences(
      split: outputPaths(split), unsplit: outputPaths(unsplit), harness: self)
    return (split, unsplit, differences)
  }
}
