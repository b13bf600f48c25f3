import SplitPlanning

/// Builds stdenv-shaped attribute sets for tests.
enum HandWrittenAttributes {
  /// The arguments stdenv.mkDerivation gives the builder.
  static let stdenvArguments = ["-e", "/nix/store/00000000000000000000000000000000-default-builder.sh"]

  /// A stdenv derivation with `name`, `stdenv`, `outputs` and the given extra attributes.
  static func stdenv(_ extra: [(String, AttributeSetValue)], outputs: [String] = ["out"]) -> AttributeSet {
    let base: [(name: String, value: AttributeSetValue)] = [
      ("name", .string("demo-1.0")),
      ("builder", .string("/bin/bash")),
      ("stdenv", .string("/nix/store/11111111111111111111111111111111-stdenv")),
      ("system", .string("x86_64-linux")),
      ("outputs", .string(outputs.joined(separator: " "))),
    ]
    return AttributeSet(base + extra.map { (name: $0.0, value: $0.1) }, builderArguments: stdenvArguments)
  }

  /// A small attribute table in the shape of nix-lib/attribute-phases.json.
  static let table = AttributePhaseTable(
    everywhere: [
      "name", "builder", "stdenv", "system", "outputs", "nativeBuildInputs", "buildInputs", "NIX_*",
    ],
    finalOnly: ["outputChecks", "allowedReferences"],
    phases: [
      "unpackPhase": ["src", "srcs", "sourceRoot", "preUnpack", "postUnpack", "unpackPhase", "dontUnpack"],
      "patchPhase": ["patches", "prePatch", "postPatch", "patchPhase", "dontPatch"],
      "configurePhase": [
        "configureFlags", "preConfigure", "postConfigure", "configurePhase", "dontConfigure",
      ],
      "buildPhase": ["makeFlags", "buildFlags", "preBuild", "postBuild", "buildPhase", "dontBuild"],
      "checkPhase": ["doCheck", "checkTarget", "preCheck", "postCheck", "checkPhase", "makeFlags"],
      "installPhase": [
        "installFlags", "preInstall", "postInstall", "installPhase", "dontInstall", "makeFlags",
      ],
      "fixupPhase": ["dontStrip", "preFixup", "postFixup", "fixupPhase", "dontFixup"],
    ]
  )
}
