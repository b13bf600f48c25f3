import ShellAnalysis

/// One piece of shell code a segment runs: a phase attribute, a pre/post hook, or a custom
/// phase's script, with what script analysis learned about it.
public struct SegmentScript: Sendable, Equatable {
  /// The segment that runs the script.
  public var segment: String
  /// The phase during which it runs.
  public var phase: String
  /// The attribute holding the code.
  public var attribute: String
  /// What the code reads, writes and uses.
  public var analysis: ScriptAnalysis

  /// Creates a segment script.
  public init(segment: String, phase: String, attribute: String, analysis: ScriptAnalysis) {
    self.segment = segment
    self.phase = phase
    self.attribute = attribute
    self.analysis = analysis
  }

  /// Collects and analyses the scripts of every running phase of every segment.
  public static func collect(
    segmentPlan: SegmentPlan, attributes: some AttributeSource, outputNames: [String]
  ) -> [SegmentScript] {
    var scripts: [SegmentScript] = []
    let associativeArrays = attributes.associativeArrayAttributes
    for segment in segmentPlan.segments {
      for phase in segment.runningPhases {
        for attribute in phase.scriptAttributes {
          guard let code = attributes.shellString(attribute), !code.isEmpty else { continue }
          scripts.append(
            SegmentScript(
              segment: segment.name, phase: phase.name, attribute: attribute,
              analysis: ScriptAnalyzer.analyze(
                code, outputNames: outputNames, associativeArrays: associativeArrays)
            )
          )
        }
      }
    }
    return scripts
  }
}
