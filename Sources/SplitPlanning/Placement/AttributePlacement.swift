/// Which attributes each segment carries: the rule of `nix-lib/lib/placeAttributes.nix`, which
/// both the Nix library and the CLI follow, so that both give the same segment derivations.
///
/// Every attribute is an environment variable of every process of the build, so an attribute
/// is carried from the first segment on unless the shared table lists it under the phases that
/// read it (it starts in the segment of the earliest such phase) or the author declares it late
/// (``LateAttributes``). It starts earlier when a script of an earlier segment names it (a word
/// of the segment's scripts: its name, `NAMEPath` under `passAsFile`, or a standard phase whose
/// table list holds it) or may read anything (`eval`, `source`, `substituteAll`, `printenv`,
/// `${!`). From its first segment on it is carried by every later segment. `finalOnly`
/// attributes are only in the final segment, which carries everything.
public struct AttributePlacement: Sendable, Equatable {
  /// The attributes each segment carries, by segment name, in the derivation's attribute order.
  public var attributesBySegment: [String: [String]]
  /// The segment each attribute is first carried by.
  public var firstSegment: [String: String]
  /// Why an attribute starts later than the first segment, or earlier than the table or its
  /// declaration says, in attribute order.
  public var decisions: [PlacementDecision]

  /// Places the attributes of a derivation.
  /// - Throws: ``PlanningError/invalidLateAttribute(name:problem:)`` for a late declaration of
  ///   an attribute the package lacks or the table lists, or of a segment the plan lacks.
  public init(
    attributes: some AttributeSource, segmentPlan: SegmentPlan, table: AttributePhaseTable,
    lateAttributes: LateAttributes = LateAttributes()
  ) throws(PlanningError) {
    let segments = segmentPlan.segments
    let names = attributes.attributeNames
    let finalIndex = segments.count - 1
    let passedAsFile = Set(attributes.words("passAsFile"))
    let tablePhases = table.phases

    var lateIndex: [String: Int] = [:]
    for declaration in lateAttributes.declarations {
      let name = declaration.name
      guard attributes.hasAttribute(name) else {
        throw .invalidLateAttribute(name: name, problem: "it is not an attribute of the package")
      }
      guard !table.lists(name) else {
        throw .invalidLateAttribute(
          name: name,
          problem:
            "the shared table attribute-phases.json already places it; declare only attributes it does not list"
        )
      }
      let segment = declaration.segment ?? segmentPlan.finalSegment.name
      guard let index = segmentPlan.segmentNames.firstIndex(of: segment) else {
        throw .invalidLateAttribute(
          name: name,
          problem: "there is no segment '\(segment)'; the segments are "
            + segmentPlan.segmentNames.joined(separator: ", "))
      }
      lateIndex[name] = index
    }

    // the words of each earlier segment's scripts, per script attribute
    let earlierScripts: [[(attribute: String, words: ShellWords)]] = segments.dropLast().map { segment in
      Self.scriptAttributes(of: segment).compactMap { attribute in
        attributes.shellString(attribute).map { (attribute, ShellWords($0)) }
      }
    }
    func namingScripts(_ index: Int, _ name: String) -> (naming: [String], readingAnything: [String]) {
      var naming: [String] = []
      var readingAnything: [String] = []
      for script in earlierScripts[index] {
        let words = script.words.words
        if words.contains(name) || (passedAsFile.contains(name) && words.contains(name + "Path"))
          || tablePhases.contains(where: { words.contains($0.key) && $0.value.contains(name) })
        {
          naming.append(script.attribute)
        } else if script.words.readsAnything {
          readingAnything.append(script.attribute)
        }
      }
      return (naming, readingAnything)
    }

    var first: [String: Int] = [:]
    var decisions: [PlacementDecision] = []
    for name in names {
      if table.isFinalOnly(name) {
        first[name] = finalIndex
        decisions.append(
          PlacementDecision(attribute: name, firstSegment: segments[finalIndex].name, reason: .finalOnly))
        continue
      }
      let tableIndex = segments.indices.first { index in
        segments[index].phases.contains { table.phase($0.name, reads: name) }
      }
      var index: Int
      var reason: PlacementReason?
      if table.isEverywhere(name) {
        index = 0
      } else if let late = lateIndex[name] {
        index = late
        reason = .declaredLate
      } else if table.lists(name) {
        index = tableIndex ?? finalIndex
        reason = .phaseTable
      } else {
        index = 0
      }
      if let tableIndex, tableIndex < index {
        index = tableIndex
        reason = .phaseTable
      }
      for earlier in 0..<min(index, finalIndex) {
        let scripts = namingScripts(earlier, name)
        if !scripts.naming.isEmpty {
          (index, reason) = (earlier, .namedByScripts(scripts.naming))
          break
        }
        if !scripts.readingAnything.isEmpty {
          (index, reason) = (earlier, .scriptsReadAnything(scripts.readingAnything))
          break
        }
      }
      first[name] = index
      if let reason, index > 0 || reason != .phaseTable {
        decisions.append(
          PlacementDecision(attribute: name, firstSegment: segments[index].name, reason: reason))
      }
    }
    self.decisions = decisions
    self.firstSegment = first.mapValues { segments[$0].name }
    self.attributesBySegment = Dictionary(
      uniqueKeysWithValues: segments.enumerated().map { index, segment in
        (
          segment.name,
          index == finalIndex
            ? names : names.filter { !table.isFinalOnly($0) && (first[$0] ?? 0) <= index }
        )
      })
  }

  /// The attributes whose text counts as a segment's scripts for placement (the contract's
  /// `everySegmentScripts`: `preHook` and `postHook`), and for each of its phases (skipped ones
  /// too) the phase attribute and the standard phase's hooks and other scripts (`unpackCmd` and
  /// `setSourceRoot` with `unpackPhase`).
  public static func scriptAttributes(of segment: PlannedSegment) -> [String] {
    let contract = SegmentContract.current
    return contract.everySegmentScripts
      + segment.phases.flatMap { phase in
        [phase.name]
          + (phase.standard.map { contract.rule(for: $0).hooks + contract.rule(for: $0).otherScripts } ?? [])
      }
  }
}

/// Where one attribute starts and why, for attributes that do not simply start in the first
/// segment.
public struct PlacementDecision: Sendable, Equatable {
  /// The attribute name.
  public var attribute: String
  /// The first segment that carries it (every later one does too).
  public var firstSegment: String
  /// Why.
  public var reason: PlacementReason

  /// Creates a decision.
  public init(attribute: String, firstSegment: String, reason: PlacementReason) {
    self.attribute = attribute
    self.firstSegment = firstSegment
    self.reason = reason
  }
}

/// Why an attribute starts where it does.
public enum PlacementReason: Sendable, Equatable {
  /// The shared table lists it under the phases that read it.
  case phaseTable
  /// The table lists it as `finalOnly` (output checks, fixed-output hashes).
  case finalOnly
  /// The author declared it late (``LateAttributes``).
  case declaredLate
  /// These scripts of its first segment name it, earlier than the table or the declaration.
  case namedByScripts([String])
  /// These scripts of its first segment may read any variable (`eval`, `source`, …).
  case scriptsReadAnything([String])

  /// A stable identifier for reports.
  public var identifier: String {
    switch self {
    case .phaseTable: "phaseTable"
    case .finalOnly: "finalOnly"
    case .declaredLate: "declaredLate"
    case .namedByScripts: "namedByScripts"
    case .scriptsReadAnything: "scriptsReadAnything"
    }
  }

  /// The scripts concerned (for ``namedByScripts(_:)`` and ``scriptsReadAnything(_:)``).
  public var scripts: [String] {
    switch self {
    case .namedByScripts(let scripts), .scriptsReadAnything(let scripts): scripts
    default: []
    }
  }
}
