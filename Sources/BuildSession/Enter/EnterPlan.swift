/// The segments `enter` works with: the archive it restores and the segment whose environment
/// and phases come next.
public struct EnterPlan: Sendable, Equatable {
  /// The segment whose archive (tree, outputs, shell state) is restored.
  public var restored: BuiltSegment
  /// The segment after it: its environment is set up and its phases are the ones to run next.
  public var next: BuiltSegment

  /// Chooses the segments for `target` in `chain`; `unbuilt` is the set of `.drv` paths not
  /// valid in the store (used by ``EnterTarget/beforeFirstUnbuilt``).
  public static func choose(
    _ target: EnterTarget, in chain: SegmentChain, unbuilt: Set<String>
  ) throws(BuildSessionError) -> EnterPlan {
    let next: BuiltSegment
    switch target {
    case .afterSegment(let name):
      guard let index = chain.segments.firstIndex(where: { $0.name == name }) else {
        throw .unknownSegment(name: name, valid: chain.segmentNames)
      }
      guard index + 1 < chain.segments.count else {
        throw .nothingAfterFinal(
          segment: name, firstPhase: chain.segments[index].phases.first,
          previous: chain.segment(before: name)?.name)
      }
      next = chain.segments[index + 1]
    case .beforePhase(let phase):
      guard let segment = chain.segment(runningPhase: phase) else {
        throw .unknownPhase(name: phase, valid: chain.segments.flatMap(\.phases))
      }
      next = segment
    case .beforeFirstUnbuilt:
      guard let segment = chain.segments.first(where: { unbuilt.contains($0.derivationPath) }) else {
        throw .noFailedSegment(packageName: chain.packageName)
      }
      guard segment.derivationPath != chain.segments.first?.derivationPath else {
        throw .nothingBuilt(packageName: chain.packageName)
      }
      next = segment
    }
    guard let restored = chain.segment(before: next.name) else { throw .nothingBefore(segment: next.name) }
    return EnterPlan(restored: restored, next: next)
  }
}
