import Foundation

/// The Nix settings a session runs Nix with: the project's sandbox configuration.
///
/// When the caller's environment already has `NIX_CONFIG` it is used unchanged; otherwise the
/// project's `fixtures/nix.conf` is located next to the executable's checkout (or the working
/// directory) and passed as `NIX_CONFIG`.
public struct SessionNixSettings: Sendable, Equatable {
  /// The `NIX_CONFIG` text, or `nil` to run Nix with its own configuration.
  public var configuration: String?

  /// Creates settings with an explicit configuration text.
  public init(configuration: String?) {
    self.configuration = configuration
  }

  /// The settings for this process: inherited `NIX_CONFIG`, else the checkout's `fixtures/nix.conf`.
  public static func current() -> SessionNixSettings {
    let environment = ProcessInfo.processInfo.environment
    if let inherited = environment["NIX_CONFIG"], !inherited.isEmpty {
      return SessionNixSettings(configuration: inherited)
    }
    let executable = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
    let candidates = [
      executable.deletingLastPathComponent().appendingPathComponent("../../../fixtures/nix.conf").path,
      FileManager.default.currentDirectoryPath + "/fixtures/nix.conf",
    ]
    for candidate in candidates {
      if let text = try? String(contentsOfFile: candidate, encoding: .utf8) {
        return SessionNixSettings(configuration: text)
      }
    }
    return SessionNixSettings(configuration: nil)
  }

  /// The environment variables that apply these settings.
  public var environment: [String: String] {
    configuration.map { ["NIX_CONFIG": $0] } ?? [:]
  }
}
