/// One thing the planner points out about a split.
public struct Finding: Sendable, Equatable {
  /// What kind of finding.
  public var kind: FindingKind
  /// The segment concerned.
  public var segment: String
  /// The phase concerned.
  public var phase: String
  /// The attribute holding the script concerned.
  public var attribute: String
  /// The variables concerned (outputs used, the carried variable, …), sorted.
  public var variables: [String]
  /// A sentence for humans.
  public var message: String

  /// Creates a finding.
  public init(
    kind: FindingKind, segment: String, phase: String, attribute: String, variables: [String], message: String
  ) {
    self.kind = kind
    self.segment = segment
    self.phase = phase
    self.attribute = attribute
    self.variables = variables
    self.message = message
  }

  /// The findings for the scripts of a split, in segment and script order.
  public static func findings(scripts: [SegmentScript], segmentPlan: SegmentPlan) -> [Finding] {
    let order = Dictionary(uniqueKeysWithValues: segmentPlan.segmentNames.enumerated().map { ($1, $0) })
    let firstSegment = segmentPlan.segmentNames.first
    let finalName = segmentPlan.finalSegment.name
    var findings: [Finding] = []
    for script in scripts {
      let analysis = script.analysis
      let place = "\(script.attribute) (\(script.phase), segment \(script.segment))"
      func add(_ kind: FindingKind, _ variables: [String], _ message: String) {
        findings.append(
          Finding(
            kind: kind, segment: script.segment, phase: script.phase, attribute: script.attribute,
            variables: variables, message: message))
      }
      if script.segment != finalName && !analysis.outputsUsed.isEmpty {
        let outputs = analysis.outputsUsed.sorted()
        add(
          .outputUsedBeforeFinal, outputs,
          "\(place) uses output \(outputs.joined(separator: ", ")); it sees the stand-in path, "
            + "which the final segment relocates to the real one")
      }
      let archivers = ArchivingCommands.called(in: analysis.commandsCalled)
      if script.segment != finalName && !archivers.isEmpty {
        let uses =
          analysis.outputsUsed.isEmpty
          ? "" : " and uses output \(analysis.outputsUsed.sorted().joined(separator: ", "))"
        add(
          .archivingBeforeFinal, archivers,
          "\(place) runs \(archivers.joined(separator: ", "))\(uses) before the final segment: an output "
            + "path stored compressed, archived or re-encoded keeps its stand-in (relocation cannot rewrite "
            + "it), and the final segment's stand-in scan fails; move that step to installPhase or later, "
            + "or build unsplit")
      }
      if script.segment != firstSegment && analysis.readsSource {
        add(
          .sourceReadAfterFirstSegment, ["src"],
          "\(place) reads $src after the first segment; the source stays an input of that segment")
      }
      if script.segment != finalName && analysis.changesDirectory {
        add(.directoryChanged, [], "\(place) changes directory; the runner carries the working directory on")
      }
      for uncertainty in analysis.uncertainties {
        add(.uncertainScript, [], "\(place) cannot be analysed with certainty: \(uncertainty)")
      }
      guard script.segment != finalName, let position = order[script.segment] else { continue }
      let carried = analysis.writes.filter { variable in
        scripts.contains { later in
          (order[later.segment] ?? 0) > position && later.analysis.reads.contains(variable)
        }
      }
      for variable in carried.sorted() {
        let readers = scripts.filter {
          (order[$0.segment] ?? 0) > position && $0.analysis.reads.contains(variable)
        }
        add(
          .stateCarried, [variable],
          "\(place) sets \(variable), which "
            + readers.map { "\($0.attribute) (segment \($0.segment))" }.joined(separator: ", ")
            + " reads; the runner carries it in state.sh")
      }
      for function in analysis.functionsDefined.sorted() {
        let callers = scripts.filter {
          (order[$0.segment] ?? 0) > position && $0.analysis.commandsCalled.contains(function)
        }
        guard !callers.isEmpty else { continue }
        add(
          .stateCarried, [function],
          "\(place) defines function \(function), which "
            + callers.map { "\($0.attribute) (segment \($0.segment))" }.joined(separator: ", ")
            + " calls; the runner carries it in state.sh")
      }
    }
    return findings
  }
}
