import Foundation
import PhasesplitTestSupport
import Testing

/// phasesplit passes the user's Nix configuration on unchanged: logging shims for the Nix tools,
/// first on PATH, record the `NIX_CONFIG` each Nix command phasesplit runs sees.
@Suite(.tags(.nix), .requiresNix) struct NixConfigurationTests {
  typealias Support = SessionTestSupport

  /// A directory of shims for the Nix tools that record `NIX_CONFIG` (one file per call, named
  /// after the tool) and run the real tool.
  struct LoggingShims {
    let directory: String
    let logDirectory: String

    init(in parent: String) throws {
      directory = parent + "/shims"
      logDirectory = parent + "/log"
      for path in [directory, logDirectory] {
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
      }
      for tool in ["nix", "nix-build", "nix-instantiate", "nix-store"] {
        let real = try #require(
          try Support.run(["sh", "-c", "command -v \(tool)"]).standardOutput.split(separator: "\n").first)
        let script = """
          #!/bin/sh
          printf '%s' "$NIX_CONFIG" > "\(logDirectory)/\(tool).$$"
          exec \(real) "$@"

          """
        let shim = directory + "/" + tool
        try script.write(toFile: shim, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: shim)
      }
    }

    /// Tool name → the `NIX_CONFIG` values its calls saw, and clears the log.
    func takeLog() throws -> [(tool: String, configuration: String)] {
      let names = try FileManager.default.contentsOfDirectory(atPath: logDirectory).sorted()
      defer { names.forEach { try? FileManager.default.removeItem(atPath: logDirectory + "/" + $0) } }
      return try names.map { name in
        (
          String(name.prefix { $0 != "." }),
          try String(contentsOfFile: logDirectory + "/" + name, encoding: .utf8)
        )
      }
    }

    /// The environment that puts the shims first on PATH with `configuration` as `NIX_CONFIG`.
    func environment(configuration: String) -> [String: String] {
      let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
      return ["PATH": directory + ":" + path, "NIX_CONFIG": configuration]
    }
  }

  /// The fixtures' sandbox settings with a (local, empty) substituter and the features
  /// `nix-command flakes` in place of the fixtures' own.
  static func userConfiguration(cache: String) throws -> String {
    let fixtureLines = (TestPackage.nixEnvironment["NIX_CONFIG"] ?? "").split(separator: "\n")
      .filter { !$0.hasPrefix("substituters") && !$0.hasPrefix("experimental-features") }
    try FileManager.default.createDirectory(atPath: cache, withIntermediateDirectories: true)
    try "StoreDir: /nix/store\n".write(toFile: cache + "/nix-cache-info", atomically: true, encoding: .utf8)
    return
      (fixtureLines.map(String.init) + [
        "substituters = file://\(cache)", "experimental-features = nix-command flakes",
      ]).joined(separator: "\n")
  }

  @Test func everyNixCommandSeesTheUserConfigurationUnchanged() throws {
    let directory = try Support.temporaryDirectory()
    defer { try? FileManager.default.removeItem(atPath: directory) }
    let shims = try LoggingShims(in: directory)
    let configuration = try Self.userConfiguration(cache: directory + "/cache")
    let salt = Support.uniqueSalt()

    let built = try Support.phasesplit(
      ["build", "-f", Support.syntheticChain, "--argstr", "salt", salt, "--no-out-link"],
      environment: shims.environment(configuration: configuration))
    #expect(built.status == 0, "\(built.standardError)")
    let buildLog = try shims.takeLog()
    #expect(
      Set(buildLog.map(\.tool)).isSuperset(of: ["nix-instantiate", "nix-store", "nix-build"]), "\(buildLog)")
    for call in buildLog {
      #expect(call.configuration == configuration, "\(call.tool) saw: \(call.configuration)")
    }

    let wrapped = try Support.phasesplit(
      ["wrap", "-f", Support.fixtures, "-A", "plainMake", "--content-addressed", "--instantiate"],
      environment: shims.environment(configuration: configuration))
    #expect(wrapped.status == 0, "\(wrapped.standardError)")
    let wrapLog = try shims.takeLog()
    #expect(wrapLog.contains { $0.tool == "nix-instantiate" }, "\(wrapLog)")
    for call in wrapLog {
      #expect(
        call.configuration == configuration + "\nextra-experimental-features = ca-derivations",
        "\(call.tool) saw: \(call.configuration)")
    }
  }

  @Test func optionPassesThroughAfterTheUserConfiguration() throws {
    let directory = try Support.temporaryDirectory()
    defer { try? FileManager.default.removeItem(atPath: directory) }
    let shims = try LoggingShims(in: directory)
    let configuration = try Self.userConfiguration(cache: directory + "/cache")
    let result = try Support.phasesplit(
      ["show-drv", "-f", Support.fixtures, "-A", "plainMake", "--option", "cores", "1"],
      environment: shims.environment(configuration: configuration))
    #expect(result.status == 0, "\(result.standardError)")
    let log = try shims.takeLog()
    #expect(!log.isEmpty)
    for call in log {
      #expect(call.configuration == configuration + "\ncores = 1", "\(call.tool) saw: \(call.configuration)")
    }
  }
}
