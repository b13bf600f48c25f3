/// Whether a restored build tree can be brought up to a new source and built again, or the
/// build must start over from the new source.
public enum IncrementalMode: Equatable, Sendable {
  /// Sync the source changes into the restored tree and let the build system rebuild.
  case incremental
  /// Sync the source changes, but keep the deleted files (with new mtimes, as if changed) until
  /// `make -t` has marked, in the previous build's graph, every target that depends on them;
  /// the runner then removes those targets and the deleted files, and make rebuilds.
  case incrementalSettlingDeletions
  /// Build from the new source as a clean build would, for the reason given.
  case clean(reason: String)

  /// The conservative rule (docs/design.md, "Incremental builds"): a ninja tree (one with a
  /// `build.ninja`) always builds incrementally, since ninja records every output's command and
  /// regenerates itself when its CMake or Meson files change. A make tree builds clean when a
  /// build-description file changed (make does not rebuild what a changed Makefile or configure
  /// result changes). Deleted files in a make tree are settled with `make -t` when the build
  /// phase is the stdenv's one `make` (`makeSettlesDeletions`) and every deleted entry is a
  /// regular file or a directory (make reads a symlink's target's mtime, not the link's); else clean.
  public static func decide(
    for difference: SourceDifference, buildTreeUsesNinja: Bool, makeSettlesDeletions: Bool = false
  ) -> IncrementalMode {
    if buildTreeUsesNinja { return .incremental }
    let descriptions = difference.buildDescriptionChanges
    if !descriptions.isEmpty {
      return .clean(
        reason: "build description changed (\(listed(descriptions))); make would not rebuild what it changes")
    }
    let deleted = difference.deletedFiles
    if deleted.isEmpty { return .incremental }
    guard makeSettlesDeletions else {
      return .clean(
        reason: "files deleted (\(listed(deleted))) and the build phase is not the stdenv's make"
          + " (buildPhase or preBuildPhases set), which finds what depends on them")
    }
    let special = deleted.filter { !$0.isRegularFile }
    if !special.isEmpty {
      return .clean(
        reason: "symlinks or special files deleted (\(listed(special))); make reads a symlink's target's time"
      )
    }
    return .incrementalSettlingDeletions
  }

  private static func listed(_ changes: [SourceChange]) -> String {
    let names = changes.prefix(5).map(\.path.description).joined(separator: ", ")
    return changes.count > 5 ? names + ", … (\(changes.count) in all)" : names
  }
}
