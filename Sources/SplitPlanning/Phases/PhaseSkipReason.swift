/// Why a phase is statically skipped.
public enum PhaseSkipReason: Sendable, Equatable {
  /// A `dont…` flag is set (non-empty).
  case flagSet(String)
  /// A `do…` flag is unset or empty.
  case flagUnset(String)

  /// The flag involved.
  public var flag: String {
    switch self {
    case .flagSet(let flag), .flagUnset(let flag): flag
    }
  }

  /// A short human explanation, e.g. `doCheck is not set`.
  public var explanation: String {
    switch self {
    case .flagSet(let flag): "\(flag) is set"
    case .flagUnset(let flag): "\(flag) is not set"
    }
  }
}
