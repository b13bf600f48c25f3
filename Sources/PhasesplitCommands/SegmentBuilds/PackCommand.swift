import ArgumentParser
import BuildArchive
import Foundation

/// `phasesplit pack DIR -o FILE`: archive a build tree.
struct PackCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "pack",
    abstract: "Pack a directory into a reproducible zstd-compressed pax archive.",
    discussion: """
      Entries are stored in byte-wise sorted order with uid/gid 0. By default each mtime is stored as its \
      rank among the tree's distinct mtimes (reproducible); see docs/archive-format.md.
      """
  )

  @Argument(help: "The directory to pack.")
  var directory: String

  @Option(name: .shortAndLong, help: "The archive file to write (replaced atomically).")
  var output: String

  @Option(
    name: .customLong("exclude"),
    help: ArgumentHelp("A path relative to the directory to leave out (repeatable).", valueName: "path"))
  var excludes: [String] = []

  @Flag(help: "Store exact nanosecond mtimes instead of ranks (archives are then not reproducible).")
  var exactMtimes = false

  func run() throws {
    let options = PackOptions(
      excludedPaths: excludes.map(RawPath.init),
      mtimePolicy: exactMtimes ? .exact : .ranked
    )
    let summary = try ArchivePacker.pack(
      directory: RawPath(directory), archive: RawPath(output), options: options)
    for note in summary.notes {
      FileHandle.standardError.write(Data("phasesplit pack: \(note)\n".utf8))
    }
  }
}
