import NixInterface

/// What `phasesplit build` was asked to do, after the installable has been resolved.
public struct BuildRequest: Sendable {
  /// The final segment's `.drv` path (the split package).
  public var finalDerivationPath: String
  /// Continue building other derivations after a failure (nix-build `--keep-going`).
  public var keepGoing: Bool
  /// The result symlink.
  public var outLink: NixBuildOptions.OutLink
  /// The installable as command-line words (`-f split.nix -A hello`), for the enter command shown
  /// after a failure.
  public var installableWords: [String]
  /// The exact command line that resumes the build, shown after a failure.
  public var resumeCommand: [String]
  /// Where the earlier segments get garbage-collector roots; `nil` for none.
  public var segmentRoots: SegmentRoots?
  /// Print every build log line as it arrives prefixed by the build's name (`-L`, as `nix build -L`).
  public var printBuildLogs: Bool

  /// Creates a request.
  public init(
    finalDerivationPath: String, keepGoing: Bool, outLink: NixBuildOptions.OutLink,
    installableWords: [String],
    resumeCommand: [String], segmentRoots: SegmentRoots? = nil, printBuildLogs: Bool = false
  ) {
    self.printBuildLogs = printBuildLogs
    self.finalDerivationPath = finalDerivationPath
    self.keepGoing = keepGoing
    self.outLink = outLink
    self.installableWords = installableWords
    self.resumeCommand = resumeCommand
    self.segmentRoots = segmentRoots
  }
}
