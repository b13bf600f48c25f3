import ArgumentParser
import BuildArchive
import Foundation

/// `phasesplit scan-stand-ins --store-path STANDIN=OUTPUT…`: the final segment's guard against
/// stand-in paths that relocation could not rewrite.
struct ScanStandInsCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "scan-stand-ins",
    abstract: "Fail when relocated outputs still name a stand-in path.",
    discussion: """
      Looks for the 32-character hash part of every STANDIN in every OUTPUT tree: in file bytes and \
      symlink targets, as plain bytes and UTF-16 text, and inside gzip, bzip2, xz and zstd streams and \
      zip/jar (and tar, cpio, ar) archives, nested up to 3 deep; a container that no longer reads \
      while its bytes name an OUTPUT counts too (relocation broke its checksum). Any remnant fails with \
      the file and form; with --allow-remnants they are listed and let through. Missing OUTPUTs are \
      skipped. \
      The store directory is $NIX_STORE_DIR, or /nix/store.
      """
  )

  @Option(
    name: .customLong("store-path"),
    help: "STANDIN=OUTPUT: an output relocated from its stand-in, to scan (repeatable).")
  var storePaths: [String] = []

  @Flag(help: "List remnants and succeed (the package's author accepts them: allowStandInRemnants).")
  var allowRemnants = false

  func run() throws {
    let storeDirectory = ProcessInfo.processInfo.environment["NIX_STORE_DIR"] ?? "/nix/store"
    let started = Date()
    let moves = try storePaths.map { try StorePathMove(pair: $0, storeDirectory: storeDirectory) }
    let report = try StandInScanner(moves: moves, storeDirectory: storeDirectory).scan()
    let seconds = Date().timeIntervalSince(started)
    for note in report.notes { print("phasesplit: stand-in scan: \(note)") }
    print(
      "phasesplit: scanned \(report.files) files (\(report.bytes) bytes, \(report.containers) compressed "
        + "streams or archives) for stand-in remnants in \(String(format: "%.3f", seconds)) s: "
        + "\(report.remnants.count) found")
    guard !report.remnants.isEmpty else { return }
    guard allowRemnants else { throw StandInRemnantError(remnants: report.remnants) }
    print(
      "phasesplit: allowStandInRemnants is set: letting through \(report.remnants.count) stand-in remnant(s):"
    )
    for remnant in report.remnants { print("phasesplit:   \(remnant)") }
  }
}
