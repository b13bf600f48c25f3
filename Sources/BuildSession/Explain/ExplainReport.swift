import Foundation

/// The result of `phasesplit explain`: the `--json` document and the human text.
public struct ExplainReport: Sendable, Equatable, Codable {
  /// One reason in JSON form.
  public struct Reason: Sendable, Equatable, Codable {
    /// `newSegment`, `attributeChanged`, `inputSegmentRebuilt`, `inputDerivationChanged`,
    /// `inputSourceChanged`, `builderChanged` or `incrementalBuild`.
    public var kind: String
    /// The attribute, segment, derivation or source it is about (for `incrementalBuild`, the
    /// older build segment's output path it builds on).
    public var subject: String?
    /// The old value or path (attribute and input changes).
    public var old: String?
    /// The new value or path.
    public var new: String?
    /// The reason as a phrase.
    public var text: String
  }

  /// One segment in JSON form.
  public struct SegmentEntry: Sendable, Equatable, Codable {
    /// The segment name.
    public var segment: String
    /// `reused` or `rebuilt`.
    public var verdict: String
    /// The segment's `.drv` path now.
    public var derivation: String
    /// The older build's `.drv` path of the segment.
    public var oldDerivation: String?
    /// Why it is rebuilt (empty when reused).
    public var reasons: [Reason]
  }

  /// The schema version of the JSON form.
  public var schemaVersion = 1
  /// The package name.
  public var package: String
  /// The final segment's `.drv` path now.
  public var derivation: String
  /// The older build's final `.drv` path.
  public var oldDerivation: String
  /// One entry per current segment, in build order.
  public var segments: [SegmentEntry]
  /// For an incremental build: the segment that starts from a previous build, and the source
  /// changes (absent for clean builds).
  public var incremental: IncrementalExplanation?

  /// Builds the report from explanations.
  public init(package: String, derivation: String, oldDerivation: String, explanations: [SegmentExplanation])
  {
    self.package = package
    self.derivation = derivation
    self.oldDerivation = oldDerivation
    segments = explanations.map { explanation in
      SegmentEntry(
        segment: explanation.segment, verdict: explanation.isReused ? "reused" : "rebuilt",
        derivation: explanation.derivation, oldDerivation: explanation.oldDerivation,
        reasons: explanation.reasons.map { reason in
          let values: (String?, String?)
          switch reason {
          case .attributeChanged(_, let old, let new), .inputDerivationChanged(_, let old, let new),
            .inputSourceChanged(_, let old, let new):
            values = (old, new)
          default:
            values = (nil, nil)
          }
          return Reason(
            kind: reason.kind, subject: reason.subject, old: values.0, new: values.1, text: reason.text)
        })
    }
  }

  /// The human text: one block per segment.
  public func rendered() -> String {
    var text = "\(package) compared with \(oldDerivation):\n"
    let width = segments.map(\.segment.count).max() ?? 0
    for entry in segments {
      let label = entry.segment.padding(toLength: width, withPad: " ", startingAt: 0)
      if entry.reasons.isEmpty {
        text += "  \(label)  reused (same derivation)\n"
        continue
      }
      let first = entry.reasons[0]
      let intro = first.kind == "inputSegmentRebuilt" ? "rebuilt because" : "rebuilt:"
      text += "  \(label)  \(intro) \(first.text)\n"
      for reason in entry.reasons.dropFirst() {
        text += "  " + String(repeating: " ", count: width) + "    and \(reason.text)\n"
      }
    }
    if let incremental { text += incremental.rendered() }
    return text
  }
}
