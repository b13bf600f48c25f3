import ArgumentParser
import NixEmission
import NixInterface
import SplitPlanning

/// The package `build`, `explain` and `enter` work on: a split package's final `.drv`, or any
/// other package as a `.drv` or from a Nix file (split at `--boundaries` on the fly).
struct SplitPackageOptions: ParsableArguments {
  @Argument(help: "The .drv path of the package (split on the fly) or of a split package's final segment.")
  var derivation: String?

  @Option(
    name: [.short, .customLong("file")], help: "A Nix file that evaluates to the package (or a set of them).")
  var file: String?

  @Option(
    name: [.customShort("A"), .customLong("attr")], help: "The attribute path of the package in the file.")
  var attribute: String?

  @Option(
    name: .customLong("arg"), parsing: .upToNextOption,
    help: ArgumentHelp("Pass NAME = EXPR to the file's function (repeatable).", valueName: "NAME EXPR"))
  var argumentWords: [String] = []

  @Option(
    name: .customLong("argstr"), parsing: .upToNextOption,
    help: ArgumentHelp(
      "Pass NAME = the string VALUE to the file's function (repeatable).", valueName: "NAME VALUE"))
  var stringArgumentWords: [String] = []

  @Option(help: "Split after these segments (comma-separated: unpack, configure, build, check).")
  var boundaries: String?

  @OptionGroup var nix: NixOptions

  @Option(
    name: .customLong("late"),
    help: ArgumentHelp(
      "Declare an attribute late: first read in SEGMENT (default: the final segment), so its edits rebuild only from there (repeatable).",
      valueName: "NAME[=SEGMENT]"))
  var lateAttributeWords: [String] = []

  func validate() throws {
    if (derivation == nil) == (file == nil) {
      throw ValidationError("name the package either as a .drv path or with -f FILE [-A ATTR]")
    }
    if attribute != nil, file == nil { throw ValidationError("-A needs -f FILE") }
    if argumentWords.count % 2 != 0 { throw ValidationError("--arg takes two values: NAME EXPR") }
    if stringArgumentWords.count % 2 != 0 { throw ValidationError("--argstr takes two values: NAME VALUE") }
  }

  /// The package as an installable: the `.drv` path, or the file with its attribute and
  /// arguments (`--arg` and `--argstr` in that order).
  var spec: InstallableSpec {
    guard let file else { return .path(derivation ?? "") }
    let arguments = NixArgument.fromOptionWords(expressions: argumentWords, strings: stringArgumentWords)
    return .file(file, attribute: attribute, arguments: arguments)
  }

  /// The options as command-line words, for the commands phasesplit suggests.
  var words: [String] {
    var words: [String] = []
    if let derivation { words.append(derivation) }
    if let file { words += ["-f", file] }
    if let attribute { words += ["-A", attribute] }
    for argument in NixArgument.fromOptionWords(expressions: argumentWords, strings: stringArgumentWords) {
      words += argument.commandLineArguments
    }
    if let boundaries { words += ["--boundaries", boundaries] }
    for word in lateAttributeWords { words += ["--late", word] }
    return words + nix.words
  }

  /// The final segment `.drv` path: a split package as it is, any other package split at
  /// `--boundaries` (with `--late` declarations, as `phasesplit wrap`) and instantiated.
  func resolve() async throws -> String {
    try await resolve(spec)
  }

  /// The final segment `.drv` path of `installable` (this package with other arguments), split
  /// at `--boundaries` as needed.
  func resolve(_ installable: InstallableSpec) async throws -> String {
    try await PackageSplitter.forCurrentExecutable(runner: nix.runner)
      .finalSegmentDerivation(
        of: installable, boundaries: Boundary.parse(list: boundaries),
        lateAttributes: LateAttributes.parse(lateAttributeWords))
  }
}
