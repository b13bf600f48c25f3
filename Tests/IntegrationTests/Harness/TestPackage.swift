import Foundation
import NixInterface

/// The package checkout the integration tests run from: its root, the project's Nix settings and
/// the built phasesplit executable.
enum TestPackage {
  /// The package checkout (three levels above this file).
  static let root = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent()  // Harness
    .deletingLastPathComponent()  // IntegrationTests
    .deletingLastPathComponent()  // Tests
    .deletingLastPathComponent()

  /// The environment every command the tests run gets: the project's Nix settings (`NIX_CONFIG`
  /// from fixtures/nix.conf, which the tests opt into) and a state directory for the segments'
  /// garbage-collector roots under the temporary directory (not the user's), and the static
  /// build as the phasesplit segment builds run (so a debug build can run the CLI).
  static let nixEnvironment: [String: String] = {
    let file = root.appendingPathComponent("fixtures/nix.conf")
    return [
      "PHASESPLIT_IN_BUILD_TOOL": (try? sandboxTool()) ?? "",
      "NIX_CONFIG": (try? String(contentsOf: file, encoding: .utf8)) ?? "",
      "PHASESPLIT_STATE_DIR": FileManager.default.temporaryDirectory.appendingPathComponent(
        "phasesplit-test-state"
      ).path,
    ]
  }()

  /// A runner for in-process Nix calls with the project's settings added to the caller's.
  static var nixRunner: NixRunner {
    let text = nixEnvironment["NIX_CONFIG"] ?? ""
    return NixRunner(
      settings: (try? NixSettings(parsingConfiguration: text, origin: "fixtures/nix.conf"))
        ?? .machineConfiguration)
  }

  /// Any built tool, for commands that run outside the Nix sandbox: PHASESPLIT_TEST_TOOL, else
  /// the more recently built of `.build/release/phasesplit` and `.build/debug/phasesplit` (a
  /// stale release build must not hide the debug build in use).
  static func tool() throws -> String {
    if let configured = configuredTool { return configured }
    let candidates = ["release", "debug"].map { root.appendingPathComponent(".build/\($0)/phasesplit").path }
    let newest = candidates.filter { FileManager.default.isExecutableFile(atPath: $0) }
      .max { modificationDate($0) < modificationDate($1) }
    guard let newest else { throw HarnessError.toolMissing(searched: candidates) }
    return newest
  }

  /// A tool that can run inside the Nix sandbox (statically linked Swift runtime):
  /// PHASESPLIT_TEST_TOOL, else `.build/release/phasesplit`.
  static func sandboxTool() throws -> String {
    if let configured = configuredTool { return configured }
    let candidate = root.appendingPathComponent(".build/release/phasesplit").path
    guard FileManager.default.isExecutableFile(atPath: candidate) else {
      throw HarnessError.toolMissing(searched: [candidate])
    }
    return candidate
  }

  private static var configuredTool: String? {
    guard let configured = ProcessInfo.processInfo.environment["PHASESPLIT_TEST_TOOL"], !configured.isEmpty
    else { return nil }
    return configured
  }

  private static func modificationDate(_ path: String) -> Date {
    let attributes = try? FileManager.default.attributesOfItem(atPath: path)
    return attributes?[.modificationDate] as? Date ?? .distantPast
  }
}
