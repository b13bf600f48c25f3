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
  /// The contract file (`segment-contract.json`) cannot be read, parsed, or is incomplete.
  case contractUnreadable(path: String, detail: String)
  /// The nix-lib directory's contract file differs from the one this phasesplit was built with.
  case contractMismatch(nixLibrary: String)
  /// A late attribute declaration (`--late`, `lateAttributes`) cannot be applied.
  case invalidLateAttribute(name: String, problem: String)

  public var description: String {
    switch self {
    case .notSplittable(let refusal):
      "cannot split this derivation: \(refusal.description)"
    case .unknownBoundary(let name):
      "unknown boundary '\(name)'; valid boundaries are: "
        + Boundary.defaults.map(\.rawValue).joined(separator: " ")
        + " (the final segment always holds install and later phases)"
    case .nixLibraryNotFound(let searched, let hint):
      "cannot find the phasesplit Nix library (nix-lib/attribute-phases.json); searched "
        + (searched.isEmpty ? "nothing" : searched.joined(separator: ", ")) + "; \(hint)"
    case .attributeTableUnreadable(let path, let detail):
      "cannot read the attribute table \(path): \(detail); restore it from the phasesplit checkout"
    case .contractUnreadable(let path, let detail):
      "cannot read the segment contract \(path): \(detail); restore it from the phasesplit checkout"
    case .contractMismatch(let nixLibrary):
      "the Nix library \(nixLibrary) has another segment-contract.json than this phasesplit was built "
        + "with, so the two would plan differently; use the nix-lib of the same phasesplit "
        + "(unset \(NixLibraryLocator.environmentVariable) or point it there)"
    case .invalidLateAttribute(let name, let problem):
      "cannot declare '\(name)' late: \(problem)"
    }
  }
}
