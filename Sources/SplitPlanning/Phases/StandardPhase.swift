/// The phases stdenv's `genericBuild` knows by name. Their order, static skip flags and hooks
/// are facts of the contract file (``SegmentContract``).
public enum StandardPhase: String, CaseIterable, Sendable, Codable {
  case unpackPhase, patchPhase, configurePhase, buildPhase, checkPhase
  case installPhase, fixupPhase, installCheckPhase, distPhase

  /// The attribute whose truthiness decides whether the phase runs (stdenv's `runPhase`).
  public var skipFlag: String { SegmentContract.current.rule(for: self).flag }

  /// Whether the phase runs only when ``skipFlag`` is set (`doCheck`, `doInstallCheck`,
  /// `doDist`) rather than being skipped when it is set (`dont…`).
  public var runsOnlyWhenFlagSet: Bool { SegmentContract.current.rule(for: self).runsWhenFlagSet }

  /// The hook attributes run at the start and end of the phase (`preBuild`, `postBuild`, …).
  public var hooks: [String] { SegmentContract.current.rule(for: self).hooks }

  /// The phase's position in stdenv's default order (`unpackPhase` 0 … `distPhase` 8).
  public var rank: Int { SegmentContract.current.rank(of: self) }
}
