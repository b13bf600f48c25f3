/// The package a command works on, as the user named it (before instantiation).
public enum PackageSource: Sendable, Equatable {
  /// A `.drv` store path: the final segment of a split package.
  case derivation(String)
  /// A Nix file, an optional attribute path in it, and arguments for its top-level function:
  /// `(name, expression)` pairs from `--arg` and `(name, string)` pairs from `--argstr`.
  case file(String, attribute: String?, arguments: [(name: String, expression: String)])

  public static func == (lhs: PackageSource, rhs: PackageSource) -> Bool {
    switch (lhs, rhs) {
    case (.derivation(let left), .derivation(let right)): return left == right
    case (
      .file(let leftFile, let leftAttribute, let leftArguments),
      .file(let rightFile, let rightAttribute, let rightArguments)
    ):
      return leftFile == rightFile && leftAttribute == rightAttribute
        && leftArguments.map(\.name) == rightArguments.map(\.name)
        && leftArguments.map(\.expression) == rightArguments.map(\.expression)
    default: return false
    }
  }
}
