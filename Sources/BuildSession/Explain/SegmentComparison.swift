import Derivations
import Foundation
import SplitPlanning

/// Compares the segment chain of a package with the chain of an older build of it and explains,
/// segment by segment, what is reused and why the rest is rebuilt.
///
/// Attribute differences that are only the consequence of a changed input (its store path appears
/// in the value) are not listed as the segment's own change: they are attributed to the input,
/// whose own causes appear with it ("configure rebuilt because its input segment unpack rebuilt").
/// The attributes compared are ``Derivations/DerivationAttributes``, which leave out the output
/// path variables (`out`, `dev`, …): they change whenever anything else does.
public struct SegmentComparison: Sendable {
  /// The current chain and the derivations of its closure.
  public var current: (chain: SegmentChain, graph: [String: Derivation])
  /// The older chain and the derivations of its closure.
  public var older: (chain: SegmentChain, graph: [String: Derivation])

  /// Creates a comparison.
  public init(
    current: (chain: SegmentChain, graph: [String: Derivation]),
    older: (chain: SegmentChain, graph: [String: Derivation])
  ) {
    self.current = current
    self.older = older
  }

  /// One explanation per current segment, in build order.
  public func explain() -> [SegmentExplanation] {
    current.chain.segments.map { segment in
      guard let old = older.chain.segment(named: segment.name) else {
        return SegmentExplanation(
          segment: segment.name, derivation: segment.derivationPath, oldDerivation: nil,
          reasons: [.newSegment])
      }
      guard old.derivationPath != segment.derivationPath,
        let new = current.graph[segment.derivationPath], let before = older.graph[old.derivationPath]
      else {
        return SegmentExplanation(
          segment: segment.name, derivation: segment.derivationPath, oldDerivation: old.derivationPath,
          reasons: [])
      }
      return SegmentExplanation(
        segment: segment.name, derivation: segment.derivationPath, oldDerivation: old.derivationPath,
        reasons: reasons(new: new, old: before))
    }
  }

  private func reasons(new: Derivation, old: Derivation) -> [RebuildReason] {
    var reasons: [RebuildReason] = []
    var pathMap: [String: String] = [:]
    // inputs that are segments pair by segment name (an incremental chain's build segment has
    // another derivation name), others by derivation name
    let newInputs = Dictionary(grouping: new.inputDerivations.map(\.path)) {
      Self.pairingKey($0, current.chain)
    }
    let oldInputs = Dictionary(grouping: old.inputDerivations.map(\.path)) {
      Self.pairingKey($0, older.chain)
    }
    for key in Set(newInputs.keys).union(oldInputs.keys).sorted() {
      let newPath = newInputs[key]?.sorted().first
      let oldPath = oldInputs[key]?.sorted().first
      guard newPath != oldPath, let name = (newPath ?? oldPath).map(StorePath.name(of:)) else { continue }
      if let newPath, let oldPath {
        mapOutputs(from: older.graph[oldPath], to: current.graph[newPath], into: &pathMap)
        pathMap[oldPath] = newPath
      }
      if let segment = newPath.flatMap(current.chain.segment(derivedBy:)) {
        reasons.append(.inputSegmentRebuilt(segment: segment.name))
      } else {
        reasons.append(.inputDerivationChanged(name: name, old: oldPath, new: newPath))
      }
    }
    let newSources = Dictionary(grouping: new.inputSources, by: StorePath.name(of:))
    let oldSources = Dictionary(grouping: old.inputSources, by: StorePath.name(of:))
    for name in Set(newSources.keys).union(oldSources.keys).sorted() {
      let newPath = newSources[name]?.sorted().first
      let oldPath = oldSources[name]?.sorted().first
      guard newPath != oldPath else { continue }
      if let newPath, let oldPath { pathMap[oldPath] = newPath }
      reasons.append(.inputSourceChanged(name: name, old: oldPath, new: newPath))
    }
    if new.arguments != Self.substituting(pathMap, in: old.arguments) {
      reasons.append(.builderChanged)
    }
    let (newAttributes, oldAttributes) = (new.attributes, old.attributes)
    // `args` is the builder's arguments, compared above
    for name in Set(newAttributes.attributeNames).union(oldAttributes.attributeNames).sorted()
    where name != "args" {
      let newValue = newAttributes.text(name)
      let oldValue = oldAttributes.text(name)
      guard newValue != oldValue else { continue }
      if let newValue, let oldValue, Self.substituting(pathMap, in: oldValue) == newValue { continue }
      if name == "builder" || name == "system" {
        if !reasons.contains(.builderChanged) { reasons.append(.builderChanged) }
        continue
      }
      reasons.append(.attributeChanged(name: name, old: oldValue, new: newValue))
    }
    if let base = new.attributes.text(SegmentContract.RunnerAttribute.incrementalBase),
      base != old.attributes.text(SegmentContract.RunnerAttribute.incrementalBase)
    {
      reasons = [.incrementalBuild(base: base)] + reasons.filter { !isPartOfIncrementalBuild($0) }
    }
    let own = reasons.filter { !Self.isBookkeeping($0) }
    return own.isEmpty ? reasons : own
  }

  /// Whether `reason` is one of the differences an incremental segment has from the older
  /// clean build segment because it is incremental: the runner settings, its name, and the
  /// older build's segments it takes (the base build and source) or no longer takes (configure).
  private func isPartOfIncrementalBuild(_ reason: RebuildReason) -> Bool {
    switch reason {
    case .attributeChanged(let name, _, _):
      return SegmentContract.RunnerAttribute.isRunnerSetting(name) || name == "name"
    case .inputDerivationChanged(_, let old, let new):
      return [old, new].contains { $0.flatMap(older.chain.segment(derivedBy:)) != nil }
    case .inputSegmentRebuilt(let name):
      // a segment the incremental one now takes as input, but the same as in the older build
      return current.chain.segment(named: name)?.derivationPath
        == older.chain.segment(named: name)?.derivationPath
    default:
      return false
    }
  }

  /// What an input derivation pairs by with its counterpart in the other chain: its segment name
  /// when it is one of `chain`'s segments, else its derivation name.
  static func pairingKey(_ path: String, _ chain: SegmentChain) -> String {
    chain.segment(derivedBy: path).map { "segment " + $0.name } ?? StorePath.name(of: path)
  }

  /// The runner's lists of carried attributes: they change whenever an attribute is added or
  /// removed somewhere, so they are shown only when nothing else explains a rebuild.
  static let bookkeepingAttributes: Set<String> = [
    SegmentContract.RunnerAttribute.attributes, SegmentContract.RunnerAttribute.previousAttributes,
  ]

  static func isBookkeeping(_ reason: RebuildReason) -> Bool {
    if case .attributeChanged(let name, _, _) = reason { return bookkeepingAttributes.contains(name) }
    return false
  }

  private func mapOutputs(
    from old: Derivation?, to new: Derivation?, into map: inout [String: String]
  ) {
    guard let old, let new else { return }
    for (name, oldPath) in old.outputPaths where !oldPath.isEmpty {
      if let newPath = new.outputPaths[name], !newPath.isEmpty { map[oldPath] = newPath }
    }
  }

  static func substituting(_ map: [String: String], in values: [String]) -> [String] {
    values.map { substituting(map, in: $0) }
  }

  static func substituting(_ map: [String: String], in value: String) -> String {
    map.reduce(value) { text, pair in text.replacingOccurrences(of: pair.key, with: pair.value) }
  }
}
