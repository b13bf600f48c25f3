import Derivations
import NixInterface
import PhasesplitTestSupport
import SplitPlanning
import Testing

/// The Swift planner and the Nix library accept the same builder argument shapes: nixpkgs'
/// older `-e default-builder.sh`, today's `-e source-stdenv.sh default-builder.sh`, and a
/// custom builder sourced by `source-stdenv.sh`; they refuse everything else.
@Suite(.tags(.nix), .requiresNix) struct StdenvBuilderAgreementTests {
  static let store = "/nix/store/00000000000000000000000000000000"
  static let shapes: [[String]] = [
    ["-e", "\(store)-default-builder.sh"],
    ["-e", "\(store)-source-stdenv.sh", "\(store)-default-builder.sh"],
    ["-e", "\(store)-source-stdenv.sh", "\(store)-builder.sh"],
    ["-e", "\(store)-builder.sh"],
    ["-e", "\(store)-default-builder.sh", "\(store)-source-stdenv.sh"],
    ["-e", "\(store)-source-stdenv.sh"],
    ["-c", "echo hi"],
    ["\(store)-source-stdenv.sh", "\(store)-default-builder.sh"],
    [],
  ]

  @Test func swiftAcceptsWhatTheNixLibraryAccepts() async throws {
    let lists = Self.shapes.map { shape in "[ " + shape.map { "\"\($0)\"" }.joined(separator: " ") + " ]" }
    let expression = """
      let lib = import \(FixtureDerivations.nixLibraryPath) { phasesplit = "/unused"; };
      in map lib.stdenvBuilder [ \(lists.joined(separator: " ")) ]
      """
    let library = try #require(
      try await FixtureDerivations.runner.evaluate(expression: expression).arrayValue)
    #expect(library.count == Self.shapes.count)
    for (shape, nix) in zip(Self.shapes, library) {
      let swift = StdenvBuilder(arguments: shape)
      let nixShape: StdenvBuilder? =
        if nix == .null {
          nil
        } else if nix["custom"] == .bool(true) {
          .customBuilder(script: nix["builder"]?.stringValue ?? "?")
        } else {
          .defaultBuilder
        }
      #expect(swift == nixShape, "\(shape)")
    }
    #expect(StdenvBuilder(arguments: Self.shapes[1]) == .defaultBuilder)
    #expect(StdenvBuilder(arguments: Self.shapes[2]) == .customBuilder(script: "\(Self.store)-builder.sh"))
  }

  @Test func todaysMkDerivationShapeIsPlannedByBoth() async throws {
    // The fixture stdenv gives today's three-element args, and a custom builder the same way.
    let attributes = """
      { name = "custom-builder-1.0"; src = \(FixtureDerivations.fixturesPath)/src/plain-make;
        builder = builtins.toFile "builder.sh" "echo before; genericBuild"; }
      """
    for package in ["pkgs.plainMake", "pkgs.stdenv.mkDerivation (\(attributes))"] {
      let derivation =
        package == "pkgs.plainMake"
        ? try await FixtureDerivations.fixture("plainMake")
        : try await FixtureDerivations.stdenvDerivation(attributes)
      #expect(derivation.arguments.count == 3 && derivation.arguments[1].hasSuffix("source-stdenv.sh"))
      let analysis = try SplitAnalysis(
        attributes: DerivationAttributes(derivation), table: try FixtureDerivations.table())
      let library = try await FixtureDerivations.libraryPlan(
        package: package, boundaries: ["unpack", "configure", "build", "check"])
      let librarySegments = library["segments"]?.arrayValue?.compactMap { $0["name"]?.stringValue }
      #expect(analysis.segmentPlan.segmentNames == librarySegments)
    }
  }
}
