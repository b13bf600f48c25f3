import ArgumentParser
import BuildArchive
import Foundation

/// `phasesplit relocate --store-path FROM=TO… [--in DIR]…`: move stand-in outputs to real paths.
struct RelocateCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "relocate",
    abstract: "Move store paths to equal-length store paths, rewriting references to them.",
    discussion: """
      Moves each existing FROM to TO and rewrites every FROM hash part to TO's hash in file contents \
      and symlink targets of the moved trees and of each --in tree. Modes, mtimes and hard links are \
      kept. The store directory is $NIX_STORE_DIR, or /nix/store.
      """
  )

  @Option(name: .customLong("store-path"), help: "A move FROM=TO between store paths of equal length.")
  var storePaths: [String] = []

  @Option(name: .customLong("in"), help: "Another directory whose files and symlinks to rewrite.")
  var trees: [String] = []

  func run() throws {
    let storeDirectory = ProcessInfo.processInfo.environment["NIX_STORE_DIR"] ?? "/nix/store"
    let moves = try storePaths.map { try StorePathMove(pair: $0, storeDirectory: storeDirectory) }
    let summary = try StorePathRelocator(moves: moves).relocate(rewritingAlso: trees.map(RawPath.init))
    if summary.recomputedBuildIDs > 0 {
      print(
        "phasesplit relocate: recomputed the GNU build ID of \(summary.recomputedBuildIDs) relocated ELF file(s)"
      )
    }
    for file in summary.keptBuildIDs {
      FileHandle.standardError.write(
        Data(
          ("phasesplit relocate: warning: \(file): its build ID is no content hash phasesplit can recompute "
            + "(--build-id=uuid, a fixed 0x value, or an lld style); kept as linked over the stand-in paths, "
            + "so this file can differ from an unsplit build's — link with --build-id=sha1 (GNU ld or gold) "
            + "or build this package unsplit\n").utf8))
    }
  }
}
