import ArgumentParser
import NixInterface

/// The Nix options a command passes on: `--option NAME VALUE` as `nix-build` takes it. Without
/// any, Nix runs with the machine's configuration (`nix.conf`, `NIX_CONFIG`) unchanged.
struct NixOptions: ParsableArguments {
  @Option(
    name: .customLong("option"), parsing: .upToNextOption,
    help: ArgumentHelp(
      "Set the Nix option NAME to VALUE for every Nix command phasesplit runs (repeatable).",
      valueName: "NAME VALUE"))
  var optionWords: [String] = []

  func validate() throws {
    if optionWords.count % 2 != 0 {
      throw ValidationError(
        "--option takes two values: NAME VALUE; got: \(optionWords.joined(separator: " "))")
    }
  }

  /// The options as settings added to the caller's configuration.
  var settings: NixSettings {
    NixSettings(
      options: stride(from: 0, to: optionWords.count - 1, by: 2).map {
        NixSettings.Option(name: optionWords[$0], value: optionWords[$0 + 1])
      })
  }

  /// A runner with these options.
  var runner: NixRunner { NixRunner(settings: settings) }

  /// The options as command-line words, for the commands phasesplit suggests.
  var words: [String] {
    stride(from: 0, to: optionWords.count - 1, by: 2).flatMap {
      ["--option", optionWords[$0], optionWords[$0 + 1]]
    }
  }
}
