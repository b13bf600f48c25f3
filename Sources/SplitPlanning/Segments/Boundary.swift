/// A place where the phase list may be cut: after the standard phase the boundary names.
/// The segment that ends at a boundary carries the boundary's name. Which phase each ends
/// after is a fact of the contract file (``SegmentContract``).
public enum Boundary: String, CaseIterable, Sendable, Codable {
  /// After `patchPhase`.
  case unpack
  /// After `configurePhase`.
  case configure
  /// After `buildPhase`.
  case build
  /// After `checkPhase`.
  case check

  /// The default boundaries: all of them, in phase order.
  public static var defaults: [Boundary] { SegmentContract.current.boundaries.map(\.name) }

  /// The standard phase after which the cut is made.
  public var endsAfter: StandardPhase { SegmentContract.current.endsAfter(self) }

  /// Parses boundary names (e.g. from `--boundaries unpack,build`), in any order, duplicates
  /// ignored; the result is in phase order.
  /// - Throws: ``PlanningError/unknownBoundary(_:)`` for a name that is not a boundary
  ///   (`install`, `fixup` and later phases always form the final segment).
  public static func parse(_ names: [String]) throws(PlanningError) -> [Boundary] {
    var chosen = Set<Boundary>()
    for name in names {
      guard let boundary = Boundary(rawValue: name) else { throw .unknownBoundary(name) }
      chosen.insert(boundary)
    }
    return defaults.filter(chosen.contains)
  }
}
