/// The process `enter` replaces itself with: `unshare` running the runner's `enter-shell.sh`
/// with a clean environment (the segment derivation's, as in the build sandbox).
public struct EnterLaunch: Sendable, Equatable {
  /// The full argument vector; the first word is looked up on `PATH`.
  public var arguments: [String]
  /// The scratch directory (removed by the script when the shell exits).
  public var scratchDirectory: String
}
