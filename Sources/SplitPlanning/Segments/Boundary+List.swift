import Foundation

extension Boundary {
  /// The boundaries named by a comma-separated list (the `--boundaries a,b,…` option; spaces
  /// around names ignored), or ``defaults`` when there is no list.
  /// - Throws: ``PlanningError/unknownBoundary(_:)`` listing the valid names.
  public static func parse(list text: String?) throws(PlanningError) -> [Boundary] {
    guard let text else { return defaults }
    return try parse(
      text.split(separator: ",", omittingEmptySubsequences: false).map { part in
        part.trimmingCharacters(in: .whitespaces)
      })
  }
}
