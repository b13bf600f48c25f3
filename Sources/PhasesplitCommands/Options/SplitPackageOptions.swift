import ArgumentParser
import BuildSession
import Foundation

/// The package `build`, `explain` and `enter` work on: a split package's final `.drv`, or a
/// package from a Nix file (split at `--boundaries` on the fly).
struct SplitPackageOptions: ParsableArguments {
  @Argument(help: "The .drv path of a split package (its final segment).")
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

  func validate() throws {
    if (derivation == nil) == (file == nil) {
      throw ValidationError("name the package either as a .drv path or with -f FILE [-A ATTR]")
    }
    if attribute != nil, file == nil { throw ValidationError("-A needs -f FILE") }
    if argumentWords.count % 2 != 0 { throw ValidationError("--arg takes two values: NAME EXPR") }
    if stringArgumentWords.count % 2 != 0 { throw ValidationError("--argstr takes two values: NAME VALUE") }
  }

  /// The arguments for the file's function, `--arg` and `--argstr` in that order.
  var arguments: [(name: String, expression: String)] {
    pairs(argumentWords).map { ($0.0, $0.1) }
      + pairs(stringArgumentWords).map { ($0.0, NixStringLiteral.quote($0.1)) }
  }

  /// The package source.
  var source: PackageSource {
    if let file { return .file(file, attribute: attribute, arguments: arguments) }
    return .derivation(derivation ?? "")
  }

  /// The boundary list, if given.
  var boundaryList: [String]? {
    boundaries.map { $0.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) } }
  }

  /// The options as command-line words, for the commands phasesplit suggests.
  var words: [String] {
    var words: [String] = []
    if let derivation { words.append(derivation) }
    if let file { words += ["-f", file] }
    if let attribute { words += ["-A", attribute] }
    for (name, value) in pairs(argumentWords) { words += ["--arg", name, value] }
    for (name, value) in pairs(stringArgumentWords) { words += ["--argstr", name, value] }
    if let boundaries { words += ["--boundaries", boundaries] }
    return words
  }

  /// The final segment `.drv` path, splitting and instantiating as needed.
  func resolve(session: BuildSession) throws -> String {
    let tool = CommandLine.executablePath
    let nixLib = try SplitPackageResolver.locateNixLib(executable: tool)
    return try SplitPackageResolver(runner: session.runner, toolPath: tool, nixLibDirectory: nixLib)
      .resolve(source, boundaries: boundaryList)
  }

  private func pairs(_ words: [String]) -> [(String, String)] {
    stride(from: 0, to: words.count - 1, by: 2).map { (words[$0], words[$0 + 1]) }
  }
}

extension CommandLine {
  /// This executable's absolute path (symlinks resolved).
  static var executablePath: String {
    URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath().path
  }
}
