/// The final segment's outputs still name stand-in paths in forms relocation does not rewrite.
public struct StandInRemnantError: Error, Sendable, Equatable, CustomStringConvertible {
  /// What the scan found.
  public var remnants: [StandInRemnant]

  public init(remnants: [StandInRemnant]) {
    self.remnants = remnants
  }

  public var description: String {
    var lines = [
      "\(remnants.count) place(s) in the outputs still name a stand-in output path, in a form relocation "
        + "cannot rewrite into what the unsplit build writes:"
    ]
    lines += remnants.map { "  \($0)" }
    lines += [
      "An earlier segment stored the output path compressed, archived or re-encoded, so the split output "
        + "would differ from the unsplit one and name a store path that never exists. What to do: build this "
        + "package unsplit, or move the step that writes these files after the install boundary (into "
        + "installPhase or later), or, if you accept outputs that name stand-in paths, pass "
        + "allowStandInRemnants = true to splitPhases (phasesplit wrap/build --allow-stand-in-remnants)."
    ]
    return lines.joined(separator: "\n")
  }
}
