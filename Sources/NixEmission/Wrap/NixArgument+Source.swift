import NixInterface

extension NixArgument {
  /// The value as Nix source, for calling the package file's function in a wrap expression.
  var valueSource: String {
    switch value {
    case .expression(let text): "(\(text))"
    case .string(let text): NixSyntax.stringLiteral(text)
    }
  }
}
