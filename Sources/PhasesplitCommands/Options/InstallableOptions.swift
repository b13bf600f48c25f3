import ArgumentParser
import Basics
import BuildSession
import Foundation
import NixInterface

/// The command-line forms of an installable, shared by every command that takes a package:
/// `PATH` (a `.drv`, an output path, or a symlink such as `./result`),
/// `[-f FILE] [-A ATTR] [--arg NAME EXPR]… [--argstr NAME VALUE]…` with FILE `./default.nix`
/// when left out, as nix-build takes them, or as `nix build` takes them a flake installable
/// (`FLAKEREF#ATTRPATH`) or `--expr EXPR [ATTRPATH]` (see ``InstallableSpec``); with the
/// ``NixOptions`` Nix runs with to evaluate and build it.
///
/// Which combinations are valid is checked by ``spec()``, called from the commands' `run()`
/// rather than from `validate()`: swift-argument-parser runs `validate()` before it reports
/// unknown options, so a mistyped option would otherwise be reported as a different error.
public struct InstallableOptions: ParsableArguments {
  /// The file nix-build reads when given no path.
  static let defaultFile = "./default.nix"

  @Argument(
    help: ArgumentHelp(
      "A .drv path, an output path in the Nix store or a symlink to one (such as ./result), "
        + "a flake installable (.#hello, path:/src/proj#hello, nixpkgs#hello), "
        + "or with --expr the attribute path in the expression.",
      valueName: "installable"),
    completion: .file()
  )
  public var path: String?

  @Option(
    name: [.customShort("E"), .customLong("expr")],
    help: ArgumentHelp(
      "A Nix expression to instantiate, evaluated purely unless --impure (as nix build --expr).",
      valueName: "expr"))
  public var expression: String?

  @Flag(help: "Evaluate flakes and --expr impurely (as nix build --impure).")
  public var impure = false

  @Option(
    name: [.short, .long],
    help: ArgumentHelp("A Nix file (or directory with default.nix) to instantiate.", valueName: "file"),
    completion: .file())
  public var file: String?

  @Option(
    name: [.customShort("A"), .customLong("attr")],
    help: ArgumentHelp(
      "The attribute path to instantiate (from --file, default ./default.nix).", valueName: "attr")
  )
  public var attribute: String?

  @Option(
    name: .customLong("arg"),
    parsing: .unconditionalSingleValue,
    help: ArgumentHelp(
      "Pass NAME = EXPR (a Nix expression) to the function the file evaluates to. Repeatable.",
      valueName: "name expr"
    )
  )
  public var expressionArguments: [String] = []

  @Option(
    name: .customLong("argstr"),
    parsing: .unconditionalSingleValue,
    help: ArgumentHelp(
      "Pass NAME = VALUE (a string, which may start with -) to the function the file evaluates to. Repeatable.",
      valueName: "name value"
    )
  )
  public var stringArguments: [String] = []

  @OptionGroup var nix: NixOptions

  public init() {}

  /// The `--arg` and `--argstr` arguments, `--arg` first.
  func arguments() throws -> [NixArgument] {
    try NixArgument.fromOptionWords(expressions: expressionArguments, strings: stringArguments)
  }

  /// The installable these options describe.
  ///
  /// - Throws: `ValidationError` for contradicting or incomplete options.
  public func spec() throws -> InstallableSpec {
    let arguments = try arguments()
    if let expression {
      guard file == nil else { throw ValidationError("give either --expr or -f/--file, not both") }
      guard path == nil || attribute == nil else {
        throw ValidationError("give the attribute path once: after --expr EXPR, or with -A")
      }
      return .expression(expression, attribute: attribute ?? path, arguments: arguments, impure: impure)
    }
    switch (path, file) {
    case (let path?, nil):
      let spec = InstallableSpec.named(by: path, impure: impure)
      guard attribute == nil, arguments.isEmpty else {
        if case .flake(let flake) = spec {
          if flake.fragment.isEmpty, let attribute, access(path + "/default.nix", F_OK) == 0 {
            // A directory with both flake.nix and default.nix: say how to name either.
            throw ValidationError(
              "\(path) holds a flake and a default.nix; for the flake's package write "
                + ShellQuoting.commandLine([path + "#" + attribute])
                + ", to instantiate the Nix file write: "
                + ShellQuoting.commandLine(["-f", path] + attributeAndArgumentWords()))
          }
          throw ValidationError(
            "a flake installable names its attribute after #, as in .#hello; -A/--attr, --arg and "
              + "--argstr do not apply to it")
        }
        if Self.looksLikeNixFile(path) {
          throw ValidationError(
            "\(path) is a Nix file or directory, but a path without -f names a store path; "
              + "to instantiate it write: "
              + ShellQuoting.commandLine(["-f", path] + attributeAndArgumentWords()))
        }
        throw ValidationError(
          "-A/--attr, --arg and --argstr need a Nix file (-f FILE, default ./default.nix); "
            + "a store path takes none of them")
      }
      return spec
    case (nil, let file?):
      return .file(file, attribute: attribute, arguments: arguments)
    case (.some, .some):
      throw ValidationError(
        "give either a store path or -f/--file, not both")
    case (nil, nil):
      return .file(Self.defaultFile, attribute: attribute, arguments: arguments)
    }
  }

  /// The options as command-line words, for the commands phasesplit suggests.
  func words() -> [String] {
    var words: [String] = []
    if let path { words.append(path) }
    if let file { words += ["-f", file] }
    if let expression { words += ["--expr", expression] }
    words += attributeAndArgumentWords()
    if impure { words.append("--impure") }
    return words + nix.words
  }

  private func attributeAndArgumentWords() -> [String] {
    var words: [String] = []
    if let attribute { words += ["-A", attribute] }
    for argument in (try? arguments()) ?? [] { words += argument.commandLineArguments }
    return words
  }

  /// Whether `path` is outside the Nix store and a directory or a `.nix` file (what nix-build
  /// takes as its file argument).
  static func looksLikeNixFile(_ path: String) -> Bool {
    guard !path.hasPrefix("/nix/store/") else { return false }
    var isDirectory: ObjCBool = false
    return path.hasSuffix(".nix")
      || (FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) && isDirectory.boolValue)
  }
}
