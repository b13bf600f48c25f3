import ArgumentParser
import Basics
import BuildSession
import Foundation
import NixInterface

/// `phasesplit explain`: which segments an edit makes rebuild, and why.
struct ExplainCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "explain",
    abstract: "Explain which segments are reused or rebuilt compared with an older build, and why.",
    discussion: """
      The older build is a .drv or flake installable (--against: a split package's final segment, or \
      a package split on the fly), or the same file or expression with other arguments (--against-arg/--against-argstr \
      replace the named arguments). For an incremental build (--from OLD) the older build is OLD's \
      clean split build unless --against names another, and the report lists the source changes.
      """)

  @OptionGroup var package: SplitPackageOptions

  @Option(
    help:
      "The older build: a .drv path (the final segment of a split package, or split on the fly) or a flake installable.",
    completion: .file())
  var against: String?

  @Option(
    name: .customLong("against-arg"), parsing: .unconditionalSingleValue,
    help: ArgumentHelp("The older build is the package with NAME = EXPR instead.", valueName: "NAME EXPR"))
  var againstArgumentWords: [String] = []

  @Option(
    name: .customLong("against-argstr"), parsing: .unconditionalSingleValue,
    help: ArgumentHelp(
      "The older build is the package with NAME = the string VALUE.", valueName: "NAME VALUE"))
  var againstStringArgumentWords: [String] = []

  @Flag(help: "Print JSON (schema: docs/build-json.md, section explain).")
  var json = false

  /// Checked in run(), not in validate(), so that a mistyped option is reported as such first.
  func checkOptions() throws {
    let againstArguments = !againstArgumentWords.isEmpty || !againstStringArgumentWords.isEmpty
    if try package.incrementalBase() != nil, against == nil, !againstArguments { return }
    if (against == nil) == !againstArguments {
      throw ValidationError(
        "name the older build with --against OLD.drv or with --against-arg/--against-argstr")
    }
    if againstArguments, try !package.spec().takesArguments {
      throw ValidationError("--against-arg/--against-argstr need the package given with -f FILE or --expr")
    }
  }

  func run() async throws {
    try checkOptions()
    let session = BuildSession(settings: package.nix.settings)
    let current = try await package.resolve()
    let older: String
    if let against {
      older = try await package.resolve(
        InstallableSpec.named(by: against, impure: package.installable.impure))
    } else if againstArgumentWords.isEmpty, againstStringArgumentWords.isEmpty,
      let base = try package.incrementalBase()
    {
      older = try await package.resolve(base)
    } else {
      let replacements = try NixArgument.fromOptionWords(
        expressions: againstArgumentWords, strings: againstStringArgumentWords,
        expressionOption: "--against-arg",
        stringOption: "--against-argstr")
      older = try await package.resolve(try package.spec().replacingArguments(replacements))
    }
    let report = try await session.explain(finalDerivationPath: current, againstOlder: older)
    if json {
      print(try JSONOutput.text(report))
    } else {
      print(report.rendered(), terminator: "")
    }
  }
}
