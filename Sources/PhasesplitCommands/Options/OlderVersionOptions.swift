import ArgumentParser
import NixEmission
import NixInterface

/// What an ``OlderVersionOptions`` group is for: its option name and help.
protocol OlderVersionRole {
  /// The option's long name, without dashes (`from`); `-arg` and `-argstr` are appended for the
  /// argument forms.
  static var option: String { get }
  /// What the older version is called in the help (`older version`).
  static var subject: String { get }
  /// The help of `--OPTION OLD`.
  static var help: String { get }
}

extension OlderVersionRole {
  /// `--OPTION-arg` and `--OPTION-argstr`, which take two words (see ``TwoWordOptions``).
  static var argumentOptionNames: [String] { ["--\(option)-arg", "--\(option)-argstr"] }
}

/// The older version an incremental build starts from: `build`, `enter` and `explain --from`.
enum IncrementalBase: OlderVersionRole {
  static let option = "from"
  static let subject = "older version"
  static let help =
    "Build incrementally from this older version of the package (an installable as for explain --against, "
    + "not a split segment): restore its build segment and rebuild what the source change affects."
}

/// The older build `explain --against` compares with.
enum ExplainBaseline: OlderVersionRole {
  static let option = "against"
  static let subject = "older build"
  static let help =
    "The older build: a .drv path (the final segment of a split package, or split on the fly) or a flake "
    + "installable."
}

/// An older version of the package (see ``OlderVersion``): `--OPTION OLD`, an installable, or
/// `--OPTION-arg NAME EXPR` / `--OPTION-argstr NAME VALUE` (repeatable), the same Nix file or
/// expression with these arguments replaced; `Role` gives the option's name and help.
struct OlderVersionOptions<Role: OlderVersionRole>: ParsableArguments {
  @Option(
    name: .customLong(Role.option), help: ArgumentHelp(Role.help, valueName: "OLD"), completion: .file())
  var installable: String?

  @Option(
    name: .customLong(Role.option + "-arg"), parsing: .unconditionalSingleValue,
    help: ArgumentHelp("The \(Role.subject) is the package with NAME = EXPR instead.", valueName: "NAME EXPR")
  )
  var expressionArgumentWords: [String] = []

  @Option(
    name: .customLong(Role.option + "-argstr"), parsing: .unconditionalSingleValue,
    help: ArgumentHelp(
      "The \(Role.subject) is the package with NAME = the string VALUE.", valueName: "NAME VALUE"))
  var stringArgumentWords: [String] = []

  /// `--OPTION` as the user types it.
  private static var optionName: String { "--" + Role.option }

  /// Only this group's own words are checked here (a typo elsewhere cannot make them invalid).
  func validate() throws {
    if installable != nil, namesArguments {
      throw ValidationError(
        "\(Self.optionName) and \(Self.optionName)-arg/\(Self.optionName)-argstr exclude each other")
    }
  }

  /// Whether `--OPTION-arg` or `--OPTION-argstr` is given.
  var namesArguments: Bool { !expressionArgumentWords.isEmpty || !stringArgumentWords.isEmpty }

  /// The older version of `package` (as ``InstallableOptions/spec()`` gives it) these options
  /// name, or nil when none is given; a flake installable is evaluated impurely when the package
  /// is (`--impure`).
  ///
  /// - Throws: `ValidationError` when arguments are given for a package that takes none, or a
  ///   VALUE is missing.
  func olderVersion(of package: InstallableSpec, impure: Bool) throws -> OlderVersion? {
    if let installable { return .installable(InstallableSpec.named(by: installable, impure: impure)) }
    guard namesArguments else { return nil }
    guard package.takesArguments else {
      throw ValidationError(
        "\(Self.optionName)-arg/\(Self.optionName)-argstr need the package given with -f FILE or --expr")
    }
    return .replacingArguments(try arguments())
  }

  private func arguments() throws -> [NixArgument] {
    try NixArgument.fromOptionWords(
      expressions: expressionArgumentWords, strings: stringArgumentWords,
      expressionOption: Self.optionName + "-arg", stringOption: Self.optionName + "-argstr")
  }

  /// The options as command-line words, for the commands phasesplit suggests.
  var words: [String] {
    let arguments = ((try? arguments()) ?? []).flatMap { argument in
      switch argument.value {
      case .expression(let expression): [Self.optionName + "-arg", argument.name, expression]
      case .string(let string): [Self.optionName + "-argstr", argument.name, string]
      }
    }
    return (installable.map { [Self.optionName, $0] } ?? []) + arguments
  }
}
