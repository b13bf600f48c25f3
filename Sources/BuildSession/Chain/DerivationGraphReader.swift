import Derivations
import NixInterface

/// Reads a derivation's closure: every `.drv` it depends on (`nix-store --query --requisites`),
/// each parsed with ``Derivations/Derivation``.
public struct DerivationGraphReader: Sendable {
  /// The runner for Nix commands.
  public var runner: NixRunner

  /// Creates a reader that runs Nix with `runner`.
  public init(runner: NixRunner) {
    self.runner = runner
  }

  /// Reads `path` and every derivation in its closure; keyed by `.drv` path.
  public func read(_ path: String) async throws(BuildSessionError) -> [String: Derivation] {
    let closure: [String]
    do {
      closure = try await runner.queryRequisites(of: [path])
    } catch {
      throw .nix(error)
    }
    var derivations: [String: Derivation] = [:]
    for member in closure where member.hasSuffix(".drv") {
      do {
        derivations[member] = try Derivation.read(path: member)
      } catch {
        throw .unreadableDerivation(path: member, detail: "\(error)")
      }
    }
    return derivations
  }
}
