import ArgumentParser
import Derivations
import NixInterface

/// `phasesplit show-drv`: prints a derivation's outputs, inputs, builder, arguments and
/// environment, as text or as `nix show-derivation` JSON.
public struct ShowDerivationCommand: AsyncParsableCommand {
  public static let configuration = CommandConfiguration(
    commandName: "show-drv",
    abstract: "Show a derivation: outputs, inputs, builder, arguments and environment.",
    discussion: """
      With --json, prints the same JSON as `nix show-derivation`: an object keyed by .drv path.
      """
  )

  @OptionGroup public var installable: InstallableOptions

  @Flag(help: "Print JSON in the format of `nix show-derivation`.")
  public var json = false

  public init() {}

  public func run() async throws {
    let derivations = try await InstallableResolver(runner: installable.nix.runner).resolveDerivations(
      try installable.spec())
    if json {
      let document = JSONValue.object(
        derivations.map { JSONValue.Member(key: $0.path, value: $0.derivation.jsonValue) })
      print(document.serialized(indentation: 2))
    } else {
      print(
        derivations.map { DerivationDescription(path: $0.path, derivation: $0.derivation).text }.joined(
          separator: "\n"))
    }
  }
}
