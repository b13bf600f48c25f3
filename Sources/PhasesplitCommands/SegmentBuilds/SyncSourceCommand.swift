import ArgumentParser
import Basics
import BuildArchive
import BuildSession
import Foundation

/// `phasesplit sync-source --old SEGMENT --new SEGMENT --into DIR --scratch DIR`: bring a restored
/// build tree up to a new source (incremental builds, docs/design.md).
struct SyncSourceCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "sync-source",
    abstract: "Bring the source part of a restored build tree up to a new source.",
    discussion: """
      Compares the old and the new source trees (contents, kinds, modes, symlink targets), read \
      from the two segments' archives without extracting them, and, when the build can continue \
      incrementally, extracts the added and changed entries (into --scratch), copies them into \
      the build tree and removes deleted ones; only those get new mtimes, newer than everything \
      in the tree, in their new-source order. Prints 'incremental' or 'clean' (the build must \
      start over from the new source: a make tree whose build description changed, or that lost \
      files and cannot settle them with make -t) and writes a JSON report. \
      Runs before the stdenv is set up, so it also does the file work the runner would need tools for: \
      in clean mode it empties --into except the excluded paths and removes each --remove-on-clean path.
      """
  )

  @Option(
    help: ArgumentHelp(
      "The segment directory whose tree is the old source (the previous build's unpack segment).",
      valueName: "segment"))
  var old: String

  @Option(
    help: ArgumentHelp("The segment directory whose tree is the new source.", valueName: "segment"))
  var new: String

  @Option(help: ArgumentHelp("The restored build tree to update.", valueName: "directory"))
  var into: String

  @Option(
    help: ArgumentHelp("A path relative to --into that is not part of the build tree.", valueName: "path"))
  var exclude: [String] = []

  @Option(
    help: ArgumentHelp("Where to write the JSON report (parent directories are created).", valueName: "file"))
  var report: String

  @Option(
    help: ArgumentHelp(
      "A path that does not exist yet: a directory to extract the new source's added and changed entries"
        + " into, removed afterwards (exclude it from --into when it lies there).", valueName: "directory"))
  var scratch: String

  @Option(help: ArgumentHelp("A path to remove in clean mode (a stand-in output).", valueName: "path"))
  var removeOnClean: [String] = []

  @Option(
    help: ArgumentHelp(
      "In a make tree whose source lost files, keep the deleted entries (their files get new mtimes, as"
        + " changed files do) and list them here, NUL-separated and relative to --into, for the runner to"
        + " remove once make -t has marked what depends on them. Without it such a tree builds clean.",
      valueName: "file"))
  var keepDeleted: String?

  func validate() throws {
    guard !FileManager.default.fileExists(atPath: scratch) else {
      throw ValidationError(
        "--scratch \(scratch) exists: give a path that does not exist yet (it is removed afterwards)")
    }
  }

  func run() throws {
    let outcome = try SourceSync.run(
      oldSource: RawPath(old), newSource: RawPath(new), tree: RawPath(into), scratch: RawPath(scratch),
      excluded: Set(exclude.map(RawPath.init)), makeSettlesDeletions: keepDeleted != nil,
      removedOnClean: removeOnClean.map(RawPath.init))
    let (difference, mode) = (outcome.difference, outcome.mode)
    if let keepDeleted, !outcome.keptDeleted.isEmpty {
      try Data(outcome.keptDeleted.flatMap { $0.bytes + [0] }).write(to: URL(fileURLWithPath: keepDeleted))
    }
    let reportData = try JSONOutput.data(SourceSyncReport(difference: difference, mode: mode))
    let reportURL = URL(fileURLWithPath: report)
    try FileManager.default.createDirectory(
      at: reportURL.deletingLastPathComponent(), withIntermediateDirectories: true)
    try reportData.write(to: reportURL)
    for change in difference.changes where !change.isDirectory {
      FileHandle.standardError.write(
        Data("phasesplit: source \(change.kind.rawValue): \(change.path)\n".utf8))
    }
    if case .clean(let reason) = mode {
      FileHandle.standardError.write(Data("phasesplit: building from the new source: \(reason)\n".utf8))
      print("clean")
    } else {
      print("incremental")
    }
  }
}
