/// Why a derivation cannot be split into segments.
public enum SplitRefusal: Sendable, Equatable, CustomStringConvertible {
  /// `buildCommand` replaces the whole phase machinery.
  case buildCommand
  /// `buildCommandPath` replaces the whole phase machinery.
  case buildCommandPath
  /// The builder arguments are none of the stdenv shapes (``StdenvBuilder``).
  case notDefaultBuilder(arguments: [String])
  /// The derivation has no `stdenv` attribute, so it is not a stdenv derivation.
  case noStdenv
  /// An explicit `phases` list puts a phase of an earlier segment after a phase of a later one.
  case phasesOutOfOrder(phase: String, segment: String)

  public var description: String {
    switch self {
    case .buildCommand:
      "it sets buildCommand, which replaces all phases; build it unsplit"
    case .buildCommandPath:
      "it sets buildCommandPath, which replaces all phases; build it unsplit"
    case .notDefaultBuilder(let arguments):
      "its builder arguments are [\(arguments.joined(separator: " "))], not '-e …/default-builder.sh' "
        + "or '-e …/source-stdenv.sh BUILDER' (not a stdenv.mkDerivation build); build it unsplit"
    case .noStdenv:
      "it has no stdenv attribute (not a stdenv.mkDerivation build); build it unsplit"
    case .phasesOutOfOrder(let phase, let segment):
      "phase \(phase) (segment \(segment)) comes after a phase of a later segment in its phases list; "
        + "reorder the phases or choose fewer boundaries"
    }
  }
}
