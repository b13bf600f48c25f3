extension AnalysisReport {
  /// The report for humans: phases in order (run or skipped, and why), segments with their
  /// phases and attributes, placement decisions and findings.
  public func humanText() -> String {
    var lines: [String] = []
    let outputs = package.outputs.joined(separator: ", ")
    lines.append("package \(package.name) (outputs: \(outputs))")
    if let derivation = package.derivation { lines.append("  \(derivation)") }
    if let refusal {
      lines.append("not splittable: \(refusal)")
      return lines.joined(separator: "\n") + "\n"
    }
    lines.append("")
    lines.append("phases:")
    let width = phases.map(\.name.count).max() ?? 0
    for phase in phases {
      let padded = phase.name.padding(toLength: width, withPad: " ", startingAt: 0)
      var status = phase.runs ? "runs" : "skipped"
      if let skip = phase.skip {
        status += skip.reason == "flagSet" ? " (\(skip.flag) is set)" : " (\(skip.flag) is not set)"
      }
      var notes: [String] = []
      if !phase.standard { notes.append("custom phase") }
      if phase.standard && phase.definedByAttribute { notes.append("overridden by attribute") }
      notes.append(phase.segment.map { "segment \($0)" } ?? "segment dropped")
      lines.append("  \(padded)  \(status); \(notes.joined(separator: ", "))")
    }
    lines.append("")
    lines.append("segments (boundaries: \(boundaries.joined(separator: " "))):")
    for (position, segment) in segments.enumerated() {
      let role = segment.final ? "final" : "\(position + 1)"
      lines.append("  [\(role)] \(segment.name) → \(segment.derivationName)")
      lines.append("      phases: \(segment.phases.joined(separator: " "))")
      let shown =
        segment.final ? "all \(segment.attributes.count)" : segment.attributes.joined(separator: " ")
      lines.append("      attributes: \(shown)")
    }
    if !placement.isEmpty {
      lines.append("")
      lines.append("attributes that start after the first segment, or earlier than the table says:")
      lines.append("  (every other attribute is carried from the first segment on)")
      for decision in placement {
        var line = "  \(decision.attribute) from \(decision.firstSegment) (\(decision.reason)"
        if !decision.scripts.isEmpty { line += ": \(decision.scripts.joined(separator: ", "))" }
        lines.append(line + ")")
      }
    }
    lines.append("")
    if findings.isEmpty {
      lines.append("findings: none")
    } else {
      lines.append("findings:")
      for finding in findings { lines.append("  [\(finding.kind)] \(finding.message)") }
    }
    return lines.joined(separator: "\n") + "\n"
  }
}
