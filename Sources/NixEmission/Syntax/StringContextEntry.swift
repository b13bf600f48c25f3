/// One element of a Nix string's context: what a string depends on.
public enum StringContextEntry: Sendable, Equatable, Hashable {
  /// A store path used as a source (`builtins.storePath`-like, `{ path = true; }`).
  case source(String)
  /// Some outputs of a derivation (`{ outputs = [ … ]; }`), keyed by the `.drv` path.
  case derivationOutputs(derivation: String, outputs: [String])
}
