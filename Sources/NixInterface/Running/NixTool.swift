/// The Nix programs phasesplit runs.
public enum NixTool: String, Sendable, CaseIterable {
  /// Evaluates expressions and writes derivations.
  case instantiate = "nix-instantiate"
  /// Builds derivations.
  case build = "nix-build"
  /// Queries and manipulates the store.
  case store = "nix-store"
  /// The `nix` command (flakes: `nix flake metadata`, `nix eval`); needs the `nix-command`
  /// experimental feature.
  case nix = "nix"
}
