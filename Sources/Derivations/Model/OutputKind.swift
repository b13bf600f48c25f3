extension Derivation {
  /// How a derivation output's store path is determined.
  public enum OutputKind: Sendable, Equatable {
    /// The path is computed from the derivation (the classic kind); it is known before building.
    case inputAddressed
    /// A fixed-output derivation: the content's hash is declared up front (lowercase hex).
    case fixed(OutputHashAlgorithm, hash: String)
    /// A floating content-addressed output (`__contentAddressed = true`): the path is known only
    /// after the build, from the content.
    case contentAddressedFloating(OutputHashAlgorithm)
    /// An impure output (`__impure = true`): built every time, content-addressed.
    case impure(OutputHashAlgorithm)
    /// An input-addressed output whose path is not known yet because it depends on a floating
    /// content-addressed derivation.
    case deferred

    /// Whether the output's store path is written in the `.drv` file.
    public var hasKnownPath: Bool {
      switch self {
      case .inputAddressed, .fixed: return true
      case .contentAddressedFloating, .impure, .deferred: return false
      }
    }
  }
}
