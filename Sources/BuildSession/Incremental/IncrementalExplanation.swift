import BuildArchive
import Derivations
import Foundation
import SplitPlanning

/// What `phasesplit explain` says about an incremental build: the segment that starts from a
/// previous build, that build, and the source changes — from the segment's `incremental.json`
/// once it is built, else compared from the two unpack segments' archives when both are built.
public struct IncrementalExplanation: Sendable, Equatable, Codable {
  /// The incremental segment's name.
  public var segment: String
  /// The previous build segment it restores (a store path).
  public var base: String
  /// The source changes and the mode (`incremental`, `clean`, or `pending` before the segment
  /// is built); nil while the unpack segments are not built either.
  public var sourceChanges: SourceSyncReport?

  /// The explanation for the first incremental segment of `chain`, or nil for a clean build.
  static func find(in chain: SegmentChain, graph: [String: Derivation]) -> IncrementalExplanation? {
    for segment in chain.segments {
      guard let attributes = graph[segment.derivationPath]?.attributes,
        let base = attributes.text(SegmentContract.RunnerAttribute.incrementalBase), !base.isEmpty
      else { continue }
      var explanation = IncrementalExplanation(segment: segment.name, base: base, sourceChanges: nil)
      if let out = segment.outputPaths["out"],
        let data = FileManager.default.contents(atPath: out + "/incremental.json")
      {
        explanation.sourceChanges = try? JSONDecoder().decode(SourceSyncReport.self, from: data)
      } else if let oldSource = attributes.text(SegmentContract.RunnerAttribute.incrementalBaseSource),
        let newSource = attributes.text(SegmentContract.RunnerAttribute.previous)
      {
        explanation.sourceChanges = try? compare(oldSource: oldSource, newSource: newSource)
      }
      return explanation
    }
    return nil
  }

  /// Compares two built unpack segments' trees in their archives; nil when either is not built.
  private static func compare(oldSource: String, newSource: String) throws -> SourceSyncReport? {
    let segments = [oldSource, newSource]
    guard
      segments.allSatisfy({ FileManager.default.fileExists(atPath: $0 + "/" + LayerRestorer.archiveName) })
    else { return nil }
    let difference = try SourceDifference.between(
      old: ArchivedTree.read(segment: RawPath(oldSource)), new: ArchivedTree.read(segment: RawPath(newSource))
    )
    return SourceSyncReport(mode: "pending", reason: nil, difference: difference)
  }

  /// The human text, after the segments.
  func rendered() -> String {
    var text = "incremental: segment \(segment) starts from \(base)\n"
    guard let changes = sourceChanges else {
      return text + "  source changes: known once the unpack segments are built\n"
    }
    let lines =
      changes.changed.map { "  changed  \($0)" } + changes.added.map { "  added    \($0)" }
      + changes.deleted.map { "  deleted  \($0)" }
    text += lines.isEmpty ? "  no source changes\n" : lines.joined(separator: "\n") + "\n"
    switch changes.mode {
    case "pending":
      text += "  (the build decides: make or ninja rebuild what these affect, or a clean build)\n"
    case "clean":
      text += "  built from scratch: \(changes.reason ?? "")\n"
    default:
      text += "  built incrementally: only what these changes affect was rebuilt\n"
      if let settler = changes.deletionsSettledBy {
        text += "  deleted files: kept until `\(settler)` marked what depends on them in the previous build;"
        text += " those targets and the files were then removed, and the build rebuilt them\n"
      }
    }
    return text
  }
}
