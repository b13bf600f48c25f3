import Basics
import BuildSession
import Foundation
import PhasesplitTestSupport
import Testing

/// Helpers for the build/explain/enter integration tests: the CLI under test, fixtures, Nix.
enum SessionTestSupport {
  /// The package checkout.
  static let packageDirectory = TestPackage.root.path

  /// The phasesplit executable (see ``TestPackage/tool()``), nil when none is built.
  static var tool: String? { try? TestPackage.tool() }

  /// Whether the tool can run inside the Nix sandbox as a segment runner: a release build
  /// (static Swift runtime) that has the archive commands.
  static var toolRunsInSandbox: Bool {
    guard let tool, !tool.contains("/.build/debug/"), !tool.contains("/debug/phasesplit") else {
      return false
    }
    return (try? run([tool, "pack", "--help"]).status) == 0
  }

  /// Runs a command to completion with the Nix settings, capturing stdout and stderr.
  ///
  /// The child starts with no signal blocked (test threads block them, and children inherit the
  /// mask). With `detached`, stdout and stderr go to /dev/null and nothing is captured: for
  /// commands that leave a daemon holding their output open (`tmux new-session -d`).
  static func run(_ arguments: [String], environment: [String: String] = [:], detached: Bool = false) throws
    -> CommandResult
  {
    guard detached else {
      return try CommandRunner.withNixSettings.run(
        arguments[0], Array(arguments.dropFirst()), environment: environment)
    }
    let fullEnvironment = ProcessInfo.processInfo.environment.merging(TestPackage.nixEnvironment) { $1 }
      .merging(environment) { $1 }
    return CommandResult(
      commandLine: arguments.joined(separator: " "),
      status: try spawnDetached(arguments, environment: fullEnvironment), standardOutput: "",
      standardError: "")
  }

  /// Starts `arguments` with posix_spawn (no signal blocked, stdout and stderr to /dev/null) and
  /// waits for it with waitpid; Foundation's Process does not notice the exit of a client whose
  /// daemon child (the tmux server) lives on.
  static func spawnDetached(_ arguments: [String], environment: [String: String]) throws -> Int32 {
    let pid = try spawn(
      arguments, environment: environment, standardOutput: "/dev/null", standardError: "/dev/null")
    var status: Int32 = 0
    while waitpid(pid, &status, 0) == -1, errno == EINTR {}
    return (status >> 8) & 0xff
  }

  /// Starts `arguments` with posix_spawn, no signal blocked (the test process blocks some), with
  /// standard input from /dev/null and standard output and error to the files named (standard
  /// error joins standard output when it is nil); returns the pid.
  static func spawn(
    _ arguments: [String], environment: [String: String], standardOutput: String, standardError: String?
  ) throws -> pid_t {
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
    posix_spawn_file_actions_addopen(&actions, 1, standardOutput, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
    if let standardError {
      posix_spawn_file_actions_addopen(&actions, 2, standardError, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
    } else {
      posix_spawn_file_actions_adddup2(&actions, 1, 2)
    }
    var attributes = posix_spawnattr_t()
    posix_spawnattr_init(&attributes)
    defer { posix_spawnattr_destroy(&attributes) }
    var empty = sigset_t()
    sigemptyset(&empty)
    posix_spawnattr_setsigmask(&attributes, &empty)
    posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK))
    let argv = arguments.map { strdup($0) } + [nil]
    let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
    defer { (argv + envp).forEach { free($0) } }
    var pid: pid_t = 0
    let spawned = posix_spawnp(&pid, arguments[0], &actions, &attributes, argv, envp)
    try #require(spawned == 0, "cannot start \(arguments[0]): \(SystemErrorText.describe(spawned))")
    return pid
  }

  /// Runs the CLI under test.
  static func phasesplit(_ arguments: [String], environment: [String: String] = [:]) throws -> CommandResult {
    try CommandRunner.withNixSettings.phasesplit(arguments, environment: environment)
  }

  /// The report `phasesplit build --json` printed to standard output in `result`, decoded as the
  /// library's own ``BuildReport`` (so the tests read the schema the CLI writes).
  static func buildReport(_ result: CommandResult) throws -> BuildReport {
    try JSONDecoder().decode(BuildReport.self, from: Data(result.standardOutput.utf8))
  }

  /// The report `phasesplit explain --json` printed to standard output in `result`, decoded as
  /// the library's own ``ExplainReport`` (so the tests read the schema the CLI writes).
  static func explainReport(_ result: CommandResult) throws -> ExplainReport {
    try JSONDecoder().decode(ExplainReport.self, from: Data(result.standardOutput.utf8))
  }

  /// A fresh temporary directory, unique per call.
  static func temporaryDirectory() throws -> String {
    try TemporaryDirectory.make("session-test").path
  }

  /// A salt that makes a test's derivations its own (fresh store paths, no sharing between tests).
  static func uniqueSalt() -> String { UUID().uuidString.lowercased() }

  /// Instantiates `expression`-file `file` with string arguments; returns the `.drv` path.
  static func instantiate(
    _ file: String, stringArguments: [String: String] = [:], arguments: [String: String] = [:]
  )
    throws -> String
  {
    var command = ["nix-instantiate", file]
    for (name, value) in stringArguments.sorted(by: { $0.key < $1.key }) {
      command += ["--argstr", name, value]
    }
    for (name, value) in arguments.sorted(by: { $0.key < $1.key }) { command += ["--arg", name, value] }
    let result = try run(command)
    try #require(result.status == 0, "nix-instantiate failed: \(result.standardError)")
    return try #require(result.standardOutput.split(separator: "\n").last.map(String.init))
  }

  /// The synthetic split package of Tests/IntegrationTests/Session/synthetic-chain.nix.
  static let syntheticChain = packageDirectory + "/Tests/IntegrationTests/Session/synthetic-chain.nix"

  /// The fixtures file.
  static let fixtures = packageDirectory + "/fixtures/default.nix"

  /// Whether the fixtures define `attribute`.
  static func fixturesHave(_ attribute: String) -> Bool {
    let result = try? run([
      "nix-instantiate", "--eval", "-E", "(import \(fixtures) { }) ? \(attribute)",
    ])
    return result?.standardOutput.trimmingCharacters(in: .whitespacesAndNewlines) == "true"
  }
}
