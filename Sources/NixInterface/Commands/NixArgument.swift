/// An argument for the function a Nix file evaluates to (`--arg NAME EXPR` / `--argstr NAME VALUE`).
public struct NixArgument: Sendable, Equatable {
  /// How the value is given.
  public enum Value: Sendable, Equatable {
    /// A Nix expression (`--arg`).
    case expression(String)
    /// A string, passed literally (`--argstr`).
    case string(String)
  }

  /// The function argument's name.
  public var name: String
  /// The value.
  public var value: Value

  /// Creates an argument.
  public init(name: String, value: Value) {
    self.name = name
    self.value = value
  }

  /// The command-line words for Nix: `--arg NAME EXPR` or `--argstr NAME VALUE`.
  public var commandLineArguments: [String] {
    switch value {
    case .expression(let expression): return ["--arg", name, expression]
    case .string(let string): return ["--argstr", name, string]
    }
  }
}
