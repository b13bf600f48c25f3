/// What `phasesplit build` was asked to do, after the installable has been resolved.
public struct BuildRequest: Sendable {
  /// The final segment's `.drv` path (the split package).
  public var finalDerivationPath: String
  /// Continue building other derivations after a failure (nix-build `--keep-going`).
  public var keepGoing: Bool
  /// The result symlink.
  public var outLink: OutLink
  /// The installable as command-line words (`-f split.nix -A hello`), for the enter command shown
  /// after a failure.
  public var installableWords: [String]
  /// The exact command line that resumes the build, shown after a failure.
  public var resumeCommand: [String]

  /// Creates a request.
  public init(
    finalDerivationPath: String, keepGoing: Bool, outLink: OutLink, installableWords: [String],
    resumeCommand: [String]
  ) {
    self.finalDerivationPath = finalDerivationPath
    self.keepGoing = keepGoing
    self.outLink = outLink
    self.installableWords = installableWords
    self.resumeCommand = resumeCommand
  }
}
