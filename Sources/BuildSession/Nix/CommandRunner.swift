import Foundation

/// Runs external commands (Nix, unshare, bash) with captured or streamed output.
///
/// Commands get the caller's environment plus ``environment`` (a session puts the project's
/// sandbox settings there as `NIX_CONFIG`, so they apply to every Nix invocation).
public struct CommandRunner: Sendable {
  /// Extra environment variables for every command (overriding the inherited ones).
  public var environment: [String: String]

  /// Creates a runner that adds `environment` to the inherited environment.
  public init(environment: [String: String] = [:]) {
    self.environment = environment
  }

  /// Runs `arguments` (the first is looked up on `PATH`) and captures stdout and stderr.
  public func run(_ arguments: [String]) throws(BuildSessionError) -> CommandResult {
    try run(arguments, standardErrorLine: nil)
  }

  /// Runs `arguments`, capturing stdout; stderr lines are passed to `standardErrorLine` as they
  /// arrive (and not kept) when it is given, captured otherwise.
  public func run(
    _ arguments: [String], standardErrorLine: (@Sendable (Substring) -> Void)?
  ) throws(BuildSessionError) -> CommandResult {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = arguments
    process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
    let outputPipe = Pipe()
    let errorPipe = Pipe()
    process.standardOutput = outputPipe
    process.standardError = errorPipe
    process.standardInput = FileHandle.nullDevice
    do {
      try SignalMask.withAllUnblocked { try process.run() }
    } catch {
      throw .commandFailedToStart(commandLine: arguments, reason: "\(error)")
    }
    let collected = CollectedOutput()
    let outputReader = Thread {
      collected.setOutput(outputPipe.fileHandleForReading.readDataToEndOfFile())
    }
    outputReader.start()
    let errorHandle = errorPipe.fileHandleForReading
    var errorText = Data()
    var pending = Data()
    while true {
      let chunk = errorHandle.availableData
      if chunk.isEmpty { break }
      guard let standardErrorLine else {
        errorText.append(chunk)
        continue
      }
      pending.append(chunk)
      while let newline = pending.firstIndex(of: 0x0A) {
        let line = String(decoding: pending[pending.startIndex..<newline], as: UTF8.self)
        pending.removeSubrange(pending.startIndex...newline)
        standardErrorLine(line[...])
      }
    }
    if let standardErrorLine, !pending.isEmpty {
      standardErrorLine(String(decoding: pending, as: UTF8.self)[...])
    }
    process.waitUntilExit()
    let output = collected.waitForOutput()
    let status =
      process.terminationReason == .uncaughtSignal
      ? 128 + process.terminationStatus : process.terminationStatus
    return CommandResult(
      commandLine: arguments, status: status, standardOutput: String(decoding: output, as: UTF8.self),
      standardError: String(decoding: errorText, as: UTF8.self))
  }

  /// Runs `arguments` and returns stdout, throwing ``BuildSessionError/commandFailed`` on a
  /// non-zero exit status.
  public func output(of arguments: [String]) throws(BuildSessionError) -> String {
    let result = try run(arguments)
    guard result.status == 0 else {
      throw .commandFailed(
        commandLine: arguments, status: result.status, standardErrorTail: result.standardErrorTail())
    }
    return result.standardOutput
  }
}

/// Stdout bytes collected on a reader thread, handed over once the pipe closes.
private final class CollectedOutput: @unchecked Sendable {
  private let condition = NSCondition()
  private var data: Data?

  func setOutput(_ output: Data) {
    condition.lock()
    data = output
    condition.signal()
    condition.unlock()
  }

  func waitForOutput() -> Data {
    condition.lock()
    defer { condition.unlock() }
    while data == nil { condition.wait() }
    return data ?? Data()
  }
}
