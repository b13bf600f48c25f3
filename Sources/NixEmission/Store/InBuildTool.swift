import Derivations
import NixInterface

/// The phasesplit executable that segment builds run, as a store reference: the running
/// executable when it is self-contained (statically linked, or loaded by an interpreter in the
/// store, as a Nix-built phasesplit is), added to the store when it is not there yet.
public enum InBuildTool {
  /// The store reference for `executable`.
  ///
  /// - Throws: ``SplitError/toolNotSelfContained(path:interpreter:)`` for an executable that
  ///   needs the host's loader and libraries, or the error of adding it to the store.
  public static func reference(
    for executable: String, runner: NixRunner, storeDirectory: String = StorePath.defaultStoreDirectory
  ) async throws -> StoreReference {
    switch ExecutableLinkage.of(path: executable) {
    case .staticallyLinked:
      break
    case .dynamicallyLinked(let interpreter):
      guard interpreter.hasPrefix(storeDirectory + "/") else {
        throw SplitError.toolNotSelfContained(path: executable, interpreter: interpreter)
      }
    case .notELF:
      throw SplitError.toolNotSelfContained(path: executable, interpreter: nil)
    }
    return try await StoreReference.adding(executable, runner: runner, storeDirectory: storeDirectory)
  }
}
