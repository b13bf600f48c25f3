import Foundation
import SplitPlanning

/// The `--boundaries a,b,…` option value of the packaging commands.
enum BoundaryList {
  /// The boundaries named by a comma-separated list (spaces around names ignored), or the
  /// defaults when the option is absent.
  /// - Throws: ``PlanningError/unknownBoundary(_:)`` listing the valid names.
  static func parse(_ text: String?) throws(PlanningError) -> [Boundary] {
    guard let text else { return Boundary.defaults }
    return try Boundary.parse(
      text.split(separator: ",", omittingEmptySubsequences: false).map { part in
        part.trimmingCharacters(in: .whitespaces)
      })
  }
}
