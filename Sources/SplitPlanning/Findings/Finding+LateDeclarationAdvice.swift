extension Finding {
  /// Advice for attributes outside the shared table that are carried from the first segment
  /// although script analysis finds their first reader in a later segment: declaring them late
  /// would let their edits rebuild only from that segment on. Given only when no script of an
  /// earlier segment is uncertain, and when the placement rule would honour the declaration
  /// (no earlier script names the attribute or may read anything).
  static func lateDeclarationAdvice(
    attributes: some AttributeSource, scripts: [SegmentScript], segmentPlan: SegmentPlan,
    placement: AttributePlacement
  ) -> [Finding] {
    let segments = segmentPlan.segments
    guard segments.count > 1 else { return [] }
    let firstName = segments[0].name
    let position = Dictionary(uniqueKeysWithValues: segmentPlan.segmentNames.enumerated().map { ($1, $0) })
    let words: [ShellWords] = segments.map { segment in
      ShellWords(
        AttributePlacement.scriptAttributes(of: segment).compactMap(attributes.shellString).joined(
          separator: "\n"))
    }
    var advice: [Finding] = []
    for name in attributes.attributeNames where placement.firstSegment[name] == firstName {
      let readers = scripts.filter { $0.attribute == name || $0.analysis.reads.contains(name) }
      guard let reader = readers.min(by: { (position[$0.segment] ?? 0) < (position[$1.segment] ?? 0) }),
        let index = position[reader.segment], index > 0
      else { continue }
      let earlierUncertain = scripts.contains {
        (position[$0.segment] ?? 0) < index && !$0.analysis.isCertain
      }
      let earlierNamed = words[..<index].contains { $0.words.contains(name) || $0.readsAnything }
      guard !earlierUncertain, !earlierNamed, placement.decisions.allSatisfy({ $0.attribute != name }) else {
        continue
      }
      let segment = reader.segment
      let declaration = segment == segmentPlan.finalSegment.name ? name : "\(name)=\(segment)"
      advice.append(
        Finding(
          kind: .couldBeDeclaredLate, segment: segment, phase: reader.phase, attribute: reader.attribute,
          variables: [name],
          message: "\(name) is read only by scripts of segment \(segment) and later (first by "
            + "\(reader.attribute)); declaring it late (--late \(declaration)) would let edits of \(name) "
            + "rebuild only from \(segment) on — do so only if nothing before (configure, make, compilers, "
            + "setup hooks) reads it from the environment"))
    }
    return advice
  }
}
