/// What failed and how to continue: part of a failed build's report.
public struct BuildFailureReport: Sendable, Equatable, Codable {
  /// The failing segment.
  public var segment: String
  /// The phase it failed in, when known.
  public var phase: String?
  /// The last lines of its build log.
  public var logTail: [String]
  /// The command that opens a shell at the last good segment, when there is one.
  public var enterCommand: String?
  /// The command that resumes the build (reusing every segment already built).
  public var resumeCommand: String
  /// Nix's error message(s).
  public var nixErrors: [String]

  /// Creates a failure report.
  public init(
    segment: String, phase: String?, logTail: [String], enterCommand: String?, resumeCommand: String,
    nixErrors: [String]
  ) {
    self.segment = segment
    self.phase = phase
    self.logTail = logTail
    self.enterCommand = enterCommand
    self.resumeCommand = resumeCommand
    self.nixErrors = nixErrors
  }
}
