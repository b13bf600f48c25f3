import Basics
import Derivations

/// Turns an ``InstallableSpec`` into `.drv` paths, asking Nix where needed.
public struct InstallableResolver: Sendable {
  /// Runs the Nix commands.
  public var runner: NixRunner
  /// The Nix store directory.
  public var storeDirectory: String

  /// Creates a resolver.
  public init(runner: NixRunner = NixRunner(), storeDirectory: String = StorePath.defaultStoreDirectory) {
    self.runner = runner
    self.storeDirectory = storeDirectory
  }

  /// The `.drv` paths `spec` names, in order.
  ///
  /// - Throws: ``InstallableError`` saying what was wrong and what to give instead.
  public func resolve(_ spec: InstallableSpec) async throws(InstallableError) -> [String] {
    switch spec {
    case .path(let path):
      return [try await resolve(path: path)]
    case .file(let file, let attribute, let arguments):
      guard access(file, F_OK) == 0 else { throw .pathNotFound(file) }
      let paths: [String]
      do {
        paths = try await runner.instantiate(file: file, attribute: attribute, arguments: arguments)
      } catch {
        throw .evaluationFailed(file: file, attribute: attribute, error)
      }
      guard !paths.isEmpty else { throw .noDerivations(file: file, attribute: attribute) }
      return paths
    case .flake(let flake):
      return [try await resolve(flake: flake).derivationPath]
    case .expression(let text, let attribute, let arguments, let impure):
      let paths: [String]
      do {
        paths = try await runner.instantiate(
          expression: text, attribute: attribute, arguments: arguments, pure: !impure)
      } catch {
        throw .expressionFailed(attribute: attribute, impure: impure, error)
      }
      guard !paths.isEmpty else { throw .noDerivations(file: "the expression", attribute: attribute) }
      return paths
    }
  }

  /// Resolves `spec` and reads each derivation. A path ending in `.drv` is read as it is,
  /// without asking the store (so a `.drv` file outside the store can be read too).
  ///
  /// - Throws: ``InstallableError``, or the errors of ``Derivation/read(path:)``.
  public func resolveDerivations(_ spec: InstallableSpec) async throws -> [(
    path: String, derivation: Derivation
  )] {
    if case .path(let path) = spec, path.hasSuffix(".drv") {
      return [(path, try Derivation.read(path: path))]
    }
    return try await resolve(spec).map { path in (path, try Derivation.read(path: path)) }
  }

  private func resolve(path: String) async throws(InstallableError) -> String {
    var status = stat()
    guard lstat(path, &status) == 0 else { throw .pathNotFound(path) }
    let storePath = try self.storePath(for: path)
    if storePath.isDerivation { return storePath.path }
    let deriver: String?
    do {
      deriver = try await runner.queryDeriver(of: storePath.path)
    } catch {
      throw .queryFailed(path: storePath.path, error)
    }
    guard let deriver else { throw .unknownDeriver(outputPath: storePath.path) }
    guard access(deriver, F_OK) == 0 else {
      throw .derivationMissing(derivationPath: deriver, outputPath: storePath.path)
    }
    return deriver
  }

  /// The store path `path` is in; a path outside the store is followed through symlinks first
  /// (so `./result` works), a path inside it is taken as written.
  private func storePath(for path: String) throws(InstallableError) -> StorePath {
    if let storePath = try? StorePath(containing: path, storeDirectory: storeDirectory) {
      return storePath
    }
    guard let resolved = realpath(path, nil) else { throw .pathNotFound(path) }
    defer { free(resolved) }
    let target = String(cString: resolved)
    guard let storePath = try? StorePath(containing: target, storeDirectory: storeDirectory) else {
      throw .notInStore(path, storeDirectory: storeDirectory)
    }
    return storePath
  }
}
