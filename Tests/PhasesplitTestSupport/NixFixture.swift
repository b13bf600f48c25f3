import Foundation
import NixEmission

/// Helpers that make real `.drv` files with the installed Nix, each test in its own directory.
public enum NixFixture {
  /// A token that keeps derivation names of one test apart from every other run.
  public static func uniqueToken() -> String {
    UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "").prefix(12).description
  }

  /// Writes `contents` to `name` in a fresh temporary directory and returns the file's path.
  public static func writeFile(named name: String, contents: String) throws -> String {
    let url = try TemporaryDirectory.make("nix-fixture").appendingPathComponent(name)
    try contents.write(to: url, atomically: true, encoding: .utf8)
    return url.path
  }

  /// Instantiates a Nix expression with the project's Nix settings and returns its single `.drv`
  /// path.
  public static func instantiate(_ expression: String) async throws -> String {
    let paths = try await TestPackage.nixRunner.instantiate(expression: expression)
    guard paths.count == 1 else {
      throw HarnessError.unexpectedOutput(
        command: "nix-instantiate -E …", output: "expected one derivation, got \(paths)")
    }
    return paths[0]
  }

  /// The text of a plain `derivation { … }` call with builder `/bin/sh` and extra attributes.
  public static func derivationExpression(name: String, attributes: String = "", script: String = "true")
    -> String
  {
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
  public static func runProgram(_ program: String, _ arguments: [String]) throws -> String {
    let run = try CommandRunner.plain.run(program, arguments)
    guard run.succeeded else { throw HarnessError.commandFailed(run) }
    return run.standardOutput.trimmingCharacters(in: .whitespacesAndNewlines)
  }
}
