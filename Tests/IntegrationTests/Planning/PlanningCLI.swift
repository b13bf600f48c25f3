import Foundation
import NixInterface
import PhasesplitTestSupport
import Testing

/// Runs the built `phasesplit` (``TestPackage/tool()``) and Nix for the analyze/wrap
/// integration tests.
enum PlanningCLI {
  static var fixturesPath: String { TestPackage.root.appendingPathComponent("fixtures").path }

  /// A fresh temporary directory, removed by the caller.
  static func temporaryDirectory() throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("plan-cli-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
  }

  /// Runs `program` with `arguments` and the project's Nix settings in `NIX_CONFIG`.
  static func run(_ program: String, _ arguments: [String]) throws -> CommandResult {
    try CommandRunner.withNixSettings.run(program, arguments)
  }

  /// Runs the tool.
  static func phasesplit(_ arguments: [String], tool: String? = nil) throws -> CommandResult {
    try run(try tool ?? TestPackage.tool(), arguments)
  }

  /// The NAR serialisation of a store path (`nix-store --dump`).
  static func dump(_ storePath: String) throws -> [UInt8] {
    let dumped = try CommandRunner.withNixSettings.runCapturingBytes("nix-store", ["--dump", storePath])
    guard dumped.status == 0 else {
      throw HarnessError.unexpectedOutput(command: "nix-store --dump \(storePath)", output: dumped.error)
    }
    return dumped.bytes
  }

  /// The 32-character hash part of a store path.
  static func hashPart(of storePath: String) -> String {
    String(URL(fileURLWithPath: storePath).lastPathComponent.prefix(32))
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
