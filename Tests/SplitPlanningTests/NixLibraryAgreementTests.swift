import Derivations
import PhasesplitTestSupport
import SplitPlanning
import Testing

/// The Swift planner must plan exactly what the Nix library plans: the same phases (with
/// anchors and skips), the same segments, and the same attributes in every segment (with and
/// without late declarations).
@Suite(.tags(.nix), .requiresNix) struct NixLibraryAgreementTests {
  static let fixtures = [
    "hello", "plainMake", "cmakeProject", "cmakeNinjaProject", "mesonProject", "customPhases", "multiOutput",
    "structuredAttrs", "failingInstall", "gawk", "autotoolsMultiOutput",
  ]

  @Test(arguments: fixtures, [["unpack", "configure", "build", "check"], ["build"], ["unpack", "check"]])
  func swiftPlanEqualsTheNixLibrarysPlan(fixture: String, boundaryNames: [String]) async throws {
    let derivation = try await FixtureDerivations.fixture(fixture)
    let analysis = try SplitAnalysis(
      attributes: DerivationAttributes(derivation), boundaries: try Boundary.parse(boundaryNames),
      table: try FixtureDerivations.table())
    let library = try await FixtureDerivations.libraryPlan(
      package: "pkgs.\(fixture)", boundaries: boundaryNames)

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
      boundaries: ["unpack", "configure", "build", "check"])
    let librarySegments = library["segments"]?.arrayValue?.compactMap { $0["name"]?.stringValue }
    #expect(analysis.segmentPlan.segmentNames == librarySegments)
    #expect(analysis.segmentPlan.segmentNames == ["unpack", "build", "check", "install"])
    for segment in analysis.segmentPlan.segmentNames {
      let carried = Set(library["carried"]?[segment]?.arrayValue?.compactMap(\.stringValue) ?? [])
      #expect(Set(analysis.placement.attributesBySegment[segment] ?? []) == carried)
    }
    // unknownSetting is carried from the first segment: attributes are environment variables
    #expect(analysis.placement.firstSegment["unknownSetting"] == "unpack")
  }

  /// Scripts that name table attributes early, `passAsFile`, a script that may read anything,
  /// and late declarations: both planners carry the same attributes.
  @Test(arguments: [false, true])
  func scriptReferencesAndLateDeclarationsAgree(declareLate: Bool) async throws {
    let attributes = """
      { name = "references-1.0"; src = \(FixtureDerivations.fixturesPath)/src/plain-make;
        preConfigure = "echo $installFlags; cat $checkTargetPath"; checkTarget = "check";
        passAsFile = [ "checkTarget" ]; installFlags = "V=1"; preBuild = "eval \\"$buildExtra\\"";
        buildExtra = "true"; postPatch = "# mentions desktopItem only"; desktopItem = "x";
        installerScript = "y"; postInstall = "echo $installerScript $desktopItem"; doCheck = true;
        preHook = "distTarget=dist"; distTarget = "tarball"; }
      """
    let late = try LateAttributes.parse(
      declareLate ? ["installerScript", "desktopItem=check", "buildExtra=build"] : [])
    let derivation = try await FixtureDerivations.stdenvDerivation(attributes)
    let analysis = try SplitAnalysis(
      attributes: DerivationAttributes(derivation), table: try FixtureDerivations.table(),
      lateAttributes: late)
    let library = try await FixtureDerivations.libraryPlan(
      package: "pkgs.stdenv.mkDerivation (\(attributes))",
      boundaries: ["unpack", "configure", "build", "check"],
      lateAttributes: late)
    for segment in analysis.segmentPlan.segmentNames {
      let carried = Set(library["carried"]?[segment]?.arrayValue?.compactMap(\.stringValue) ?? [])
      let swiftCarried = Set(analysis.placement.attributesBySegment[segment] ?? [])
      #expect(
        swiftCarried == carried,
        "segment \(segment): Swift-only \(swiftCarried.subtracting(carried).sorted()), Nix-only \(carried.subtracting(swiftCarried).sorted())"
      )
    }
    let first = analysis.placement.firstSegment
    #expect(first["installFlags"] == "configure")
    #expect(first["checkTarget"] == "configure")
    #expect(first["distTarget"] == "unpack")
    #expect(first["postInstall"] == "build")  // preBuild's eval may read anything
    #expect(first["installerScript"] == (declareLate ? "build" : "unpack"))
    #expect(first["desktopItem"] == "unpack")  // postPatch names it, declared or not
    #expect(first["buildExtra"] == (declareLate ? "build" : "unpack"))
  }

  @Test func badLateDeclarationsAreRefusedByBothPlanners() async throws {
    let attributes = """
      { name = "late-1.0"; src = \(FixtureDerivations.fixturesPath)/src/plain-make; desktopItem = "x"; }
      """
    let derivation = try await FixtureDerivations.stdenvDerivation(attributes)
    for words in [["nosuch"], ["installFlags"], ["desktopItem=fixup"], ["configureFlags"]] {
      let late = try LateAttributes.parse(words)
      #expect(throws: PlanningError.self) {
        try SplitAnalysis(
          attributes: DerivationAttributes(derivation), table: try FixtureDerivations.table(),
          lateAttributes: late)
      }
      await #expect(throws: (any Error).self) {
        try await FixtureDerivations.libraryPlan(
          package: "pkgs.stdenv.mkDerivation (\(attributes) // { installFlags = \"\"; })",
          boundaries: ["build"], lateAttributes: late)
      }
    }
  }
}
