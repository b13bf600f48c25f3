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
    _ = try StorePathRelocator(moves: moves).relocate(rewritingAlso: trees.map(RawPath.init))
  }
}
