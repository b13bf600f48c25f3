import Foundation
import NixInterface

/// The built `phasesplit` executable: `PHASESPLIT_TEST_TOOL` when set (scripts/test.sh sets it to
/// the release build), otherwise the package's debug or release build.
enum PhasesplitTool {
  static let path: String? = {
    if let path = ProcessInfo.processInfo.environment["PHASESPLIT_TEST_TOOL"], !path.isEmpty {
      return path
    }
    let packageRoot = URL(fileURLWithPath: #filePath)
      .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
      .deletingLastPathComponent()
    for configuration in ["debug", "release"] {
      let candidate = packageRoot.appendingPathComponent(".build/\(configuration)/phasesplit").path
      if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
    }
    return nil
  }()

  /// What one run printed and how it exited.
  struct Run {
    var status: Int32
    var standardOutput: String
    var standardError: String
  }

  /// Runs the tool with `arguments` and the project's Nix settings (`NIX_CONFIG`).
  static func run(_ arguments: [String]) throws -> Run {
    guard let path else { throw FixtureError("phasesplit is not built; run swift build first") }
    return try runProgram(path, arguments, environment: ["NIX_CONFIG": NixFixture.nixConfiguration])
  }

  /// Runs `program` (a path) with `arguments`, collecting both output streams.
  static func runProgram(_ program: String, _ arguments: [String], environment: [String: String] = [:]) throws
    -> Run
  {
    let process = Process()
    process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
    process.executableURL = URL(fileURLWithPath: program)
    process.arguments = arguments
    let directory = try NixFixture.makeTemporaryDirectory()
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
    defer { try? FileManager.default.removeItem(at: directory) }
    return Run(
      status: process.terminationStatus,
      standardOutput: try String(contentsOf: outputURL, encoding: .utf8),
      standardError: try String(contentsOf: errorURL, encoding: .utf8)
    )
  }
}
