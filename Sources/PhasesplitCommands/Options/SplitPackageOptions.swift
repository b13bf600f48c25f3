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

  @Option(
    help: ArgumentHelp(
      "Build incrementally from this older version of the package (an installable as for explain --against, not a split segment): restore its build segment and rebuild what the source change affects.",
      valueName: "OLD"))
  var from: String?

  @Option(
    name: .customLong("from-arg"), parsing: .unconditionalSingleValue,
    help: ArgumentHelp("The older version is the package with NAME = EXPR instead.", valueName: "NAME EXPR"))
  var fromArgumentWords: [String] = []

  @Option(
    name: .customLong("from-argstr"), parsing: .unconditionalSingleValue,
    help: ArgumentHelp(
      "The older version is the package with NAME = the string VALUE.", valueName: "NAME VALUE"))
  var fromStringArgumentWords: [String] = []

  func validate() throws {
    let fromArguments = !fromArgumentWords.isEmpty || !fromStringArgumentWords.isEmpty
    if from != nil, fromArguments {
      throw ValidationError("--from and --from-arg/--from-argstr exclude each other")
    }
  }

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
    if let from { words += ["--from", from] }
    let fromArguments =
      (try? NixArgument.fromOptionWords(expressions: fromArgumentWords, strings: fromStringArgumentWords))
      ?? []
    for argument in fromArguments {
      words += argument.commandLineArguments.map {
        $0 == "--arg" ? "--from-arg" : $0 == "--argstr" ? "--from-argstr" : $0
      }
    }
    return words + nix.words
  }

  /// The final segment `.drv` path: a split package as it is, any other package split at
  /// `--boundaries` (with `--late` declarations, as `phasesplit wrap`) and instantiated.
  func resolve() async throws -> String {
    try await resolve(spec(), incrementalFrom: incrementalBase())
  }

  /// The older version an incremental build starts from (`--from OLD`, or this package with the
  /// `--from-arg`/`--from-argstr` arguments replaced), if any.
  func incrementalBase() throws -> InstallableSpec? {
    if let from { return InstallableSpec.named(by: from, impure: installable.impure) }
    guard !fromArgumentWords.isEmpty || !fromStringArgumentWords.isEmpty else { return nil }
    return try spec().replacingArguments(
      NixArgument.fromOptionWords(
        expressions: fromArgumentWords, strings: fromStringArgumentWords, expressionOption: "--from-arg",
        stringOption: "--from-argstr"))
  }

  /// The final segment `.drv` path of `installable` (this package with other arguments), split
  /// at `--boundaries` as needed.
  func resolve(_ installable: InstallableSpec, incrementalFrom: InstallableSpec? = nil) async throws -> String
  {
    try await PackageSplitter.forCurrentExecutable(runner: nix.runner)
      .finalSegmentDerivation(
        of: installable, boundaries: Boundary.parse(list: boundaries),
        lateAttributes: LateAttributes.parse(lateAttributeWords),
        allowStandInRemnants: allowStandInRemnants, incrementalFrom: incrementalFrom)
  }
}
