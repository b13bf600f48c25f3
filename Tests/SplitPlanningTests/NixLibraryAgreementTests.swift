import Derivations
import SplitPlanning
import Testing

/// The Swift planner must plan exactly what the Nix library plans: the same phases (with
/// anchors and skips), the same segments, and — given the Swift placement overrides — the same
/// attributes in every segment.
@Suite struct NixLibraryAgreementTests {
  static let fixtures = [
    "hello", "plainMake", "cmakeProject", "cmakeNinjaProject", "mesonProject", "customPhases", "multiOutput",
    "structuredAttrs", "failingInstall", "gawk",
  ]

  @Test(arguments: fixtures, [["unpack", "configure", "build", "check"], ["build"], ["unpack", "check"]])
  func swiftPlanEqualsTheNixLibrarysPlan(fixture: String, boundaryNames: [String]) async throws {
    let derivation = try await FixtureDerivations.fixture(fixture)
    let analysis = try SplitAnalysis(
      attributes: DerivationAttributes(derivation), boundaries: try Boundary.parse(boundaryNames),
      table: try FixtureDerivations.table())
    let library = try await FixtureDerivations.libraryPlan(
      package: "pkgs.\(fixture)", boundaries: boundaryNames, placement: analysis.placement.overrides)

    let libraryPhases = try #require(library["phases"]?.arrayValue).map { entry in
      "\(entry["phase"]?.stringValue ?? "?") anchor=\(entry["anchor"]?.stringValue ?? "?") "
        + "skipped=\(entry["skipped"] == .bool(true))"
    }
    let swiftPhases = analysis.phasePlan.phases.map { phase in
      "\(phase.name) anchor=\(phase.anchor.rawValue) skipped=\(!phase.runs)"
    }
    #expect(swiftPhases == libraryPhases)

    let librarySegments = try #require(library["segments"]?.arrayValue).map { segment in
      let phases = segment["phases"]?.arrayValue?.compactMap(\.stringValue) ?? []
      return "\(segment["name"]?.stringValue ?? "?") final=\(segment["final"] == .bool(true)): "
        + phases.joined(separator: " ")
    }
    let swiftSegments = analysis.segmentPlan.segments.map { segment in
      "\(segment.name) final=\(segment.isFinal): " + segment.phases.map(\.name).joined(separator: " ")
    }
    #expect(swiftSegments == librarySegments)

    for segment in analysis.segmentPlan.segmentNames {
      let carried = Set(library["carried"]?[segment]?.arrayValue?.compactMap(\.stringValue) ?? [])
      let swiftCarried = Set(analysis.placement.attributesBySegment[segment] ?? [])
      #expect(
        swiftCarried == carried,
        "segment \(segment): Swift-only \(swiftCarried.subtracting(carried).sorted()), Nix-only \(carried.subtracting(swiftCarried).sorted())"
      )
    }
  }

  @Test func explicitPhasesAndSkipFlagsAgree() async throws {
    let attributes = """
      { name = "explicit-skips-1.0"; src = \(FixtureDerivations.fixturesPath)/src/plain-make;
        phases = "firstPhase unpackPhase configurePhase buildPhase checkPhase lastPhase installPhase";
        firstPhase = "true"; lastPhase = "echo $unknownSetting"; unknownSetting = "x";
        dontConfigure = true; doCheck = [ "" "yes" ]; }
      """
    let derivation = try await FixtureDerivations.stdenvDerivation(attributes)
    let analysis = try SplitAnalysis(
      attributes: DerivationAttributes(derivation), table: try FixtureDerivations.table())
    let library = try await FixtureDerivations.libraryPlan(
      package: "pkgs.stdenv.mkDerivation (\(attributes))",
      boundaries: ["unpack", "configure", "build", "check"],
      placement: analysis.placement.overrides)
    let librarySegments = library["segments"]?.arrayValue?.compactMap { $0["name"]?.stringValue }
    #expect(analysis.segmentPlan.segmentNames == librarySegments)
    #expect(analysis.segmentPlan.segmentNames == ["unpack", "build", "check", "install"])
    for segment in analysis.segmentPlan.segmentNames {
      let carried = Set(library["carried"]?[segment]?.arrayValue?.compactMap(\.stringValue) ?? [])
      #expect(Set(analysis.placement.attributesBySegment[segment] ?? []) == carried)
    }
    #expect(
      analysis.placement.overrides.first { $0.attribute == "unknownSetting" }?.segments == [
        "check", "install",
      ])
  }
}
