/// A place where static analysis cannot know what a script reads, writes or runs.
public struct Uncertainty: Sendable, Equatable, Hashable, CustomStringConvertible {
  /// The kind of construct that defeats analysis.
  public enum Kind: String, Sendable, Equatable, Hashable, CaseIterable {
    /// `eval …`: runs code built at run time.
    case eval
    /// `source FILE` / `. FILE`: runs code from another file.
    case sourcedFile
    /// `${!x}` with `x` not a known stdenv output indirection.
    case indirectExpansion
    /// `declare -n` / `local -n` / `typeset -n`: a name reference aliases another variable.
    case nameReference
    /// A variable name computed at run time, e.g. `export "$name"=1` or `read "$var"`.
    case dynamicVariableName
    /// `trap CODE …`: the handler code runs later.
    case trapHandler
    /// The script could not be read as bash (unbalanced quote, unterminated construct, …).
    case unparseable
  }

  /// The kind of construct.
  public var kind: Kind
  /// Why analysis cannot be sure, phrased for a person.
  public var reason: String
  /// Where the construct starts.
  public var position: SourcePosition

  /// Creates an uncertainty.
  public init(kind: Kind, reason: String, position: SourcePosition) {
    self.kind = kind
    self.reason = reason
    self.position = position
  }

  public var description: String { "\(position): \(reason)" }
}
