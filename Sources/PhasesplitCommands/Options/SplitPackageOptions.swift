import ArgumentParser
import NixEmission
import NixInterface
import SplitPlanning

/// The package `build`, `explain` and `enter` work on: a split package's final `.drv` (or an
/// output of it, such as ./result), or any other installable (see ``InstallableOptions``), split
/// at `--boundaries` on the fly.
struct SplitPackageOptions: ParsableArguments {
  @OptionGroup var installable: InstallableOptions

  @Option(
    help: ArgumentHelp(
      "Split after these segments (comma-separated: unpack, configure, build, check).", valueName: "names"),
    completion: BoundaryCompletion.kind)
  var boundaries: String?

  @OptionGroup var nix: NixOptions

  @Option(
    name: .customLong("late"),
    help: ArgumentHelp(
      "Declare an attribute late: first read in SEGMENT (default: the final segment), so its edits rebuild only from there (repeatable).",
      valueName: "NAME[=SEGMENT]"))
  var lateAttributeWords: [String] = []

  @Flag(
    help: """
      When splitting on the fly: let the final segment succeed when outputs still name a stand-in \
      path in a form relocation cannot rewrite (the log lists them).
      """)
  var allowStandInRemnants = false

  /// The package as an installable (see ``InstallableOptions/spec()``).
  func spec() throws -> InstallableSpec {
    try installable.spec()
  }

  /// The options as command-line words, for the commands phasesplit suggests.
  var words: [String] {
    var words = installable.words()
    if let boundaries { words += ["--boundaries", boundaries] }
    for word in lateAttributeWords { words += ["--late", word] }
    if allowStandInRemnants { words.append("--allow-stand-in-remnants") }
    return words + nix.words
  }

  /// The final segment `.drv` path: a split package as it is, any other package split at
  /// `--boundaries` (with `--late` declarations, as `phasesplit wrap`) and instantiated.
  func resolve() async throws -> String {
    try await resolve(spec())
  }

  /// The final segment `.drv` path of `installable` (this package with other arguments), split
  /// at `--boundaries` as needed.
  func resolve(_ installable: InstallableSpec) async throws -> String {
    try await PackageSplitter.forCurrentExecutable(runner: nix.runner)
      .finalSegmentDerivation(
        of: installable, boundaries: Boundary.parse(list: boundaries),
        lateAttributes: LateAttributes.parse(lateAttributeWords),
        allowStandInRemnants: allowStandInRemnants)
  }
}
