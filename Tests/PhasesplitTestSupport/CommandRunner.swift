import Foundation

/// Runs an external command to completion, with stdout and stderr captured through files in a
/// private scratch directory (so large build logs cannot fill a pipe and block the command).
/// The child starts with no signal blocked (test threads block them, and children inherit the mask)
/// and with standard input from /dev/null.
public struct CommandRunner: Sendable {
  /// A runner with the project's Nix settings that captures through the system temporary directory.
  public static let withNixSettings = CommandRunner(
    environment: TestPackage.nixEnvironment, scratch: FileManager.default.temporaryDirectory)

  /// A runner that adds nothing to the test process's environment (python3, zstd, make, the
  /// in-build commands of the CLI).
  public static let plain = CommandRunner(environment: [:], scratch: FileManager.default.temporaryDirectory)

  /// Environment variables set on top of the test process's environment.
  public let environment: [String: String]
  /// The directory that holds the capture files; unique to one test.
  public let scratch: URL

  public init(environment: [String: String], scratch: URL) {
    self.environment = environment
    self.scratch = scratch
  }

  /// Runs `executable` (a path, or a name looked up on PATH) with `arguments` in `directory`
  /// (the test process's when nil) and `extraEnvironment` on top of the runner's; stdout and
  /// stderr as text.
  public func run(
    _ executable: String, _ arguments: [String], in directory: String? = nil,
    environment extraEnvironment: [String: String] = [:]
  ) throws -> CommandResult {
    let raw = try runCapturingBytes(executable, arguments, in: directory, environment: extraEnvironment)
    return CommandResult(
      commandLine: ([executable] + arguments).joined(separator: " "),
      status: raw.status,
      standardOutput: String(decoding: raw.bytes, as: UTF8.self),
      standardError: raw.error
    )
  }

  /// Runs the built phasesplit (``TestPackage/tool()``) with `arguments`.
  public func phasesplit(_ arguments: [String], environment extraEnvironment: [String: String] = [:]) throws
    -> CommandResult
  {
    try run(try TestPackage.tool(), arguments, environment: extraEnvironment)
  }

  /// Runs a bash script with `-euo pipefail`; `arguments` are its positional parameters.
  public func bash(
    _ script: String, in directory: String? = nil, arguments: [String] = [],
    environment extraEnvironment: [String: String] = [:]
  ) throws -> CommandResult {
    try run(
      "/bin/bash", ["-euo", "pipefail", "-c", script, "bash"] + arguments, in: directory,
      environment: extraEnvironment)
  }

  /// Runs `executable` with `arguments`; stdout as bytes (for binary output such as a NAR).
  public func runCapturingBytes(
    _ executable: String, _ arguments: [String], in directory: String? = nil,
    environment extraEnvironment: [String: String] = [:]
  ) throws -> (status: Int32, bytes: [UInt8], error: String) {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = [executable] + arguments
    process.environment = ProcessInfo.processInfo.environment.merging(environment) { _, new in new }
      .merging(extraEnvironment) { _, new in new }
    if let directory { process.currentDirectoryURL = URL(fileURLWithPath: directory) }
    let token = UUID().uuidString
    let outputFile = scratch.appendingPathComponent("stdout-\(token)")
    let errorFile = scratch.appendingPathComponent("stderr-\(token)")
    _ = FileManager.default.createFile(atPath: outputFile.path, contents: nil)
    _ = FileManager.default.createFile(atPath: errorFile.path, contents: nil)
    defer {
      try? FileManager.default.removeItem(at: outputFile)
      try? FileManager.default.removeItem(at: errorFile)
    }
    let output = try FileHandle(forWritingTo: outputFile)
    let error = try FileHandle(forWritingTo: errorFile)
    process.standardOutput = output
    process.standardError = error
    process.standardInput = FileHandle.nullDevice
    try Self.withUnblockedSignals { try process.run() }
    process.waitUntilExit()
    try output.close()
    try error.close()
    return (
      process.terminationStatus,
      [UInt8](try Data(contentsOf: outputFile)),
      String(decoding: try Data(contentsOf: errorFile), as: UTF8.self)
    )
  }

  /// Runs `body` with no signal blocked on this thread.
  private static func withUnblockedSignals(_ body: () throws -> Void) rethrows {
    var empty = sigset_t()
    var previous = sigset_t()
    sigemptyset(&empty)
    pthread_sigmask(SIG_SETMASK, &empty, &previous)
    defer { pthread_sigmask(SIG_SETMASK, &previous, nil) }
    try body()
  }
}
