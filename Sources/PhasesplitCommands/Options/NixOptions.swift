import ArgumentParser
import NixInterface

/// The Nix options a command passes on: `--option NAME VALUE` as `nix-build` takes it. Without
/// any, Nix runs with the machine's configuration (`nix.conf`, `NIX_CONFIG`) unchanged.
struct NixOptions: ParsableArguments {
  @Option(
    name: .customLong("option"), parsing: .unconditionalSingleValue,
    help: ArgumentHelp(
      "Set the Nix option NAME to VALUE for every Nix command phasesplit runs (repeatable).",
      valueName: "NAME VALUE"))
  var optionWords: [String] = []

  /// Only the option's own words are checked here (a typo elsewhere cannot make them invalid).
  func validate() throws {
    if let word = optionWords.first(where: { TwoWordOptions.split($0) == nil }) {
      throw ValidationError("--option takes two words, NAME and VALUE (as in nix-build); got only `\(word)`")
    }
  }

  /// The NAME VALUE pairs (each value a word joined by ``TwoWordOptions``).
  private var pairs: [(name: String, value: String)] {
    optionWords.compactMap(TwoWordOptions.split)
  }

  /// The options as settings added to the caller's configuration.
  var settings: NixSettings {
    NixSettings(options: pairs.map { NixSettings.Option(name: $0.name, value: $0.value) })
  }

  /// A runner with these options.
  var runner: NixRunner { NixRunner(settings: settings) }

  /// The options as command-line words, for the commands phasesplit suggests.
  var words: [String] {
    pairs.flatMap { ["--option", $0.name, $0.value] }
  }
}
