import SplitPlanning
import Testing

@Suite struct SegmentPlanTests {
  private func layout(_ plan: SegmentPlan) -> [String] {
    plan.segments.map { "\($0.name): " + $0.phases.map(\.name).joined(separator: " ") }
  }

  @Test func defaultBoundariesDropTheSkippedCheckSegment() throws {
    let phases = try PhasePlan(attributes: HandWrittenAttributes.stdenv([]))
    let plan = try SegmentPlan(phasePlan: phases)
    #expect(
      layout(plan) == [
        "unpack: unpackPhase patchPhase", "configure: configurePhase", "build: buildPhase",
        "install: installPhase fixupPhase installCheckPhase distPhase",
      ])
    #expect(plan.finalSegment.isFinal && plan.earlierSegments.allSatisfy { !$0.isFinal })
    #expect(plan.segments[1].derivationName(packageName: "demo-1.0") == "demo-1.0-seg-configure")
    #expect(plan.finalSegment.derivationName(packageName: "demo-1.0") == "demo-1.0")
  }

  @Test func customPhasesJoinTheSegmentOfTheStandardPhaseBeforeThem() throws {
    let phases = try PhasePlan(
      attributes: HandWrittenAttributes.stdenv([
        ("prePhases", .string("firstPhase")), ("preConfigurePhases", .string("genPhase")),
        ("preBuildPhases", .string("prepPhase")), ("preInstallPhases", .string("stagePhase")),
        ("postPhases", .string("lastPhase")), ("doCheck", .string("1")),
      ]))
    #expect(
      layout(try SegmentPlan(phasePlan: phases)) == [
        "unpack: firstPhase unpackPhase patchPhase", "configure: genPhase configurePhase",
        "build: prepPhase buildPhase", "check: checkPhase",
        "install: stagePhase installPhase fixupPhase installCheckPhase distPhase lastPhase",
      ])
  }

  @Test func fewerBoundariesMakeLongerSegments() throws {
    let phases = try PhasePlan(attributes: HandWrittenAttributes.stdenv([("doCheck", .string("1"))]))
    let plan = try SegmentPlan(
      phasePlan: phases, boundaries: try Boundary.parse(["build", "unpack", "build"]))
    #expect(plan.boundaries == [.unpack, .build])
    #expect(
      layout(plan) == [
        "unpack: unpackPhase patchPhase", "build: configurePhase buildPhase",
        "install: checkPhase installPhase fixupPhase installCheckPhase distPhase",
      ])
  }

  @Test func explicitPhasesCutByTheStandardPhaseBeforeEachCustomPhase() throws {
    let phases = try PhasePlan(
      attributes: HandWrittenAttributes.stdenv([
        ("phases", .string("setupPhase unpackPhase buildPhase extraPhase installPhase"))
      ]))
    #expect(
      layout(try SegmentPlan(phasePlan: phases)) == [
        "unpack: setupPhase unpackPhase", "build: buildPhase extraPhase", "install: installPhase",
      ])
    #expect(
      phases.phases.map(\.anchor) == [.unpackPhase, .unpackPhase, .buildPhase, .buildPhase, .installPhase])
  }

  @Test func explicitPhasesOutOfSegmentOrderAreRefused() throws {
    let phases = try PhasePlan(
      attributes: HandWrittenAttributes.stdenv([("phases", .string("unpackPhase buildPhase configurePhase"))])
    )
    #expect(
      throws: PlanningError.notSplittable(.phasesOutOfOrder(phase: "configurePhase", segment: "configure"))
    ) {
      try SegmentPlan(phasePlan: phases)
    }
    #expect(try SegmentPlan(phasePlan: phases, boundaries: [.unpack]).segmentNames == ["unpack", "install"])
  }

  @Test func segmentsWithOnlySkippedPhasesAreDropped() throws {
    let phases = try PhasePlan(
      attributes: HandWrittenAttributes.stdenv([
        ("dontUnpack", .string("1")), ("dontPatch", .string("1")), ("dontConfigure", .string("1")),
      ]))
    #expect(try SegmentPlan(phasePlan: phases).segmentNames == ["build", "install"])
  }

  @Test(arguments: ["install", "fixup", "patch", "", "Build"])
  func boundariesOutsideTheValidSetAreRefused(name: String) {
    #expect(throws: PlanningError.unknownBoundary(name)) { try Boundary.parse(["unpack", name]) }
    let message = PlanningError.unknownBoundary(name).description
    #expect(message.contains("unpack configure build check"))
  }
}
