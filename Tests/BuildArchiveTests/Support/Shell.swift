import Foundation

/// Runs external programs for tests (python3, zstd, make, the phasesplit CLI).
enum Shell {
  struct Result {
    var status: Int32
    var output: String
    var error: String
  }

  /// Runs `executable` with `arguments` in `directory`, capturing output.
  @discardableResult
  static func run(
    _ executable: String, _ arguments: [String], in directory: String? = nil,
    environment: [String: String]? = nil
  ) throws -> Result {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: executable)
    process.arguments = arguments
    if let directory { process.currentDirectoryURL = URL(fileURLWithPath: directory) }
    if let environment {
      process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
    }
    let outputPipe = Pipe()
    let errorPipe = Pipe()
    process.standardOutput = outputPipe
    process.standardError = errorPipe
    try process.run()
    let group = DispatchGroup()
    nonisolated(unsafe) var errorData = Data()
    group.enter()
    DispatchQueue.global().async {
      errorData = errorPipe.fileHandleForReading.readDataToEndOfFile()
      group.leave()
    }
    let outputData = outputPipe.fileHandleForReading.readDataToEndOfFile()
    group.wait()
    process.waitUntilExit()
    return Result(
      status: process.terminationStatus,
      output: String(decoding: outputData, as: UTF8.self),
      error: String(decoding: errorData, as: UTF8.self))
  }

  /// Runs a bash script.
  @discardableResult
  static func bash(
    _ script: String, in directory: String? = nil, arguments: [String] = [],
    environment: [String: String]? = nil
  ) throws -> Result {
    try run(
      "/bin/bash", ["-euo", "pipefail", "-c", script, "bash"] + arguments, in: directory,
      environment: environment)
  }
}
