/// What the user named to work on, before resolution to `.drv` paths (see ``InstallableResolver``).
///
/// Command-line forms:
/// - `PATH` — a `.drv` path, an output path in the store, or a symlink to one (such as `./result`);
/// - `-f FILE [-A ATTR] [--arg NAME EXPR]… [--argstr NAME VALUE]…` — a Nix file, or an attribute
///   of it, instantiated with `nix-instantiate`;
/// - `FLAKEREF#ATTRPATH` — a flake output, as `nix build` takes it (``FlakeInstallable``);
/// - `--expr EXPR [ATTRPATH]` / `-E EXPR [-A ATTR]` — a Nix expression, evaluated purely unless
///   `--impure`, as `nix build --expr` does.
public enum InstallableSpec: Sendable, Equatable {
  /// A store path: a derivation, or an output whose deriver is looked up.
  case path(String)
  /// A Nix file, optionally an attribute path within it, with function arguments.
  case file(String, attribute: String?, arguments: [NixArgument])
  /// A flake output.
  case flake(FlakeInstallable)
  /// A Nix expression (its text, read relative to the working directory), optionally an
  /// attribute path within it, with function arguments.
  case expression(String, attribute: String?, arguments: [NixArgument], impure: Bool)
}
