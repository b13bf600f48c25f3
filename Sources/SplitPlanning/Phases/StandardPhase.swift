/// The phases stdenv's `genericBuild` knows by name, with their static skip flags and hooks.
public enum StandardPhase: String, CaseIterable, Sendable, Codable {
  case unpackPhase, patchPhase, configurePhase, buildPhase, checkPhase
  case installPhase, fixupPhase, installCheckPhase, distPhase

  /// The attribute whose truthiness decides whether the phase runs (stdenv's `runPhase`).
  public var skipFlag: String {
    switch self {
    case .unpackPhase: "dontUnpack"
    case .patchPhase: "dontPatch"
    case .configurePhase: "dontConfigure"
    case .buildPhase: "dontBuild"
    case .checkPhase: "doCheck"
    case .installPhase: "dontInstall"
    case .fixupPhase: "dontFixup"
    case .installCheckPhase: "doInstallCheck"
    case .distPhase: "doDist"
    }
  }

  /// Whether the phase runs only when ``skipFlag`` is set (`doCheck`, `doInstallCheck`,
  /// `doDist`) rather than being skipped when it is set (`dont…`).
  public var runsOnlyWhenFlagSet: Bool {
    switch self {
    case .checkPhase, .installCheckPhase, .distPhase: true
    default: false
    }
  }

  /// The hook attributes run at the start and end of the phase (`preBuild`, `postBuild`, …).
  public var hooks: [String] {
    let stem = String(rawValue.dropLast("Phase".count))
    let capitalized = stem.prefix(1).uppercased() + stem.dropFirst()
    return ["pre\(capitalized)", "post\(capitalized)"]
  }
}

extension StandardPhase {
  /// The phase's position in stdenv's default order (`unpackPhase` 0 … `distPhase` 8).
  public var rank: Int { Self.allCases.firstIndex(of: self) ?? 0 }
}
