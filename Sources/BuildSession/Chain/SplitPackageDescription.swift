import Foundation

/// What `phasesplit analyze` says about a package phasesplit has already split (its final
/// segment, e.g. `./result` of `phasesplit build`): the segments and their phases, and that it is
/// built as it is rather than split again.
public struct SplitPackageDescription: Sendable, Equatable, Codable {
  /// One segment of the chain.
  public struct SegmentDescription: Sendable, Equatable, Codable {
    /// The segment name.
    public var name: String
    /// Its `.drv` path.
    public var derivation: String
    /// Its phases in order.
    public var phases: [String]
  }

  /// The JSON schema version (docs/analyze-json.md, "already split").
  public var schemaVersion = 1
  /// The package name.
  public var package: String
  /// The final segment's `.drv` path.
  public var derivation: String
  /// Always true: tells this document apart from an analysis.
  public var alreadySplit = true
  /// The segments in build order.
  public var segments: [SegmentDescription]

  /// The description of `chain`.
  public init(chain: SegmentChain) {
    package = chain.packageName
    derivation = chain.finalSegment.derivationPath
    segments = chain.segments.map {
      SegmentDescription(name: $0.name, derivation: $0.derivationPath, phases: $0.phases)
    }
  }

  /// The text for people.
  public var text: String {
    var text = "package \(package) is already split by phasesplit into \(segments.count) segments\n"
    text += "  \(derivation)\n\nsegments:\n"
    let width = segments.map(\.name.count).max() ?? 0
    for segment in segments {
      text +=
        "  " + segment.name.padding(toLength: width, withPad: " ", startingAt: 0) + "  "
        + (segment.phases.isEmpty ? "-" : segment.phases.joined(separator: " ")) + "\n"
    }
    text +=
      "\nBuild it as it is with `phasesplit build \(derivation)`; to see how the original package "
      + "splits, analyze the original package (its .drv or -f FILE -A ATTR).\n"
    return text
  }
}
