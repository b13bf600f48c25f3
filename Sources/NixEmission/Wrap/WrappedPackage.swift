import NixInterface

/// The package a wrap file splits.
public enum WrappedPackage: Sendable, Equatable {
  /// An attribute of a Nix file: `(import FILE { args… }).ATTR` (a file that evaluates to an
  /// attribute set rather than a function is used as is, like nix-build does).
  case expression(file: String, attributePath: [String], arguments: [NixArgument])
  /// A package rebuilt from a `.drv` alone (see ``DerivationPackage``).
  case derivation(DerivationPackage)

  /// The package as a Nix expression.
  func rendered(indentation: Int) -> String {
    switch self {
    case .expression(let file, let attributePath, let arguments):
      let call: String
      if arguments.isEmpty {
        call = "{ }"
      } else {
        call =
          "{ "
          + arguments.map { "\(NixSyntax.attributeName($0.name)) = \($0.valueSource);" }.joined(
            separator: " ")
          + " }"
      }
      let imported =
        "(let function = import \(NixSyntax.pathLiteral(file)); in "
        + "if builtins.isFunction function then function \(call) else function)"
      return attributePath.isEmpty ? imported : "\(imported).\(NixSyntax.attributePath(attributePath))"
    case .derivation(let package):
      return package.value.rendered(indentation: indentation)
    }
  }
}
