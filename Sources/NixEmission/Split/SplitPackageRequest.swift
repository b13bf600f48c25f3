import NixInterface

/// A package as `build`, `enter` and `explain` take it: an installable that is either a split
/// package's final segment (used as it is) or any other package, split with ``settings`` on the
/// fly; optionally built incrementally from an older version of it.
public struct SplitPackageRequest: Sendable, Equatable {
  /// The package as the user named it.
  public var installable: InstallableSpec
  /// How to split it when it is not split yet.
  public var settings: SplitSettings
  /// The older version an incremental build starts from (docs/design.md "Incremental builds"),
  /// if any.
  public var incrementalFrom: OlderVersion?

  /// Creates a request.
  public init(
    installable: InstallableSpec, settings: SplitSettings = SplitSettings(),
    incrementalFrom: OlderVersion? = nil
  ) {
    self.installable = installable
    self.settings = settings
    self.incrementalFrom = incrementalFrom
  }

  /// The older build to compare this package with: `older` if given, else the version this
  /// package builds incrementally from; split with the same settings and built cleanly (not
  /// incrementally). Nil when there is neither.
  public func olderBuild(against older: OlderVersion?) -> SplitPackageRequest? {
    guard let older = older ?? incrementalFrom else { return nil }
    return SplitPackageRequest(installable: older.installable(olderThan: installable), settings: settings)
  }
}
