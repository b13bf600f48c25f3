import Foundation

/// Runs an external command to completion, with stdout and stderr captured through files in a
/// private scratch directory (so large build logs cannot fill a pipe and block the command).
/// The child starts with no signal blocked (test threads block them, and children inherit the mask).
struct CommandRunner: Sendable {
  /// A runner with the project's Nix settings that captures through the system temporary directory.
  static let withNixSettings = CommandRunner(
    environment: TestPackage.nixEnvironment, scratch: FileManager.default.temporaryDirectory)

  /// Environment variables set on top of the test process's environment.
  let environment: [String: String]
  /// The directory that holds the capture files; unique to one test.
  let scratch: URL

  /// Runs `executable` (looked up on PATH) with `arguments` and `extraEnvironment` on top of the
  /// runner's; stdout and stderr as text.
  func run(_ executable: String, _ arguments: [String], environment extraEnvironment: [String: String] = [:])
    throws -> CommandResult
  {
    let raw = try runCapturingBytes(executable, arguments, environment: extraEnvironment)
    return CommandResult(
      commandLine: ([executable] + arguments).joined(separator: " "),
      status: raw.status,
      standardOutput: String(decoding: raw.bytes, as: UTF8.self),
      standardError: raw.error
    )
  }

  /// Runs `executable` with `arguments`; stdout as bytes (for binary output such as a NAR).
  func runCapturingBytes(
    _ executable: String, _ arguments: [String], environment extraEnvironment: [String: String] = [:]
  ) throws -> (status: Int32, bytes: [UInt8], error: String) {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = [executable] + arguments
    process.environment = ProcessInfo.processInfo.environment.merging(environment) { _, new in new }
      .merging(extraEnvironment) { _, new in new }
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
