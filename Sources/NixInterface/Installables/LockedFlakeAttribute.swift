/// A flake installable resolved: the locked flake reference, the attribute path `nix build`
/// picked in the flake's outputs, and the derivation there.
///
/// The locked reference is the one `nix flake metadata` reports (its `url`: a `git+…?rev=…`,
/// `github:OWNER/REPO/REV`, or `path:DIR?lastModified=…&narHash=…`). A flake whose reference
/// Nix cannot lock (a Git tree with uncommitted changes) is referred to by the copy of its
/// source Nix made in the store, `path:/nix/store/…-source?narHash=…`. Either way
/// `builtins.getFlake` gives the same outputs every time, or fails.
public struct LockedFlakeAttribute: Sendable, Equatable {
  /// The locked flake reference, for `builtins.getFlake`.
  public var lockedReference: String
  /// The attribute path in the flake's outputs, e.g. `packages`, `x86_64-linux`, `hello`.
  public var attributePath: [String]
  /// The `.drv` path of the derivation at that attribute.
  public var derivationPath: String
  /// Whether the reference is the store copy of an unlocked (dirty) flake.
  public var fromStoreCopy: Bool

  /// Creates a resolved flake attribute.
  public init(lockedReference: String, attributePath: [String], derivationPath: String, fromStoreCopy: Bool) {
    self.lockedReference = lockedReference
    self.attributePath = attributePath
    self.derivationPath = derivationPath
    self.fromStoreCopy = fromStoreCopy
  }
}
