import ArgumentParser
import BuildArchive
import Foundation

/// `phasesplit unpack FILE -C DIR`: restore a build tree.
struct UnpackCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "unpack",
    abstract: "Restore an archive made by 'phasesplit pack' into a directory.",
    discussion: """
      Refuses absolute paths, '..' components, writes through symlinks and special files; drops \
      setuid/setgid bits. Ranked mtimes are restored just before now, in their original order.
      """
  )

  @Argument(help: "The archive to read.")
  var archive: String

  @Option(
    name: .customShort("C"),
    help: ArgumentHelp("The directory to extract into (created if missing).", valueName: "directory"))
  var directory: String

  func run() throws {
    let summary = try ArchiveUnpacker.unpack(archive: RawPath(archive), into: RawPath(directory))
    for warning in summary.warnings {
      FileHandle.standardError.write(Data("phasesplit unpack: warning: \(warning)\n".utf8))
    }
  }
}
