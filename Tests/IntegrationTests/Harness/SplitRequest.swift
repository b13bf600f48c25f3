import NixEmission

/// Which fixture to build and which edits and split options to apply: the arguments of the
/// harness expression (`fixtures/default.nix`'s edit arguments and `splitPhases`' options).
struct SplitRequest: Sendable {
  /// The attribute of `fixtures/default.nix` to build (`hello`, `plainMake`, …).
  var fixture: String
  /// Shell text appended to the package's `postInstall`.
  var postInstallExtra: String = ""
  /// Flags appended to the package's configure flags.
  var configureFlagsExtra: [String] = []
  /// `splitPhases`' boundaries; nil keeps the library's default.
  var boundaries: [String]? = nil
  /// Attributes to override on the fixture (Nix attrset text, `overrideAttrs`); nil for none.
  var attributeOverrides: String? = nil
  /// `splitPhases`' lateAttributes (attribute → first segment); nil keeps the library's default.
  var lateAttributes: [(name: String, segment: String)]? = nil
  /// `splitPhases`' `allowStandInRemnants`.
  var allowStandInRemnants = false
  /// Attributes to override on the fixture for `base`, the build `incremental` starts from.
  var baseOverrides: String? = nil

  /// The `nix-instantiate`/`nix-build` arguments that pass this request to the expression.
  var nixArguments: [String] {
    var arguments = ["--argstr", "fixture", fixture, "--argstr", "postInstallExtra", postInstallExtra]
    arguments += [
      "--arg", "configureFlagsExtra", NixValue.list(configureFlagsExtra.map { .string($0) }).rendered(),
    ]
    if let boundaries {
      arguments += ["--arg", "boundaries", NixValue.list(boundaries.map { .string($0) }).rendered()]
    }
    if let attributeOverrides {
      arguments += ["--arg", "overrides", attributeOverrides]
    }
    if let baseOverrides {
      arguments += ["--arg", "baseOverrides", baseOverrides]
    }
    if let lateAttributes {
      arguments += [
        "--arg", "lateAttributes",
        NixValue.attributes(lateAttributes.map { ($0.name, .string($0.segment)) }).rendered(),
      ]
    }
    if allowStandInRemnants {
      arguments += ["--arg", "allowStandInRemnants", "true"]
    }
    return arguments
  }
}
