import ArgumentParser
import NixEmission
import NixInterface

/// The package `build`, `explain` and `enter` work on: a split package's final `.drv` (or an
/// output of it, such as ./result), or any other installable (see ``InstallableOptions``), split
/// on the fly as ``SplitOptions`` say; optionally built incrementally `--from` an older version.
struct SplitPackageOptions: ParsableArguments {
  @OptionGroup var installable: InstallableOptions

  @OptionGroup var split: SplitOptions

  @OptionGroup var from: OlderVersionOptions<IncrementalBase>

  /// The package as an installable (see ``InstallableOptions/spec()``).
  func spec() throws -> InstallableSpec {
    try installable.spec()
  }

  /// The package as the library takes it.
  ///
  /// - Throws: `ValidationError` for contradicting or incomplete options.
  func request() throws -> SplitPackageRequest {
    let spec = try spec()
    return SplitPackageRequest(
      installable: spec, settings: try split.settings(),
      incrementalFrom: try from.olderVersion(of: spec, impure: installable.impure))
  }

  /// The options as command-line words, for the commands phasesplit suggests.
  var words: [String] {
    installable.words() + split.words + from.words
  }
}
