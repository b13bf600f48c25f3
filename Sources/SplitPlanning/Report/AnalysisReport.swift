import Foundation

/// The machine-readable form of an analysis: the `phasesplit analyze --json` document.
///
/// The schema is documented in docs/analyze-json.md; bump ``currentSchemaVersion`` on any
/// incompatible change (removing or renaming a field, changing a field's meaning).
public struct AnalysisReport: Codable, Sendable, Equatable {
  /// The schema version this code writes.
  public static let currentSchemaVersion = 2

  /// The package analysed.
  public struct Package: Codable, Sendable, Equatable {
    public var name: String
    /// The `.drv` path, when the analysis came from one.
    public var derivation: String?
    public var outputs: [String]

    private enum CodingKeys: String, CodingKey { case name, derivation, outputs }

    /// Encodes every field, an absent derivation as `null`.
    public func encode(to encoder: any Encoder) throws {
      var container = encoder.container(keyedBy: CodingKeys.self)
      try container.encode(name, forKey: .name)
      try container.encode(derivation, forKey: .derivation)
      try container.encode(outputs, forKey: .outputs)
    }
  }

  /// Why a phase is skipped: the flag and whether it must be `set` or `unset` for the phase to run.
  public struct Skip: Codable, Sendable, Equatable {
    public var flag: String
    public var reason: String
  }

  /// One phase in order.
  public struct Phase: Codable, Sendable, Equatable {
    public var name: String
    public var standard: Bool
    public var runs: Bool
    public var skip: Skip?
    public var definedByAttribute: Bool
    /// The segment holding the phase; `null` when its segment was dropped (all phases skipped).
    public var segment: String?

    private enum CodingKeys: String, CodingKey {
      case name, standard, runs, skip, definedByAttribute, segment
    }

    /// Encodes every field, absent ones as `null`.
    public func encode(to encoder: any Encoder) throws {
      var container = encoder.container(keyedBy: CodingKeys.self)
      try container.encode(name, forKey: .name)
      try container.encode(standard, forKey: .standard)
      try container.encode(runs, forKey: .runs)
      try container.encode(skip, forKey: .skip)
      try container.encode(definedByAttribute, forKey: .definedByAttribute)
      try container.encode(segment, forKey: .segment)
    }
  }

  /// One segment in build order.
  public struct Segment: Codable, Sendable, Equatable {
    public var name: String
    public var derivationName: String
    public var final: Bool
    public var phases: [String]
    public var attributes: [String]
  }

  /// Where an attribute starts, for attributes that do not simply start in the first segment.
  public struct Placement: Codable, Sendable, Equatable {
    public var attribute: String
    /// The first segment that carries it; every later segment does too.
    public var firstSegment: String
    public var reason: String
    /// The scripts that name it or may read anything, for `namedByScripts` and `scriptsReadAnything`.
    public var scripts: [String]
  }

  /// One finding.
  public struct Finding: Codable, Sendable, Equatable {
    public var kind: String
    public var segment: String
    public var phase: String
    public var attribute: String
    public var variables: [String]
    public var message: String
  }

  public var schemaVersion: Int
  public var package: Package
  public var splittable: Bool
  /// Why the derivation cannot be split; `null` when it can.
  public var refusal: String?
  public var boundaries: [String]
  public var phases: [Phase]
  public var segments: [Segment]
  public var placement: [Placement]
  public var findings: [Finding]

  private enum CodingKeys: String, CodingKey {
    case schemaVersion, package, splittable, refusal, boundaries, phases, segments, placement, findings
  }

  /// Encodes every field, an absent refusal as `null`.
  public func encode(to encoder: any Encoder) throws {
    var container = encoder.container(keyedBy: CodingKeys.self)
    try container.encode(schemaVersion, forKey: .schemaVersion)
    try container.encode(package, forKey: .package)
    try container.encode(splittable, forKey: .splittable)
    try container.encode(refusal, forKey: .refusal)
    try container.encode(boundaries, forKey: .boundaries)
    try container.encode(phases, forKey: .phases)
    try container.encode(segments, forKey: .segments)
    try container.encode(placement, forKey: .placement)
    try container.encode(findings, forKey: .findings)
  }

  /// The report of a successful analysis.
  public init(analysis: SplitAnalysis, derivationPath: String?) {
    schemaVersion = Self.currentSchemaVersion
    package = Package(name: analysis.packageName, derivation: derivationPath, outputs: analysis.outputNames)
    splittable = true
    refusal = nil
    boundaries = analysis.segmentPlan.boundaries.map(\.rawValue)
    var segmentOfPhase: [Int: String] = [:]
    var index = 0
    let kept = Set(analysis.segmentPlan.segmentNames)
    // The analysis already cut this plan successfully, so cutting it again cannot fail.
    let cut =
      (try? SegmentPlan.segmentsBeforeDropping(
        analysis.phasePlan, boundaries: analysis.segmentPlan.boundaries))
      ?? []
    for segment in cut {
      for _ in segment.phases {
        if kept.contains(segment.name) { segmentOfPhase[index] = segment.name }
        index += 1
      }
    }
    phases = analysis.phasePlan.phases.enumerated().map { position, phase in
      Phase(
        name: phase.name, standard: phase.standard != nil, runs: phase.runs,
        skip: phase.skipReason.map { reason in
          switch reason {
          case .flagSet(let flag): Skip(flag: flag, reason: "flagSet")
          case .flagUnset(let flag): Skip(flag: flag, reason: "flagUnset")
          }
        },
        definedByAttribute: phase.definedByAttribute, segment: segmentOfPhase[position])
    }
    segments = analysis.segmentPlan.segments.map { segment in
      Segment(
        name: segment.name, derivationName: segment.derivationName(packageName: analysis.packageName),
        final: segment.isFinal, phases: segment.phases.map(\.name),
        attributes: analysis.placement.attributesBySegment[segment.name] ?? [])
    }
    placement = analysis.placement.decisions.map { decision in
      Placement(
        attribute: decision.attribute, firstSegment: decision.firstSegment,
        reason: decision.reason.identifier,
        scripts: decision.reason.scripts)
    }
    findings = analysis.findings.map {
      Finding(
        kind: $0.kind.rawValue, segment: $0.segment, phase: $0.phase, attribute: $0.attribute,
        variables: $0.variables, message: $0.message)
    }
  }

  /// The report of a derivation that cannot be split.
  public init(refusal: SplitRefusal, packageName: String, outputs: [String], derivationPath: String?) {
    schemaVersion = Self.currentSchemaVersion
    package = Package(name: packageName, derivation: derivationPath, outputs: outputs)
    splittable = false
    self.refusal = refusal.description
    boundaries = []
    phases = []
    segments = []
    placement = []
    findings = []
  }
}
