import Foundation
import Testing

/// Helpers for the build/explain/enter integration tests: the CLI under test, fixtures, Nix.
enum SessionTestSupport {
  /// The package checkout (three levels above this file).
  static let packageDirectory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path

  /// The phasesplit executable: PHASESPLIT_TEST_TOOL, else the release or debug build here.
  static var tool: String? {
    if let configured = ProcessInfo.processInfo.environment["PHASESPLIT_TEST_TOOL"], !configured.isEmpty {
      return configured
    }
    return ["release", "debug"].map { "\(packageDirectory)/.build/\($0)/phasesplit" }
      .first { FileManager.default.isExecutableFile(atPath: $0) }
  }

  /// Whether the tool can run inside the Nix sandbox as a segment runner: a release build
  /// (static Swift runtime) that has the archive commands.
  static var toolRunsInSandbox: Bool {
    guard let tool, !tool.contains("/.build/debug/"), !tool.contains("/debug/phasesplit") else {
      return false
    }
    return (try? run([tool, "pack", "--help"]).status) == 0
  }

  /// The sandbox settings every Nix command gets.
  static let nixEnvironment: [String: String] = {
    let conf = (try? String(contentsOfFile: packageDirectory + "/fixtures/nix.conf", encoding: .utf8)) ?? ""
    return ["NIX_CONFIG": conf]
  }()

  /// The result of a finished command.
  struct Result {
    var status: Int32
    var output: String
    var error: String
  }

  /// Runs a command to completion with the Nix settings, capturing stdout and stderr.
  ///
  /// The child starts with no signal blocked (test threads block them, and children inherit the
  /// mask). With `detached`, stdout and stderr go to /dev/null and nothing is captured: for
  /// commands that leave a daemon holding their output open (`tmux new-session -d`).
  static func run(_ arguments: [String], environment: [String: String] = [:], detached: Bool = false) throws
    -> Result
  {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = arguments
    process.environment = ProcessInfo.processInfo.environment.merging(nixEnvironment) { $1 }
      .merging(environment) { $1 }
    process.standardInput = FileHandle.nullDevice
    if detached {
      return Result(
        status: try spawnDetached(arguments, environment: process.environment ?? [:]), output: "", error: "")
    }
    let output = Pipe()
    let error = Pipe()
    process.standardOutput = output
    process.standardError = error
    try withUnblockedSignals { try process.run() }
    let group = DispatchGroup()
    nonisolated(unsafe) var errorBytes = Data()
    group.enter()
    DispatchQueue.global().async {
      errorBytes = error.fileHandleForReading.readDataToEndOfFile()
      group.leave()
    }
    let outputBytes = output.fileHandleForReading.readDataToEndOfFile()
    group.wait()
    process.waitUntilExit()
    return Result(
      status: process.terminationStatus, output: String(decoding: outputBytes, as: UTF8.self),
      error: String(decoding: errorBytes, as: UTF8.self))
  }

  /// Starts `arguments` with posix_spawn (no signal blocked, stdout and stderr to /dev/null) and
  /// waits for it with waitpid; Foundation's Process does not notice the exit of a client whose
  /// daemon child (the tmux server) lives on.
  static func spawnDetached(_ arguments: [String], environment: [String: String]) throws -> Int32 {
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
    posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
    posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
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
    try #require(spawned == 0, "cannot start \(arguments[0]): \(String(cString: strerror(spawned)))")
    var status: Int32 = 0
    while waitpid(pid, &status, 0) == -1, errno == EINTR {}
    return (status >> 8) & 0xff
  }

  /// Runs `body` with no signal blocked on this thread.
  static func withUnblockedSignals(_ body: () throws -> Void) rethrows {
    var empty = sigset_t()
    var previous = sigset_t()
    sigemptyset(&empty)
    pthread_sigmask(SIG_SETMASK, &empty, &previous)
    defer { pthread_sigmask(SIG_SETMASK, &previous, nil) }
    try body()
  }

  /// Runs the CLI under test.
  static func phasesplit(_ arguments: [String], environment: [String: String] = [:]) throws -> Result {
    let tool = try #require(tool, "build phasesplit first (swift build) or set PHASESPLIT_TEST_TOOL")
    return try run([tool] + arguments, environment: environment)
  }

  /// A fresh temporary directory, unique per call.
  static func temporaryDirectory() throws -> String {
    let path = NSTemporaryDirectory() + "/phasesplit-session-test-" + UUID().uuidString
    try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    return path
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
    try #require(result.status == 0, "nix-instantiate failed: \(result.error)")
    return try #require(result.output.split(separator: "\n").last.map(String.init))
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
    return result?.output.trimmingCharacters(in: .whitespacesAndNewlines) == "true"
  }
}
