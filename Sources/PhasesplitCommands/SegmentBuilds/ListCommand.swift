import ArgumentParser
import Basics
import BuildArchive
import Foundation

/// `phasesplit list FILE [--json]`: show an archive's entries.
struct ListCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "list",
    abstract: "List the entries of an archive made by 'phasesplit pack'.",
    discussion: """
      Text output: one line per entry, 'TYPE MODE SIZE PATH [-> TARGET]'. JSON output: an array of \
      {path, type, mode, size, linkTarget}; bytes of paths that are not valid UTF-8 appear as \\xNN.
      """
  )

  @Argument(help: "The archive to read.")
  var archive: String

  @Flag(help: "Print the entries as a JSON array.")
  var json = false

  func run() throws {
    if json {
      let entries = try ArchiveLister.entries(of: RawPath(archive))
      print(try JSONOutput.text(entries))
      return
    }
    try ArchiveLister.forEachEntry(in: RawPath(archive)) { entry in
      let octal = String(entry.mode, radix: 8)
      let mode = String(repeating: "0", count: max(0, 4 - octal.count)) + octal
      let target = entry.linkTarget.map { " -> \($0)" } ?? ""
      print("\(entry.type.rawValue) \(mode) \(entry.size) \(entry.path)\(target)")
    }
  }
}
