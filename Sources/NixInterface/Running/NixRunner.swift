import Basics
import Subprocess
import SystemPackage

/// Runs Nix programs with the machine's Nix configuration plus the runner's ``NixSettings``
/// (none by default).
///
/// Output is captured; a non-zero exit becomes a ``NixCommandError`` that carries the command line
/// and the tail of standard error. The typed operations (``instantiate(file:attribute:arguments:)``,
/// ``realise(_:options:standardErrorLine:)``, …) live in extensions.
public struct NixRunner: Sendable {
  /// The options every command gets on top of the caller's configuration.
  public var settings: NixSettings
  /// The directory holding `nix-instantiate`, `nix-build` and `nix-store`; `nil` to search `PATH`.
  public var binaryDirectory: String?

  /// The most standard output a command may print before it is stopped (64 MiB).
  static let outputLimit = 64 << 20

  /// Creates a runner.
  public init(settings: NixSettings = .machineConfiguration, binaryDirectory: String? = nil) {
    self.settings = settings
    self.binaryDirectory = binaryDirectory
  }

  /// Runs `tool` with `arguments`, capturing its output.
  ///
  /// - Throws: ``NixCommandError`` when the program cannot start or exits unsuccessfully.
  public func run(_ tool: NixTool, _ arguments: [String]) async throws(NixCommandError) -> NixCommandResult {
    let commandLine = [tool.rawValue] + arguments
    let outcome: ExecutionResult<Void, StringOutput<UTF8>, StringOutput<UTF8>>
    do {
      outcome = try await Subprocess.run(
        executable(for: tool),
        arguments: Arguments(arguments),
        environment: environment(),
        output: .string(limit: Self.outputLimit),
        error: .string(limit: Self.outputLimit)
      )
    } catch {
      throw NixCommandError(
        commandLine: commandLine, reason: .couldNotStart("\(error)"), standardErrorTail: [])
    }
    let standardError = outcome.standardError
    try check(
      outcome.terminationStatus, commandLine: commandLine, standardErrorTail: Self.tail(of: standardError))
    return NixCommandResult(
      commandLine: commandLine,
      standardOutput: outcome.standardOutput,
      standardError: standardError
    )
  }

  /// Runs `tool` with `arguments`, capturing standard output and handing each standard-error line
  /// to `standardErrorLine` as it arrives (for build logs and `--log-format internal-json`).
  ///
  /// The result's ``NixCommandResult/standardError`` holds only the last lines.
  ///
  /// The command runs under ``ChildGuard``: it never outlives phasesplit (also not after
  /// `kill -9`), and SIGTERM, SIGINT and SIGHUP sent to phasesplit meanwhile are forwarded to it
  /// and waited for (``SignalForwarding``), so an interrupted build stops before this returns.
  public func runStreaming(
    _ tool: NixTool,
    _ arguments: [String],
    standardErrorLine: @escaping @Sendable (String) -> Void
  ) async throws(NixCommandError) -> NixCommandResult {
    let commandLine = [tool.rawValue] + arguments
    let outcome: ExecutionResult<[String], StringOutput<UTF8>, SequenceOutput>
    var lifeline: [Int32] = [-1, -1]
    // Subprocess closes every other descriptor in its children; close-on-exec covers the rest.
    guard pipe(&lifeline) == 0, fcntl(lifeline[1], F_SETFD, FD_CLOEXEC) == 0 else {
      throw NixCommandError(
        commandLine: commandLine,
        reason: .couldNotStart("cannot create a pipe: \(SystemErrorText.describe(errno))"),
        standardErrorTail: [])
    }
    // The write end stays open in this process only (close-on-exec) until the command is done.
    defer { close(lifeline[1]) }
    do {
      outcome = try await Subprocess.run(
        .path(FilePath(ChildGuard.shell)),
        arguments: Arguments(ChildGuard.arguments(running: [executablePath(for: tool)] + arguments)),
        environment: environment(),
        input: .fileDescriptor(FileDescriptor(rawValue: lifeline[0]), closeAfterSpawningProcess: true),
        output: .string(limit: Self.outputLimit),
        error: .sequence
      ) { execution in
        SignalForwarding.begin(forwarding: execution.processIdentifier.value)
        defer { SignalForwarding.end() }
        var tail: [String] = []
        for try await line in execution.standardError.strings() {
          standardErrorLine(line)
          tail.append(line)
          if tail.count > NixCommandError.keptStandardErrorLines * 2 {
            tail.removeFirst(tail.count - NixCommandError.keptStandardErrorLines)
          }
        }
        return Array(tail.suffix(NixCommandError.keptStandardErrorLines))
      }
    } catch {
      throw NixCommandError(
        commandLine: commandLine, reason: .couldNotStart("\(error)"), standardErrorTail: [])
    }
    let tail = outcome.closureResult
    try check(outcome.terminationStatus, commandLine: commandLine, standardErrorTail: tail)
    return NixCommandResult(
      commandLine: commandLine,
      standardOutput: outcome.standardOutput,
      standardError: tail.joined(separator: "\n")
    )
  }

  private func check(
    _ status: TerminationStatus,
    commandLine: [String],
    standardErrorTail: [String]
  ) throws(NixCommandError) {
    switch status {
    case .exited(0):
      return
    case .exited(let code):
      throw NixCommandError(
        commandLine: commandLine, reason: .exited(code), standardErrorTail: standardErrorTail)
    case .signaled(let signal):
      throw NixCommandError(
        commandLine: commandLine, reason: .signalled(signal), standardErrorTail: standardErrorTail)
    }
  }

  /// The program path for `tool` as the guard's `bash` runs it (it searches `PATH` for a name).
  private func executablePath(for tool: NixTool) -> String {
    binaryDirectory.map { $0 + "/" + tool.rawValue } ?? tool.rawValue
  }

  private func executable(for tool: NixTool) -> Executable {
    if let binaryDirectory {
      return .path(FilePath(binaryDirectory + "/" + tool.rawValue))
    }
    return .name(tool.rawValue)
  }

  private func environment() -> Environment {
    let inherited = getenv("NIX_CONFIG").map { String(cString: $0) }
    guard let value = settings.nixConfigValue(inheriting: inherited) else { return .inherit }
    return .inherit.updating(["NIX_CONFIG": value])
  }

  /// The last ``NixCommandError/keptStandardErrorLines`` non-empty lines of `text`.
  static func tail(of text: String) -> [String] {
    let lines = text.split(separator: "\n").map(String.init)
    return Array(lines.suffix(NixCommandError.keptStandardErrorLines))
  }
}

/// The Nix programs phasesplit runs.
public enum NixTool: String, Sendable, CaseIterable {
  /// Evaluates expressions and writes derivations.
  case instantiate = "nix-instantiate"
  /// Builds derivations.
  case build = "nix-build"
  /// Queries and manipulates the store.
  case store = "nix-store"
  /// The `nix` command (flakes: `nix flake metadata`, `nix eval`); needs the `nix-command`
  /// experimental feature.
  case nix = "nix"
}
