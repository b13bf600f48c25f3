import Foundation
import NixInterface

/// Garbage-collector roots for the store paths wrap files name (the in-build phasesplit and the
/// Nix library), so that a written wrap file still evaluates after `nix-collect-garbage`: one
/// symlink per kind in `STATE/tool-roots/` (`phasesplit`, `nix-lib`), moved to the paths in use
/// each time phasesplit splits a package. Wrap files made by an older phasesplit name store paths
/// no longer rooted; regenerate them after a collection.
public struct ToolRoots: Sendable {
  /// The directory of the roots.
  public var directory: String

  /// Roots in `directory`.
  public init(directory: String) {
    self.directory = directory
  }

  /// The roots in the state directory (`STATE/tool-roots`).
  public init(stateDirectory: String) {
    self.init(directory: stateDirectory + "/tool-roots")
  }

  /// Points the root `name` at `reference`'s store path (nothing to do when it already does).
  ///
  /// - Throws: ``SplitError/cannotRegisterRoot(link:detail:)``.
  public func keep(_ reference: StoreReference, as name: String, runner: NixRunner) async throws(SplitError) {
    let link = directory + "/" + name
    if (try? FileManager.default.destinationOfSymbolicLink(atPath: link)) == reference.storePath { return }
    do {
      try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
      try await runner.addRoot(reference.storePath, link: link)
    } catch {
      throw .cannotRegisterRoot(link: link, detail: "\(error)")
    }
  }
}
