/// What failed and how to continue: part of a failed build's report.
public struct BuildFailureReport: Sendable, Equatable, Codable {
  /// The failing segment (or, when nix-build was interrupted, the one that was building); nil
  /// when no segment failed (a dependency failed).
  public var segment: String?
  /// The phase it failed in (or was interrupted in), when known.
  public var phase: String?
  /// The `.drv` path of the build that failed (a segment's or a dependency's), when known.
  public var derivation: String?
  /// The name of the failed dependency (not a segment), when one failed.
  public var dependency: String?
  /// Whether nix-build was stopped by a signal (killed by it, or interrupted by one it caught)
  /// rather than by a failed build.
  public var interrupted: Bool
  /// The signal that killed nix-build, when it died of one.
  public var signal: Int32?
  /// The last lines of the failed build's log.
  public var logTail: [String]
  /// The command that prints the failed build's whole log (`nix-store -l DRV`).
  public var logCommand: String?
  /// The command that opens a shell at the last good segment, when there is one.
  public var enterCommand: String?
  /// The command that resumes the build (reusing every segment already built).
  public var resumeCommand: String
  /// Nix's error message(s).
  public var nixErrors: [String]

  /// Creates a failure report.
  public init(
    segment: String?, phase: String?, derivation: String? = nil, dependency: String? = nil,
    interrupted: Bool = false, signal: Int32? = nil, logTail: [String], logCommand: String? = nil,
    enterCommand: String?,
    resumeCommand: String, nixErrors: [String]
  ) {
    self.segment = segment
    self.phase = phase
    self.derivation = derivation
    self.dependency = dependency
    self.interrupted = interrupted || signal != nil
    self.signal = signal
    self.logTail = logTail
    self.logCommand = logCommand
    self.enterCommand = enterCommand
    self.resumeCommand = resumeCommand
    self.nixErrors = nixErrors
  }

  /// The command that prints the whole build log of `derivationPath`.
  public static func logCommand(for derivationPath: String) -> String {
    "nix-store -l \(derivationPath)"
  }
}
