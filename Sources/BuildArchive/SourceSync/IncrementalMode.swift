/// Whether a restored build tree can be brought up to a new source and built again, or the
/// build must start over from the new source.
public enum IncrementalMode: Equatable, Sendable {
  /// Sync the source changes into the restored tree and let the build system rebuild.
  case incremental
  /// Build from the new source as a clean build would, for the reason given.
  case clean(reason: String)

  /// The conservative rule (docs/design.md, "Incremental builds"): a ninja tree (one with a
  /// `build.ninja`) always builds incrementally, since ninja records every output's command and
  /// regenerates itself when its CMake or Meson files change. A make tree builds incrementally
  /// unless a build-description file changed (make does not rebuild what a changed Makefile or
  /// configure result changes) or a file was deleted (make does not relink without it).
  public static func decide(for difference: SourceDifference, buildTreeUsesNinja: Bool) -> IncrementalMode {
    if buildTreeUsesNinja { return .incremental }
    let descriptions = difference.buildDescriptionChanges
    if !descriptions.isEmpty {
      return .clean(
        reason: "build description changed (\(listed(descriptions))); make would not rebuild what it changes")
    }
    let deleted = difference.deletedFiles
    if !deleted.isEmpty {
      return .clean(reason: "files deleted (\(listed(deleted))); make would not relink without them")
    }
    return .incremental
  }

  private static func listed(_ changes: [SourceChange]) -> String {
    let names = changes.prefix(5).map(\.path.description).joined(separator: ", ")
    return changes.count > 5 ? names + ", … (\(changes.count) in all)" : names
  }
}
