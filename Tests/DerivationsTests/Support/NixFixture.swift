import Foundation
import NixEmission
import NixInterface

/// Helpers that make real `.drv` files with the installed Nix, each test in its own directory.
enum NixFixture {
  /// The project's Nix settings for tests (`fixtures/nix.conf`), which the tests opt into.
  static let nixConfiguration: String = {
    let packageRoot = URL(fileURLWithPath: #filePath)
      .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
      .deletingLastPathComponent()
    let path = packageRoot.appendingPathComponent("fixtures/nix.conf").path
    return (try? String(contentsOfFile: path, encoding: .utf8)) ?? ""
  }()

  /// A runner with the project's Nix settings added to the caller's.
  static var runner: NixRunner {
    NixRunner(
      settings: (try? NixSettings(parsingConfiguration: nixConfiguration, origin: "fixtures/nix.conf"))
        ?? .machineConfiguration)
  }

  /// A fresh directory under the system temporary directory.
  static func makeTemporaryDirectory() throws -> URL {
    let directory = FileManager.default.temporaryDirectory
      .appendingPathComponent("phasesplit-drv-tests-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    return directory
  }

  /// A token that keeps derivation names of one test apart from every other run.
  static func uniqueToken() -> String {
    UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "").prefix(12).description
  }

  /// Writes `contents` to `name` in a fresh temporary directory and returns the file's path.
  static func writeFile(named name: String, contents: String) throws -> String {
    let url = try makeTemporaryDirectory().appendingPathComponent(name)
    try contents.write(to: url, atomically: true, encoding: .utf8)
    return url.path
  }

  /// Instantiates a Nix expression and returns its single `.drv` path.
  static func instantiate(_ expression: String) async throws -> String {
    let paths = try await runner.instantiate(expression: expression)
    guard paths.count == 1 else { throw FixtureError("expected one derivation, got \(paths)") }
    return paths[0]
  }

  /// The text of a plain `derivation { … }` call with builder `/bin/sh` and extra attributes.
  static func derivationExpression(name: String, attributes: String = "", script: String = "true") -> String {
    """
    derivation {
      name = "\(name)";
      system = builtins.currentSystem;
      builder = "/bin/sh";
      args = [ "-c" \(NixSyntax.stringLiteral(script)) ];
      \(attributes)
    }
    """
  }

  /// Runs a program (looked up on PATH) and returns its trimmed standard output; throws when it
  /// fails.
  static func runProgram(_ program: String, _ arguments: [String]) throws -> String {
    let run = try PhasesplitTool.runProgram("/usr/bin/env", [program] + arguments)
    guard run.status == 0 else {
      throw FixtureError("\(program) \(arguments) exited with \(run.status): \(run.standardError)")
    }
    return run.standardOutput.trimmingCharacters(in: .whitespacesAndNewlines)
  }
}

/// A test setup step that failed.
struct FixtureError: Error, CustomStringConvertible {
  var description: String
  init(_ description: String) { self.description = description }
}
