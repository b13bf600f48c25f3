/// A place where the phase list may be cut: after the standard phase the boundary names.
/// The segment that ends at a boundary carries the boundary's name.
public enum Boundary: String, CaseIterable, Sendable, Codable {
  /// After `patchPhase`.
  case unpack
  /// After `configurePhase`.
  case configure
  /// After `buildPhase`.
  case build
  /// After `checkPhase`.
  case check

  /// The default boundaries: all of them.
  public static let defaults = Boundary.allCases

  /// The standard phase after which the cut is made.
  public var endsAfter: StandardPhase {
    switch self {
    case .unpack: .patchPhase
    case .configure: .configurePhase
    case .build: .buildPhase
    case .check: .checkPhase
    }
  }

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
    return allCases.filter(chosen.contains)
  }
}
