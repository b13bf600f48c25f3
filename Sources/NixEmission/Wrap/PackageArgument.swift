/// An argument passed to the function of a Nix file (`--arg NAME EXPR`, `--argstr NAME VALUE`).
public struct PackageArgument: Sendable, Equatable {
  /// How the value is given.
  public enum Value: Sendable, Equatable {
    /// A Nix expression, written as is (`--arg`).
    case expression(String)
    /// A string (`--argstr`).
    case string(String)
  }

  /// The argument name.
  public var name: String
  /// The argument value.
  public var value: Value

  /// Creates an argument.
  public init(name: String, value: Value) {
    self.name = name
    self.value = value
  }

  /// The value as Nix source.
  var rendered: String {
    switch value {
    case .expression(let text): "(\(text))"
    case .string(let text): NixSyntax.stringLiteral(text)
    }
  }
}
