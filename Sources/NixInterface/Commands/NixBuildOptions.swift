/// How ``NixRunner/realise(_:options:standardErrorLine:)`` builds.
public struct NixBuildOptions: Sendable, Equatable {
  /// Where the result symlinks go.
  public enum OutLink: Sendable, Equatable {
    /// No symlinks (`--no-out-link`); the outputs may be garbage-collected later.
    case none
    /// Symlinks at this path (`--out-link PATH`; further outputs get `PATH-NAME`).
    case path(String)
  }

  /// Where the result symlinks go.
  public var outLink: OutLink
  /// Whether to go on building other derivations after one fails (`--keep-going`).
  public var keepGoing: Bool
  /// Further arguments for `nix-build`, e.g. `["--log-format", "internal-json", "-v"]`.
  public var extraArguments: [String]

  /// Creates options; the default builds without symlinks and stops at the first failure.
  public init(outLink: OutLink = .none, keepGoing: Bool = false, extraArguments: [String] = []) {
    self.outLink = outLink
    self.keepGoing = keepGoing
    self.extraArguments = extraArguments
  }

  /// The options as `nix-build` arguments.
  var commandLineArguments: [String] {
    var arguments: [String]
    switch outLink {
    case .none: arguments = ["--no-out-link"]
    case .path(let path): arguments = ["--out-link", path]
    }
    if keepGoing { arguments.append("--keep-going") }
    return arguments + extraArguments
  }
}
