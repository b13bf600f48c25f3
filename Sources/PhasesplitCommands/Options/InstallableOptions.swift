import ArgumentParser
import NixInterface

/// The command-line forms of an installable, shared by every command that takes a package:
/// `PATH` (a `.drv`, an output path, or a symlink such as `./result`), or
/// `-f FILE [-A ATTR] [--arg NAME EXPR]… [--argstr NAME VALUE]…`.
public struct InstallableOptions: ParsableArguments {
  @Argument(
    help: ArgumentHelp(
      "A .drv path, an output path in the Nix store, or a symlink to one (such as ./result).",
      valueName: "path"
    )
  )
  public var path: String?

  @Option(name: [.short, .long], help: ArgumentHelp("A Nix file to instantiate.", valueName: "file"))
  public var file: String?

  @Option(
    name: [.customShort("A"), .customLong("attr")],
    help: ArgumentHelp("The attribute path to instantiate from --file.", valueName: "attr")
  )
  public var attribute: String?

  @Option(
    name: .customLong("arg"),
    parsing: .upToNextOption,
    help: ArgumentHelp(
      "Pass NAME = EXPR (a Nix expression) to the function --file evaluates to. Repeatable.",
      valueName: "name expr"
    )
  )
  public var expressionArguments: [String] = []

  @Option(
    name: .customLong("argstr"),
    parsing: .upToNextOption,
    help: ArgumentHelp(
      "Pass NAME = VALUE (a string) to the function --file evaluates to. Repeatable.",
      valueName: "name value"
    )
  )
  public var stringArguments: [String] = []

  public init() {}

  public mutating func validate() throws {
    _ = try spec()
  }

  /// The installable these options describe.
  ///
  /// - Throws: `ValidationError` for contradicting or incomplete options.
  public func spec() throws -> InstallableSpec {
    try Self.requirePairs(expressionArguments, option: "--arg", value: "EXPR")
    try Self.requirePairs(stringArguments, option: "--argstr", value: "VALUE")
    let arguments = NixArgument.fromOptionWords(expressions: expressionArguments, strings: stringArguments)
    switch (path, file) {
    case (let path?, nil):
      guard attribute == nil, arguments.isEmpty else {
        throw ValidationError(
          "-A/--attr, --arg and --argstr need -f/--file; a store path takes none of them.")
      }
      return .path(path)
    case (nil, let file?):
      return .file(file, attribute: attribute, arguments: arguments)
    case (.some, .some):
      throw ValidationError(
        "Give either a store path or -f/--file, not both. (A value after --arg NAME EXPR or --argstr NAME "
          + "VALUE is taken as another argument; put the path first.)"
      )
    case (nil, nil):
      throw ValidationError("Missing installable: give a .drv or output path, or -f FILE [-A ATTR].")
    }
  }

  /// Throws unless `values` are NAME VALUE pairs.
  private static func requirePairs(_ values: [String], option: String, value: String) throws {
    guard values.count.isMultiple(of: 2) else {
      throw ValidationError(
        "\(option) takes two values, NAME and \(value); got: \(values.joined(separator: " "))")
    }
  }
}
