/// Which attributes each segment carries (`nix-lib/lib/placeAttributes.nix` plus analysis).
///
/// The Nix library's rule: an earlier segment carries the table's `everywhere` list, the table
/// lists of its phases, and every attribute in no list, never a `finalOnly` one; the final
/// segment carries everything.
/// The planner narrows "every attribute in no list" by script analysis: such an attribute goes
/// to the earlier segments whose scripts read it (or whose script it is), plus the final
/// segment — unless a script of an earlier segment is uncertain, then it goes everywhere. A table
/// attribute read by a script of a segment the table does not give it to is added there too.
/// Decisions that differ from the library's default become the `placement` argument of
/// `splitPhases` (see ``overrides``).
public struct AttributePlacement: Sendable, Equatable {
  /// The attributes each segment carries, by segment name, in the derivation's attribute order.
  public var attributesBySegment: [String: [String]]
  /// Decisions for attributes not placed by the table alone, in attribute order.
  public var decisions: [PlacementDecision]

  /// Places the attributes of a derivation.
  public init(
    attributes: some AttributeSource, segmentPlan: SegmentPlan, table: AttributePhaseTable,
    scripts: [SegmentScript]
  ) {
    let segmentNames = segmentPlan.segmentNames
    let finalName = segmentPlan.finalSegment.name
    let earlier = segmentPlan.earlierSegments

    var needed: [String: Set<String>] = [:]
    for script in scripts where script.segment != finalName {
      needed[script.segment, default: []].formUnion(script.analysis.reads)
      needed[script.segment, default: []].insert(script.attribute)
    }
    for segment in earlier {
      for phase in segment.runningPhases where phase.standard == nil {
        needed[segment.name, default: []].insert(phase.name)
      }
    }
    let uncertain = scripts.filter { $0.segment != finalName && !$0.analysis.isCertain }.map(\.attribute)

    func tableSegments(_ attribute: String) -> Set<String> {
      if table.isFinalOnly(attribute) { return [finalName] }
      if table.isEverywhere(attribute) { return Set(segmentNames) }
      var result: Set<String> = [finalName]
      for segment in earlier where segment.phases.contains(where: { table.phase($0.name, reads: attribute) })
      {
        result.insert(segment.name)
      }
      return result
    }

    var carried: [String: Set<String>] = [:]
    var decisions: [PlacementDecision] = []
    for attribute in attributes.attributeNames {
      let readers = Set(earlier.map(\.name).filter { needed[$0]?.contains(attribute) ?? false })
      var segments: Set<String>
      if table.isFinalOnly(attribute) {
        segments = [finalName]
      } else if table.lists(attribute) {
        let fromTable = tableSegments(attribute)
        segments = fromTable.union(readers)
        if segments != fromTable {
          decisions.append(
            PlacementDecision(
              attribute: attribute, segments: segmentNames.filter(segments.contains),
              reason: .readOutsideTable,
              differsFromLibraryDefault: true))
        }
      } else if !uncertain.isEmpty {
        segments = Set(segmentNames)
        decisions.append(
          PlacementDecision(
            attribute: attribute, segments: segmentNames, reason: .uncertainScripts(attributes: uncertain),
            differsFromLibraryDefault: false))
      } else {
        segments = readers.union([finalName])
        decisions.append(
          PlacementDecision(
            attribute: attribute, segments: segmentNames.filter(segments.contains), reason: .readByScripts,
            differsFromLibraryDefault: segments.count != segmentNames.count))
      }
      for segment in segments { carried[segment, default: []].insert(attribute) }
    }
    self.decisions = decisions
    self.attributesBySegment = Dictionary(
      uniqueKeysWithValues: segmentNames.map { name in
        (name, attributes.attributeNames.filter { carried[name]?.contains($0) ?? false })
      })
  }

  /// The `placement` argument for `splitPhases`: attribute → segment names, only for attributes
  /// whose placement differs from the Nix library's default.
  public var overrides: [(attribute: String, segments: [String])] {
    decisions.filter(\.differsFromLibraryDefault).map { ($0.attribute, $0.segments) }
  }
}
