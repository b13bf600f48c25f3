import Foundation
import NixInterface

/// The package checkout the tests run from: its root, fixtures, Nix library and Nix settings, and
/// the built phasesplit executable.
public enum TestPackage {
  /// The package checkout (three levels above this file).
  public static let root = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent()  // PhasesplitTestSupport
    .deletingLastPathComponent()  // Tests
    .deletingLastPathComponent()

  /// `fixtures/`: the stdenv written here and the packages built with it (`default.nix`).
  public static var fixtures: URL { root.appendingPathComponent("fixtures") }

  /// `nix-lib/`: the Nix library (`splitPhases`, the runner, `attribute-phases.json`).
  public static var nixLibrary: URL { root.appendingPathComponent("nix-lib") }

  /// An upstream tarball fetched by scripts/fetch-sources.sh into `.cache/sources`.
  public static func source(_ name: String) -> String {
    root.appendingPathComponent(".cache/sources/\(name)").path
  }

  /// The project's Nix settings for tests (`fixtures/nix.conf`), which the tests opt into.
  public static let nixConfiguration: String =
    (try? String(contentsOf: fixtures.appendingPathComponent("nix.conf"), encoding: .utf8)) ?? ""

  /// The environment every command the tests run gets: the project's Nix settings (`NIX_CONFIG`
  /// from fixtures/nix.conf), a state directory for the segments' garbage-collector roots under
  /// the temporary directory (not the user's), and the static build as the phasesplit segment
  /// builds run (so a debug build can run the CLI).
  public static let nixEnvironment: [String: String] = [
    "PHASESPLIT_IN_BUILD_TOOL": (try? sandboxTool()) ?? "",
    "NIX_CONFIG": nixConfiguration,
    "PHASESPLIT_STATE_DIR": FileManager.default.temporaryDirectory.appendingPathComponent(
      "phasesplit-test-state"
    ).path,
  ]

  /// A runner for in-process Nix calls with the project's settings added to the caller's.
  public static var nixRunner: NixRunner {
    NixRunner(
      settings: (try? NixSettings(parsingConfiguration: nixConfiguration, origin: "fixtures/nix.conf"))
        ?? .machineConfiguration)
  }

  /// Any built tool, for commands that run outside the Nix sandbox: PHASESPLIT_TEST_TOOL, else
  /// the more recently built of `.build/release/phasesplit` and `.build/debug/phasesplit` (a
  /// stale release build must not hide the debug build in use).
  public static func tool() throws -> String {
    if let configured = configuredTool { return configured }
    let candidates = ["release", "debug"].map { root.appendingPathComponent(".build/\($0)/phasesplit").path }
    let newest = candidates.filter { FileManager.default.isExecutableFile(atPath: $0) }
      .max { modificationDate($0) < modificationDate($1) }
    guard let newest else { throw HarnessError.toolMissing(searched: candidates) }
    return newest
  }

  /// A tool that can run inside the Nix sandbox (statically linked Swift runtime):
  /// PHASESPLIT_TEST_TOOL, else `.build/release/phasesplit`.
  public static func sandboxTool() throws -> String {
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
