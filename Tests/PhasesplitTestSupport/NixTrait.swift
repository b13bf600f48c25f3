import Foundation
import Testing

extension Tag {
  /// Tests that run the installed Nix (nix-instantiate, nix-build, nix-store, nix-hash): real
  /// evaluations and sandboxed builds. Every such test or suite also carries ``requiresNix``.
  @Tag public static var nix: Self
}

extension Trait where Self == ConditionTrait {
  /// Runs the test only where Nix can run it, and says why it skips otherwise: nix-build is not
  /// on PATH, or `PHASESPLIT_TEST_SKIP_NIX` is set (to run only the unit tests).
  public static var requiresNix: Self {
    .enabled(if: NixAvailability.skipReason == nil, Comment(rawValue: NixAvailability.skipReason ?? ""))
  }
}

/// Whether the tests that run Nix can run here.
public enum NixAvailability {
  /// Why the Nix tests skip, or nil when they run.
  public static let skipReason: String? = {
    let environment = ProcessInfo.processInfo.environment
    if let skip = environment["PHASESPLIT_TEST_SKIP_NIX"], !skip.isEmpty {
      return "needs Nix; skipped because PHASESPLIT_TEST_SKIP_NIX is set"
    }
    let path = environment["PATH"] ?? ""
    let found = path.split(separator: ":").contains { directory in
      FileManager.default.isExecutableFile(atPath: "\(directory)/nix-build")
    }
    return found ? nil : "needs Nix: nix-build is not on PATH"
  }()
}
