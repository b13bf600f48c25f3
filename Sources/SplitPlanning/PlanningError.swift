/// Why a split cannot be planned; each case says what to do next.
public enum PlanningError: Error, Equatable, Sendable, CustomStringConvertible {
  /// The derivation cannot be split at all (see ``SplitRefusal``).
  case notSplittable(SplitRefusal)
  /// A boundary name is not one of ``Boundary``'s cases.
  case unknownBoundary(String)
  /// No nix-lib directory was found.
  case nixLibraryNotFound(searched: [String], hint: String)
  /// The attribute table exists but cannot be read or parsed.
  case attributeTableUnreadable(path: String, detail: String)
  /// A late attribute declaration (`--late`, `lateAttributes`) cannot be applied.
  case invalidLateAttribute(name: String, problem: String)

  public var description: String {
    switch self {
    case .notSplittable(let refusal):
      "cannot split this derivation: \(refusal.description)"
    case .unknownBoundary(let name):
      "unknown boundary '\(name)'; valid boundaries are: "
        + Boundary.allCases.map(\.rawValue).joined(separator: " ")
        + " (the final segment always holds install and later phases)"
    case .nixLibraryNotFound(let searched, let hint):
      "cannot find the phasesplit Nix library (nix-lib/attribute-phases.json); searched "
        + (searched.isEmpty ? "nothing" : searched.joined(separator: ", ")) + "; \(hint)"
    case .attributeTableUnreadable(let path, let detail):
      "cannot read the attribute table \(path): \(detail); restore it from the phasesplit checkout"
    case .invalidLateAttribute(let name, let problem):
      "cannot declare '\(name)' late: \(problem)"
    }
  }
}
