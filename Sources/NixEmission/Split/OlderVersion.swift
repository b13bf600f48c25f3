import NixInterface

/// An older version of a package, named to compare with (`explain --against`) or to build
/// incrementally from (`build --from`): another installable, or the same Nix file or expression
/// with some arguments replaced.
public enum OlderVersion: Sendable, Equatable {
  /// Another installable (`--against OLD`, `--from OLD`).
  case installable(InstallableSpec)
  /// The package itself with these arguments in place of the ones of the same name
  /// (`--against-arg`/`--against-argstr`, `--from-arg`/`--from-argstr`).
  case replacingArguments([NixArgument])

  /// The older version of `current` as an installable. Arguments replace those of a Nix file or
  /// expression only: a store path or flake takes none and is returned unchanged (the command
  /// line refuses that combination).
  public func installable(olderThan current: InstallableSpec) -> InstallableSpec {
    switch self {
    case .installable(let spec): spec
    case .replacingArguments(let replacements): current.replacingArguments(replacements)
    }
  }
}
