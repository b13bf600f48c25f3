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

  @Option(
    help: ArgumentHelp(
      "Pack a layer: also write the index of the whole tree to this file (docs/archive-format.md, \"Layers\").",
      valueName: "file"))
  var index: String?

  @Option(
    help: ArgumentHelp(
      "The index of the tree the layer applies over (the restored segment's tree.index); needs --changed-since.",
      valueName: "file"))
  var previousIndex: String?

  @Option(
    help: ArgumentHelp(
      "When the restore of that tree ended, as 'phasesplit restore --print-time' printed it.",
      valueName: "time"))
  var changedSince: String?

  func validate() throws {
    if (previousIndex == nil) != (changedSince == nil) {
      throw ValidationError("--previous-index and --changed-since go together")
    }
    if previousIndex != nil && index == nil {
      throw ValidationError("--previous-index needs --index (the layer's own index)")
    }
    if index != nil && exactMtimes {
      throw ValidationError("layers (--index) store ranked mtimes; leave out --exact-mtimes")
    }
  }

  func run() throws {
    let options = PackOptions(
      excludedPaths: excludes.map(RawPath.init),
      mtimePolicy: exactMtimes ? .exact : .ranked
    )
    let summary: PackSummary
    if let index {
      var base: LayerBase?
      if let previousIndex, let changedSince {
        base = LayerBase(
          index: try TreeIndex.read(from: RawPath(previousIndex)),
          restoredAt: try LayerBase.time(parsing: changedSince))
      }
      summary =
        try LayerPacker.pack(
          directory: RawPath(directory), archive: RawPath(output), index: RawPath(index), over: base,
          options: options
        ).pack
    } else {
      summary = try ArchivePacker.pack(
        directory: RawPath(directory), archive: RawPath(output), options: options)
    }
    for note in summary.notes {
      FileHandle.standardError.write(Data("phasesplit pack: \(note)\n".utf8))
    }
  }
}
