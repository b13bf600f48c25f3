import Derivations
import SplitPlanning

/// Finds the segment chain of a split package from its final segment's derivation closure.
///
/// Segments are recognised by the naming contract (``SegmentContract``): earlier segments are
/// named `NAME-seg-SEGMENT` and each depends on the one before it; the final segment has the
/// package's own name. A segment's phases come from its `phasesplitPhases` attribute (the runner
/// setting written by nix-lib's `splitPhases`), a space-separated list or a JSON list.
public enum SegmentChainReader {
  private typealias Attribute = SegmentContract.RunnerAttribute

  /// Builds the chain whose final segment is `finalPath`, from `graph` (its closure, keyed by
  /// `.drv` path).
  public static func chain(
    finalPath: String, graph: [String: Derivation]
  ) throws(BuildSessionError) -> SegmentChain {
    guard let final = graph[finalPath] else {
      throw .unreadableDerivation(path: finalPath, detail: "it is missing from its own closure")
    }
    let finalAttributes = final.attributes
    // an earlier segment is no split package, though it has a previous segment too: the final
    // segment says so (`phasesplitFinal`), or, without that setting, does not have a segment's name
    let marker = finalAttributes[Attribute.final]
    if marker.map({ !$0.isTruthy }) ?? final.name.contains(SegmentContract.current.earlierSegmentInfix) {
      throw .notSplit(derivationPath: finalPath, name: final.name)
    }
    let prefix = SegmentContract.current.earlierSegmentName(packageName: final.name, segment: "")
    var earlier: [BuiltSegment] = []
    var current = final
    while let (path, previous) = previousSegment(of: current, prefix: prefix, graph: graph) {
      let attributes = previous.attributes
      earlier.append(
        BuiltSegment(
          name: attributes.text(Attribute.segment) ?? String(previous.name.dropFirst(prefix.count)),
          derivationPath: path, phases: phases(of: attributes), outputPaths: previous.outputPaths,
          isFinal: false))
      current = previous
    }
    guard !earlier.isEmpty else { throw .notSplit(derivationPath: finalPath, name: final.name) }
    let finalSegment = BuiltSegment(
      name: finalAttributes.text(Attribute.segment) ?? SegmentContract.finalSegmentName,
      derivationPath: finalPath,
      phases: phases(of: finalAttributes), outputPaths: final.outputPaths, isFinal: true)
    return SegmentChain(packageName: final.name, segments: earlier.reversed() + [finalSegment])
  }

  /// The segment before `current` and its `.drv` path: the input whose output is `current`'s
  /// `phasesplitPrevious` (an incremental segment also depends on the previous build's segments),
  /// else the input named with `prefix`; nil for the first segment.
  static func previousSegment(
    of current: Derivation, prefix: String, graph: [String: Derivation]
  ) -> (path: String, derivation: Derivation)? {
    let inputs = current.inputDerivations.map(\.path).sorted().compactMap { path in
      graph[path].map { (path: path, derivation: $0) }
    }
    if let previousOutput = current.attributes.text(Attribute.previous) {
      return inputs.first { $0.derivation.outputs.contains { $0.path == previousOutput } }
    }
    return inputs.first { $0.derivation.name.hasPrefix(prefix) }
  }

  /// A segment's phase list from its `phasesplitPhases` attribute: a space-separated string, or
  /// a list under structured attributes.
  static func phases(of attributes: DerivationAttributes) -> [String] {
    attributes[Attribute.phases]?.words ?? []
  }
}
