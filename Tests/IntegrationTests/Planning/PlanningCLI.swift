import Foundation
import NixInterface
import PhasesplitTestSupport
import Testing

/// Runs the built `phasesplit` (``TestPackage/tool()``) and Nix for the analyze/wrap
/// integration tests.
enum PlanningCLI {
  static var fixturesPath: String { TestPackage.fixtures.path }

  /// A fresh temporary directory, removed by the caller.
  static func temporaryDirectory() throws -> URL {
    try TemporaryDirectory.make("plan-cli")
  }

  /// Runs `program` with `arguments` and the project's Nix settings in `NIX_CONFIG`.
  static func run(_ program: String, _ arguments: [String]) throws -> CommandResult {
    try CommandRunner.withNixSettings.run(program, arguments)
  }

  /// Runs the tool.
  static func phasesplit(_ arguments: [String], tool: String? = nil) throws -> CommandResult {
    guard let tool else { return try CommandRunner.withNixSettings.phasesplit(arguments) }
    return try run(tool, arguments)
  }

  /// The NAR serialisation of a store path (`nix-store --dump`).
  static func dump(_ storePath: String) throws -> [UInt8] {
    let dumped = try CommandRunner.withNixSettings.runCapturingBytes("nix-store", ["--dump", storePath])
    guard dumped.status == 0 else {
      throw HarnessError.unexpectedOutput(command: "nix-store --dump \(storePath)", output: dumped.error)
    }
    return dumped.bytes
  }

  /// `bytes` with every occurrence of `pattern` replaced by `replacement` (same length).
  static func replacing(_ bytes: [UInt8], _ pattern: [UInt8], with replacement: [UInt8]) -> [UInt8] {
    var result = bytes
    var index = 0
    while index + pattern.count <= result.count {
      if result[index..<index + pattern.count].elementsEqual(pattern) {
        result.replaceSubrange(index..<index + pattern.count, with: replacement)
        index += pattern.count
      } else {
        index += 1
      }
    }
    return result
  }

  /// Instantiates `fixtures.ATTRIBUTE` and returns its `.drv` path.
  static func fixtureDerivation(_ attribute: String) async throws -> String {
    let paths = try await TestPackage.nixRunner.instantiate(file: fixturesPath, attribute: attribute)
    return try #require(paths.first)
  }
}
