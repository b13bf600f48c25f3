import ArgumentParser
import BuildSession
import Foundation

/// `phasesplit explain`: which segments an edit makes rebuild, and why.
struct ExplainCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "explain",
    abstract: "Explain which segments are reused or rebuilt compared with an older build, and why.",
    discussion: """
      The older build is a split package's final .drv (--against), or the same file and attribute \
      with other arguments (--against-arg/--against-argstr replace the named arguments).
      """)

  @OptionGroup var package: SplitPackageOptions

  @Option(help: "The older build: the final .drv path of the split package.")
  var against: String?

  @Option(
    name: .customLong("against-arg"), parsing: .upToNextOption,
    help: ArgumentHelp("The older build is the package with NAME = EXPR instead.", valueName: "NAME EXPR"))
  var againstArgumentWords: [String] = []

  @Option(
    name: .customLong("against-argstr"), parsing: .upToNextOption,
    help: ArgumentHelp(
      "The older build is the package with NAME = the string VALUE.", valueName: "NAME VALUE"))
  var againstStringArgumentWords: [String] = []

  @Flag(help: "Print JSON (schema: docs/build-json.md, section explain).")
  var json = false

  func validate() throws {
    let againstArguments = !againstArgumentWords.isEmpty || !againstStringArgumentWords.isEmpty
    if (against == nil) == !againstArguments {
      throw ValidationError(
        "name the older build with --against OLD.drv or with --against-arg/--against-argstr")
    }
    if againstArguments, package.file == nil {
      throw ValidationError("--against-arg/--against-argstr need the package given with -f FILE")
    }
    if againstArgumentWords.count % 2 != 0 || againstStringArgumentWords.count % 2 != 0 {
      throw ValidationError("--against-arg and --against-argstr take two values: NAME VALUE")
    }
  }

  func run() async throws {
    let session = BuildSession()
    let current = try package.resolve(session: session)
    let older: String
    if let against {
      older = against
    } else {
      var olderPackage = package
      for (name, expression) in Self.pairs(againstArgumentWords) {
        olderPackage.replace(name, words: \.argumentWords, with: expression)
      }
      for (name, value) in Self.pairs(againstStringArgumentWords) {
        olderPackage.replace(name, words: \.stringArgumentWords, with: value)
      }
      older = try olderPackage.resolve(session: session)
    }
    let report = try session.explain(finalDerivationPath: current, againstOlder: older)
    if json {
      let encoder = JSONEncoder()
      encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
      print(String(decoding: try encoder.encode(report), as: UTF8.self))
    } else {
      print(report.rendered(), terminator: "")
    }
  }

  static func pairs(_ words: [String]) -> [(String, String)] {
    stride(from: 0, to: words.count - 1, by: 2).map { (words[$0], words[$0 + 1]) }
  }
}

extension SplitPackageOptions {
  /// Sets argument `name` to `value` in the `--arg` or `--argstr` list, removing it from both.
  mutating func replace(
    _ name: String, words: WritableKeyPath<SplitPackageOptions, [String]>, with value: String
  ) {
    for list in [\SplitPackageOptions.argumentWords, \SplitPackageOptions.stringArgumentWords] {
      var kept: [String] = []
      for index in stride(from: 0, to: self[keyPath: list].count - 1, by: 2)
      where self[keyPath: list][index] != name {
        kept += [self[keyPath: list][index], self[keyPath: list][index + 1]]
      }
      self[keyPath: list] = kept
    }
    self[keyPath: words] += [name, value]
  }
}
