import Foundation
import PhasesplitTestSupport
import Testing

/// `phasesplit build` blames the right thing: a dependency that is not a segment, nix-build
/// killed by a signal; and names the command that shows the whole log. Real sandboxed builds of
/// the synthetic chain.
@Suite(.tags(.nix), .requiresNix) struct BuildBlameTests {
  typealias Support = SessionTestSupport

  @Test func dependencyHashMismatchIsBlamedOnTheDependency() throws {
    let salt = Support.uniqueSalt()
    let result = try Support.phasesplit([
      "build", "-f", Support.syntheticChain, "--argstr", "salt", salt, "--argstr", "dependency", "badHash",
      "--no-out-link",
    ])
    #expect(result.status != 0)
    let output = result.standardOutput
    #expect(
      output.contains("dependency demo-\(salt)-src of demo-\(salt) (not a segment) failed"), "\(output)")
    #expect(output.contains("hash mismatch in fixed-output derivation"))
    #expect(!output.contains("none identified") && !output.contains("unknown phase"))
    let logLine = try #require(output.split(separator: "\n").first { $0.hasPrefix("  nix-store -l ") })
    #expect(logLine.hasSuffix("-demo-\(salt)-src.drv"))
    #expect(result.standardError.contains("demo-\(salt)-src: FAILED"), "\(result.standardError)")
  }

  @Test func failureNamesTheCommandThatShowsTheWholeLog() throws {
    let salt = Support.uniqueSalt()
    let result = try Support.phasesplit([
      "build", "-f", Support.syntheticChain, "--argstr", "salt", salt, "--argstr", "failIn", "installPhase",
      "--no-out-link", "-L",
    ])
    #expect(result.status != 0)
    // -L: every build log line, prefixed by its build.
    #expect(
      result.standardError.contains("demo-\(salt) configure> running configurePhase"),
      "\(result.standardError)")
    #expect(result.standardError.contains("demo-\(salt) install> installPhase: simulated failure"))
    let logLine = try #require(
      result.standardOutput.split(separator: "\n").first { $0.hasPrefix("  nix-store -l ") }.map(String.init))
    let log = try Support.run(
      logLine.trimmingCharacters(in: .whitespaces).split(separator: " ").map(String.init))
    #expect(log.status == 0, "\(log.standardError)")
    #expect(log.standardOutput.contains("running installPhase\ninstallPhase: simulated failure"))
  }

  @Test(arguments: [SIGTERM, SIGKILL])
  func killedNixBuildIsReportedAsInterruptedNotFailed(signal: Int32) throws {
    let salt = Support.uniqueSalt()
    let directory = try Support.temporaryDirectory()
    defer { try? FileManager.default.removeItem(atPath: directory) }
    let tool = try #require(Support.tool)
    let build = try SpawnedCommand(
      [
        tool, "build", "-f", Support.syntheticChain, "--argstr", "salt", salt, "--argstr", "sleepIn",
        "installPhase", "--argstr", "dependencySeconds", "8", "--no-out-link",
      ], outputDirectory: directory)
    #expect(try build.waitForStandardError(toContain: "demo-\(salt) install: building (installPhase)"))
    let nixBuild = try #require(build.descendant(named: "nix-build"), "no nix-build under phasesplit")
    kill(nixBuild, signal)
    let status = build.wait()
    let output = build.standardOutput
    #expect(status != 0)
    let expected =
      signal == SIGKILL
      ? "nix-build was killed by signal 9 (SIGKILL) while segment install"
      : "nix-build was interrupted by a signal while segment install"
    #expect(
      output.contains(
        expected + " of demo-\(salt) was building (in installPhase); no build failed by itself."), "\(output)"
    )
    #expect(!output.contains("failed in installPhase"))
    #expect(output.contains("interrupted"))
  }
}

/// A command started in the background with stdout and stderr in files (no signal blocked), for
/// tests that act on it while it runs. Only this command and its own children are signalled.
final class SpawnedCommand {
  let pid: pid_t
  let outputPath: String
  let errorPath: String

  init(_ arguments: [String], outputDirectory: String) throws {
    outputPath = outputDirectory + "/stdout"
    errorPath = outputDirectory + "/stderr"
    pid = try SessionTestSupport.spawn(
      arguments, environment: ProcessInfo.processInfo.environment.merging(TestPackage.nixEnvironment) { $1 },
      standardOutput: outputPath,
      standardError: errorPath)
  }

  var standardOutput: String { (try? String(contentsOfFile: outputPath, encoding: .utf8)) ?? "" }
  var standardError: String { (try? String(contentsOfFile: errorPath, encoding: .utf8)) ?? "" }

  /// Polls standard error for `text`, up to two minutes.
  func waitForStandardError(toContain text: String) throws -> Bool {
    for _ in 0..<600 {
      if standardError.contains(text) { return true }
      Thread.sleep(forTimeInterval: 0.2)
    }
    return false
  }

  /// The pid of a process called `name` among this command's descendants (from /proc):
  /// phasesplit runs nix-build under a small guard process.
  func descendant(named name: String) -> pid_t? {
    var parents: [pid_t: pid_t] = [:]
    var names: [pid_t: Substring] = [:]
    let entries = (try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? []
    for entry in entries {
      guard let candidate = pid_t(entry),
        let stat = try? String(contentsOfFile: "/proc/\(entry)/stat", encoding: .utf8),
        let open = stat.firstIndex(of: "("), let close = stat.lastIndex(of: ")")
      else { continue }
      let fields = stat[stat.index(close, offsetBy: 2)...].split(separator: " ")
      guard fields.count > 1, let parent = pid_t(fields[1]) else { continue }
      parents[candidate] = parent
      names[candidate] = stat[stat.index(after: open)..<close]
    }
    return names.first { candidate, command in
      guard command == name else { return false }
      var current = candidate
      while let parent = parents[current], parent > 1 {
        if parent == pid { return true }
        current = parent
      }
      return false
    }?.key
  }

  /// Waits for the command to exit; its exit status (128 + signal when killed).
  func wait() -> Int32 {
    var status: Int32 = 0
    while waitpid(pid, &status, 0) == -1, errno == EINTR {}
    return (status & 0x7f) == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f)
  }
}
