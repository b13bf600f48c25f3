/// The ordered segments of a split package: earlier segments first, the final segment last.
public struct SegmentChain: Sendable, Equatable {
  /// The package name (the final segment's derivation `name`, e.g. `hello-2.10`).
  public var packageName: String
  /// The segments in build order; the last one is the final segment.
  public var segments: [BuiltSegment]

  /// Creates a chain. `segments` must be in build order with the final segment last.
  public init(packageName: String, segments: [BuiltSegment]) {
    self.packageName = packageName
    self.segments = segments
  }

  /// The final segment.
  public var finalSegment: BuiltSegment { segments[segments.count - 1] }

  /// The segment named `name`, if any.
  public func segment(named name: String) -> BuiltSegment? {
    segments.first { $0.name == name }
  }

  /// The segment whose derivation is `derivationPath`, if any.
  public func segment(derivedBy derivationPath: String) -> BuiltSegment? {
    segments.first { $0.derivationPath == derivationPath }
  }

  /// The segment that runs `phase`, if any.
  public func segment(runningPhase phase: String) -> BuiltSegment? {
    segments.first { $0.phases.contains(phase) }
  }

  /// The segment before `segment` in build order, or `nil` for the first one.
  public func segment(before name: String) -> BuiltSegment? {
    guard let index = segments.firstIndex(where: { $0.name == name }), index > 0 else { return nil }
    return segments[index - 1]
  }

  /// The segment names in build order.
  public var segmentNames: [String] { segments.map(\.name) }
}
