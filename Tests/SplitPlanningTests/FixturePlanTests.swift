import Derivations
import PhasesplitTestSupport
import SplitPlanning
import Testing

/// Phase and segment plans of real `.drv` files (fixtures instantiated by Nix) against plans
/// written by hand.
@Suite(.tags(.nix), .requiresNix) struct FixturePlanTests {
  private static let checkedMakeLayout = [
    "unpack: unpackPhase patchPhase", "configure: configurePhase", "build: buildPhase", "check: checkPhase",
    "install: installPhase fixupPhase installCheckPhase- distPhase-",
  ]

  /// `segment: phase phase-` (a trailing `-` marks a statically skipped phase).
  private func layout(_ derivation: Derivation, boundaries: [Boundary] = Boundary.defaults) throws -> [String]
  {
    let plan = try SegmentPlan(
      phasePlan: try PhasePlan(attributes: DerivationAttributes(derivation)), boundaries: boundaries)
    return plan.segments.map { segment in
      "\(segment.name): " + segment.phases.map { $0.name + ($0.runs ? "" : "-") }.joined(separator: " ")
    }
  }

  @Test(arguments: ["plainMake", "hello", "cmakeProject", "mesonProject"])
  func checkedBuildsHaveFiveSegments(fixture: String) async throws {
    #expect(try layout(try await FixtureDerivations.fixture(fixture)) == Self.checkedMakeLayout)
  }

  @Test func customPhasesJoinTheirAnchorsSegments() async throws {
    let derivation = try await FixtureDerivations.fixture("customPhases")
    #expect(
      try layout(derivation) == [
        "unpack: startNotesPhase unpackPhase patchPhase", "configure: writeConfigPhase configurePhase",
        "build: chooseTagPhase buildPhase",
        "install: checkStatePhase installPhase fixupPhase installCheckPhase- distPhase- recordNotesPhase",
      ])
    let phases = try PhasePlan(attributes: DerivationAttributes(derivation)).phases
    #expect(phases.filter { $0.standard == nil }.allSatisfy { $0.definedByAttribute })
  }

  @Test func multipleOutputsAreReadInDeclaredOrder() async throws {
    let derivation = try await FixtureDerivations.fixture("multiOutput")
    let analysis = try SplitAnalysis(
      attributes: DerivationAttributes(derivation), table: try FixtureDerivations.table())
    #expect(analysis.outputNames == ["out", "dev", "man"])
    #expect(try layout(derivation) == Self.checkedMakeLayout)
    let names = DerivationAttributes(derivation).attributeNames
    #expect(!names.contains("dev") && !names.contains("man") && names.contains("outputs"))
  }

  @Test func structuredAttributesAreReadFromJSON() async throws {
    let derivation = try await FixtureDerivations.fixture("structuredAttrs")
    let attributes = DerivationAttributes(derivation)
    #expect(attributes.isSet("doCheck"))
    #expect(attributes.words("makeFlags") == ["PREFIX=$(out)", "GREETING=Good", "day"])
    #expect(attributes.attributeNames.contains("greeterSettings"))
    #expect(attributes.associativeArrayAttributes == ["greeterSettings"])
    #expect(attributes.attributeNames.contains("__structuredAttrs"))
    #expect(try layout(derivation) == Self.checkedMakeLayout)
    let analysis = try SplitAnalysis(attributes: attributes, table: try FixtureDerivations.table())
    // an attribute outside the table is an environment variable of every segment
    for segment in analysis.segmentPlan.segmentNames {
      #expect(analysis.placement.attributesBySegment[segment]?.contains("greeterSettings") == true)
    }
  }

  @Test func skipFlagsFollowStdenvTruthiness() async throws {
    let derivation = try await FixtureDerivations.stdenvDerivation(
      """
      { name = "skips-1.0"; src = \(FixtureDerivations.fixturesPath)/src/plain-make; dontUnpack = true;
        dontPatch = "1"; dontConfigure = false; dontBuild = ""; doCheck = false; doInstallCheck = true;
        dontFixup = 1; }
      """)
    #expect(
      try layout(derivation) == [
        "configure: configurePhase", "build: buildPhase",
        "install: installPhase fixupPhase- installCheckPhase distPhase-",
      ])
  }

  @Test func explicitPhasesReplaceTheDefaultList() async throws {
    let derivation = try await FixtureDerivations.stdenvDerivation(
      """
      { name = "explicit-1.0"; src = \(FixtureDerivations.fixturesPath)/src/plain-make; dontBuild = true;
        phases = [ "prepareTreePhase" "unpackPhase" "buildPhase" "stampPhase" "installPhase" ];
        prepareTreePhase = "mkdir -p tree"; stampPhase = "date > stamp"; }
      """)
    #expect(
      try layout(derivation) == [
        "unpack: prepareTreePhase unpackPhase", "build: buildPhase- stampPhase", "install: installPhase",
      ])
    #expect(
      try layout(derivation, boundaries: [.configure]) == [
        "configure: prepareTreePhase unpackPhase", "install: buildPhase- stampPhase installPhase",
      ])
  }

  @Test func buildCommandIsRefused() async throws {
    let derivation = try await FixtureDerivations.fixture("buildCommandPkg")
    #expect(throws: PlanningError.notSplittable(.replacesPhases(attribute: "buildCommand"))) {
      try PhasePlan(attributes: DerivationAttributes(derivation))
    }
  }
}
