import ArgumentParser
import SplitPlanning

/// Where a package is split and which attributes its author declares late: `--boundaries` and
/// `--late`, for every command that plans or makes a split (`analyze`, `wrap`, and `build`,
/// `enter`, `explain` splitting on the fly).
///
/// Both are checked in `validate()`, before any Nix runs: only this group's own words are read
/// there, so a typo elsewhere on the command line cannot make them invalid. Whether a late
/// declaration's segment exists depends on the package, and is checked when it is planned.
struct BoundaryOptions: ParsableArguments {
  @Option(
    name: .customLong("boundaries"),
    help: ArgumentHelp(
      "Split after these segments, comma-separated (default: unpack,configure,build,check).",
      valueName: "names"),
    completion: BoundaryCompletion.kind)
  var boundaryList: String?

  @Option(
    name: .customLong("late"),
    help: ArgumentHelp(
      "Declare an attribute late: first read in SEGMENT (default: the final segment), so its edits rebuild "
        + "only from there (repeatable).",
      valueName: "NAME[=SEGMENT]"))
  var lateAttributeWords: [String] = []

  func validate() throws {
    do {
      _ = try boundaries()
      _ = try lateAttributes()
    } catch {
      throw ValidationError("\(error)")
    }
  }

  /// The boundaries, in phase order (all of them without `--boundaries`).
  func boundaries() throws(PlanningError) -> [Boundary] {
    try Boundary.parse(list: boundaryList)
  }

  /// The `--late` declarations.
  func lateAttributes() throws(PlanningError) -> LateAttributes {
    try LateAttributes.parse(lateAttributeWords)
  }

  /// The options as command-line words, for the commands phasesplit suggests.
  var words: [String] {
    (boundaryList.map { ["--boundaries", $0] } ?? []) + lateAttributeWords.flatMap { ["--late", $0] }
  }
}
