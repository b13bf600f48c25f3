import ArgumentParser
import BuildArchive
import Foundation

/// `phasesplit restore SEGMENT -C DIR`: restore a segment's build tree from its layers.
struct RestoreCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "restore",
    abstract: "Restore the build tree of a segment directory (its layer and those it applies over).",
    discussion: """
      SEGMENT is a segment derivation's output: tree.pst and tree.index, and a 'previous' symlink to the \
      segment before it when the layer applies over that one's tree. Layers are applied oldest first \
      (deletions, then entries); every entry then gets the time of its rank in the last index. A \
      directory without tree.index holds one full archive. See docs/archive-format.md, "Layers".
      """
  )

  @Argument(help: "The segment directory (a segment derivation's output path).")
  var segment: String

  @Option(
    name: .customShort("C"),
    help: ArgumentHelp("The directory to restore into (created if missing).", valueName: "directory"))
  var directory: String

  @Flag(help: "Print when the restore ended (SECONDS.NANOSECONDS), for 'pack --changed-since'.")
  var printTime = false

  func run() throws {
    let summary = try LayerRestorer.restore(segment: RawPath(segment), into: RawPath(directory))
    for warning in summary.warnings {
      FileHandle.standardError.write(Data("phasesplit restore: warning: \(warning)\n".utf8))
    }
    if printTime { print(summary.restoredAt.description) }
  }
}
