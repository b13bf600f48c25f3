import Foundation
import NixInterface
import Testing

/// Runs the built `phasesplit` for the analyze/wrap integration tests.
///
/// The executable is `PHASESPLIT_TEST_TOOL` when set (scripts/test.sh: the static release
/// build), else the newer of the package's `.build/release/phasesplit` and
/// `.build/debug/phasesplit`.
/// Builds that run inside the Nix sandbox need a statically linked Swift runtime, so they ask
/// for ``staticTool()``.
enum PlanningCLI {
  /// The package checkout.
  static let packageRoot = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()

  static var fixturesPath: String { packageRoot.appendingPathComponent("fixtures").path }

  /// What one run printed and how it exited.
  struct Run {
    var status: Int32
    var standardOutput: String
    var standardError: String
  }

  private static func modificationDate(_ path: String) -> Date {
    let attributes = try? FileManager.default.attributesOfItem(atPath: path)
    return attributes?[.modificationDate] as? Date ?? .distantPast
  }

  /// Any built tool (debug is fine for commands that run outside the sandbox).
  static func tool() throws -> String {
    if let path = ProcessInfo.processInfo.environment["PHASESPLIT_TEST_TOOL"], !path.isEmpty { return path }
    let built = ["release", "debug"]
      .map { packageRoot.appendingPathComponent(".build/\($0)/phasesplit").path }
      .filter { FileManager.default.isExecutableFile(atPath: $0) }
    // The most recently built one: a stale release build must not hide the debug build in use.
    let newest = built.max { modificationDate($0) < modificationDate($1) }
    guard let newest else {
      throw PlanningTestError("phasesplit is not built; run `swift build` (or scripts/test.sh)")
    }
    return newest
  }

  /// A tool that can run inside the Nix sandbox: PHASESPLIT_TEST_TOOL or `.build/release`.
  static func staticTool() throws -> String {
    if let path = ProcessInfo.processInfo.environment["PHASESPLIT_TEST_TOOL"], !path.isEmpty { return path }
    let candidate = packageRoot.appendingPathComponent(".build/release/phasesplit").path
    guard FileManager.default.isExecutableFile(atPath: candidate) else {
      throw PlanningTestError(
        "building in the sandbox needs a static tool: swift build -c release --static-swift-stdlib --product phasesplit"
      )
    }
    return candidate
  }

  /// A fresh temporary directory, removed by the caller.
  static func temporaryDirectory() throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("plan-cli-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
  }

  /// Runs `program` with `arguments` and the project's Nix settings in `NIX_CONFIG`.
  static func run(_ program: String, _ arguments: [String]) throws -> Run {
    let directory = try temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: directory) }
    let process = Process()
    var environment = ProcessInfo.processInfo.environment
    environment["NIX_CONFIG"] = NixSettings.projectDefault.configurationText
    process.environment = environment
    process.executableURL = URL(fileURLWithPath: program)
    process.arguments = arguments
    let outputURL = directory.appendingPathComponent("stdout")
    let errorURL = directory.appendingPathComponent("stderr")
    _ = FileManager.default.createFile(atPath: outputURL.path, contents: nil)
    _ = FileManager.default.createFile(atPath: errorURL.path, contents: nil)
    let output = try FileHandle(forWritingTo: outputURL)
    let error = try FileHandle(forWritingTo: errorURL)
    process.standardOutput = output
    process.standardError = error
    try process.run()
    process.waitUntilExit()
    try output.close()
    try error.close()
    return Run(
      status: process.terminationStatus,
      standardOutput: try String(contentsOf: outputURL, encoding: .utf8),
      standardError: try String(contentsOf: errorURL, encoding: .utf8))
  }

  /// Runs the tool.
  static func phasesplit(_ arguments: [String], tool: String? = nil) throws -> Run {
    try run(try tool ?? Self.tool(), arguments)
  }

  /// The NAR serialisation of a store path (`nix-store --dump`).
  static func dump(_ storePath: String) throws -> [UInt8] {
    let directory = try temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: directory) }
    let file = directory.appendingPathComponent("dump.nar")
    let run = try run("/bin/sh", ["-c", "nix-store --dump \"$0\" > \"$1\"", storePath, file.path])
    guard run.status == 0 else {
      throw PlanningTestError("nix-store --dump \(storePath): \(run.standardError)")
    }
    return Array(try Data(contentsOf: file))
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
    let paths = try await NixRunner().instantiate(file: fixturesPath, attribute: attribute)
    return try #require(paths.first)
  }
}

/// A test precondition that does not hold (with what to do about it).
struct PlanningTestError: Error, CustomStringConvertible {
  var description: String
  init(_ description: String) { self.description = description }
}
