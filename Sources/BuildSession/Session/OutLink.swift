/// Where `nix-build` puts its result symlink(s), as nix-build's `--out-link`/`--no-out-link`.
public enum OutLink: Sendable, Equatable {
  /// A GC-root symlink at this path (`./result` by default); other outputs get `PATH-NAME`.
  case path(String)
  /// No symlink (the outputs may be garbage-collected).
  case none
}
