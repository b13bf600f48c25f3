extension SegmentContract {
  /// The runner settings of a segment derivation that the Swift side reads (docs/design.md,
  /// "Segment derivation attributes"): written by `nix-lib/lib/splitPhases.nix` (`runnerSettings`),
  /// read in the build by `nix-lib/runner/settings.sh`. `NixLibraryAgreementTests` checks each is
  /// an attribute of a segment the Nix library writes.
  public enum RunnerAttribute {
    /// The segment's name.
    public static let segment = "phasesplitSegment"
    /// The segment's phases (statically skipped ones included).
    public static let phases = "phasesplitPhases"
    /// What `genericBuild` runs: the phases, in the final segment with phasesplit's own.
    public static let runPhases = "phasesplitRunPhases"
    /// `1`/`true` in the final segment, empty or `false` elsewhere.
    public static let final = "phasesplitFinal"
    /// The previous segment's output path ("" in the first segment).
    public static let previous = "phasesplitPrevious"
    /// The attribute names the segment carries.
    public static let attributes = "phasesplitAttributes"
    /// The attribute names the previous segment carried.
    public static let previousAttributes = "phasesplitPreviousAttributes"
    /// An incremental segment's base build segment.
    public static let incrementalBase = "phasesplitIncrementalBase"
    /// An incremental segment's base source (unpack) segment.
    public static let incrementalBaseSource = "phasesplitIncrementalBaseSource"

    /// Whether `name` is one of the runner's settings: they all start with `phasesplit`, an
    /// attribute name the stdenv contract leaves to phasesplit.
    public static func isRunnerSetting(_ name: String) -> Bool { name.hasPrefix("phasesplit") }
  }

  /// The runner scripts in nix-lib's `runner` directory.
  public enum RunnerScript {
    /// The builder of every segment derivation (`args = [ "-e" …/segment-runner.sh ]`).
    public static let segmentRunner = "segment-runner.sh"
    /// The shell `phasesplit enter` starts, next to the segment runner.
    public static let enterShell = "enter-shell.sh"
  }

  /// The name of the final segment (``finalSegment`` of the current contract).
  public static var finalSegmentName: String { current.finalSegment }
}
