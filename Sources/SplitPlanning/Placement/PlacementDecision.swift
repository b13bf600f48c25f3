/// Where one attribute goes and why (for attributes the table alone does not place).
public struct PlacementDecision: Sendable, Equatable {
  /// The attribute name.
  public var attribute: String
  /// The segments that carry it, in segment order.
  public var segments: [String]
  /// Why.
  public var reason: PlacementReason
  /// Whether the Nix library needs to be told (`placement` argument of `splitPhases`): the
  /// segments differ from the library's own default for this attribute.
  public var differsFromLibraryDefault: Bool

  /// Creates a decision.
  public init(attribute: String, segments: [String], reason: PlacementReason, differsFromLibraryDefault: Bool)
  {
    self.attribute = attribute
    self.segments = segments
    self.reason = reason
    self.differsFromLibraryDefault = differsFromLibraryDefault
  }
}
