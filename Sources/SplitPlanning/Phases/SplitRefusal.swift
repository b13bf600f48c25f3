/// Why a derivation cannot be split into segments.
public enum SplitRefusal: Sendable, Equatable, CustomStringConvertible {
  /// An attribute (`buildCommand`, `buildCommandPath`) replaces the whole phase machinery.
  case replacesPhases(attribute: String)
  /// The builder arguments are none of the stdenv shapes (``StdenvBuilder``).
  case notDefaultBuilder(arguments: [String])
  /// The derivation lacks an attribute every stdenv derivation has (`stdenv`, whose setup the
  /// segments source).
  case missingAttribute(String)
  /// An explicit `phases` list puts a phase of an earlier segment after a phase of a later one.
  case phasesOutOfOrder(phase: String, segment: String)

  public var description: String {
    switch self {
    case .replacesPhases(let attribute):
      "it sets \(attribute), which replaces all phases; build it unsplit"
    case .notDefaultBuilder(let arguments):
      "its builder arguments are [\(arguments.joined(separator: " "))], not '-e …/default-builder.sh' "
        + "or '-e …/source-stdenv.sh BUILDER' (not a stdenv.mkDerivation build); build it unsplit"
    case .missingAttribute(let attribute):
      "it has no \(attribute) attribute (not a stdenv.mkDerivation build); build it unsplit"
    case .phasesOutOfOrder(let phase, let segment):
      "phase \(phase) (segment \(segment)) comes after a phase of a later segment in its phases list; "
        + "reorder the phases or choose fewer boundaries"
    }
  }
}
