import Derivations
import NixInterface

/// The phasesplit executable that segment builds run, as a store reference: the running
/// executable when it is self-contained (statically linked, or loaded by an interpreter in the
/// store, as a Nix-built phasesplit is), added to the store when it is not there yet.
public enum InBuildTool {
  /// The store reference for `executable`; `cache` remembers the store path of an executable
  /// added before and still unchanged.
  ///
  /// - Throws: ``SplitError/toolNotSelfContained(path:interpreter:)`` for an executable that
  ///   needs the host's loader and libraries, or the error of adding it to the store.
  public static func reference(
    for executable: String, runner: NixRunner, cache: AddedFileCache? = nil,
    storeDirectory: String = StorePath.defaultStoreDirectory
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
    if let cached = cache?.storePath(for: executable) { return StoreReference(storePath: cached) }
    let reference = try await StoreReference.adding(
      executable, runner: runner, storeDirectory: storeDirectory)
    if reference.subpath.isEmpty, !executable.hasPrefix(storeDirectory + "/") {
      cache?.record(executable, storePath: reference.storePath)
    }
    return reference
  }
}
