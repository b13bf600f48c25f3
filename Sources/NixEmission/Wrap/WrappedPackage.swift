import NixInterface

/// The package a wrap file splits.
public enum WrappedPackage: Sendable, Equatable {
  /// An attribute of a Nix file: `(import FILE { args… }).ATTR` (a file that evaluates to an
  /// attribute set rather than a function is used as is, like nix-build does).
  case expression(file: String, attributePath: [String], arguments: [NixArgument])
  /// A package rebuilt from a `.drv` alone (see ``DerivationPackage``).
  case derivation(DerivationPackage)
  /// A flake output: `(builtins.getFlake "LOCKED").outputs.ATTRPATH`, the locked reference making
  /// the file evaluate the same package every time (see ``LockedFlakeAttribute``).
  case flake(lockedReference: String, attributePath: [String])
  /// An attribute of a Nix expression given as text (`--expr`), called with the arguments when it
  /// is a function, like nix-instantiate does. Relative paths in the text are read relative to
  /// the file that holds it.
  case source(expression: String, attributePath: [String], arguments: [NixArgument])

  /// The package as a Nix expression.
  func rendered(indentation: Int) -> String {
    switch self {
    case .expression(let file, let attributePath, let arguments):
      return Self.called(
        "import \(NixSyntax.pathLiteral(file))", attributePath: attributePath, arguments: arguments)
    case .source(let expression, let attributePath, let arguments):
      return Self.called("(\n\(expression)\n)", attributePath: attributePath, arguments: arguments)
    case .flake(let lockedReference, let attributePath):
      return "(builtins.getFlake \(NixSyntax.stringLiteral(lockedReference))).outputs."
        + NixSyntax.attributePath(attributePath)
    case .derivation(let package):
      return package.value.rendered(indentation: indentation)
    }
  }

  /// `root` (a function, called with `arguments`, or a value used as it is), then `attributePath`.
  private static func called(_ root: String, attributePath: [String], arguments: [NixArgument]) -> String {
    let call: String
    if arguments.isEmpty {
      call = "{ }"
    } else {
      call =
        "{ "
        + arguments.map { "\(NixSyntax.attributeName($0.name)) = \($0.valueSource);" }.joined(separator: " ")
        + " }"
    }
    let imported =
      "(let function = \(root); in if builtins.isFunction function then function \(call) else function)"
    return attributePath.isEmpty ? imported : "\(imported).\(NixSyntax.attributePath(attributePath))"
  }
}
