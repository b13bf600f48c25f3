import Derivations
import Foundation
import NixInterface

/// A file or directory named in generated Nix by its store path: `builtins.storePath` of the
/// store path (so the string carries it as context), followed by the path inside it.
///
/// A wrap file names the Nix library and the in-build phasesplit this way, never by a path into
/// the checkout, so it evaluates wherever it is copied while the store paths stay valid.
public struct StoreReference: Sendable, Equatable {
  /// The store path, e.g. `/nix/store/…-phasesplit`.
  public var storePath: String
  /// The path inside the store path (`""` for the store path itself, else starting with `/`).
  public var subpath: String

  /// Creates a reference.
  public init(storePath: String, subpath: String = "") {
    self.storePath = storePath
    self.subpath = subpath
  }

  /// The full path.
  public var path: String { storePath + subpath }

  /// The Nix expression: `builtins.storePath "…"`, in a string when there is a subpath.
  public var nixSource: String {
    let storePathCall = "builtins.storePath \(NixSyntax.stringLiteral(storePath))"
    guard !subpath.isEmpty else { return "(\(storePathCall))" }
    let quotedSubpath = NixSyntax.stringLiteral(subpath)
    return "\"${\(storePathCall)}\(quotedSubpath.dropFirst().dropLast())\""
  }

  /// A reference for `path`: inside the store, split into its store path and the rest; outside,
  /// added to the store with `nix-store --add` (a file or directory, named by its base name).
  public static func adding(
    _ path: String, runner: NixRunner, storeDirectory: String = StorePath.defaultStoreDirectory
  ) async throws(NixCommandError) -> StoreReference {
    let absolute = URL(fileURLWithPath: path).standardizedFileURL.path
    if let inStore = inStore(absolute, storeDirectory: storeDirectory) { return inStore }
    return StoreReference(storePath: try await runner.addToStore(path: absolute))
  }

  /// `path` split at its store path, or nil when it is not inside `storeDirectory`.
  static func inStore(_ path: String, storeDirectory: String) -> StoreReference? {
    let prefix = storeDirectory + "/"
    guard path.hasPrefix(prefix) else { return nil }
    let rest = path.dropFirst(prefix.count)
    guard let name = rest.split(separator: "/").first, !name.isEmpty else { return nil }
    return StoreReference(storePath: prefix + name, subpath: String(rest.dropFirst(name.count)))
  }
}
