import ArgumentParser
import NixEmission

/// How a command that splits a package splits it: the ``BoundaryOptions`` and
/// `--allow-stand-in-remnants` (`wrap`, and `build`, `enter`, `explain` splitting on the fly; an
/// already split package is used as it is).
struct SplitOptions: ParsableArguments {
  @OptionGroup var boundaries: BoundaryOptions

  @Flag(
    help: """
      Let the final segment succeed when outputs still name a stand-in path in a form relocation \
      cannot rewrite (the outputs then differ from the unsplit build; the log lists them).
      """)
  var allowStandInRemnants = false

  /// The options as the library's settings.
  func settings() throws -> SplitSettings {
    SplitSettings(
      boundaries: try boundaries.boundaries(), lateAttributes: try boundaries.lateAttributes(),
      allowStandInRemnants: allowStandInRemnants)
  }

  /// The options as command-line words, for the commands phasesplit suggests.
  var words: [String] {
    boundaries.words + (allowStandInRemnants ? ["--allow-stand-in-remnants"] : [])
  }
}
