import Testing

@testable import BuildSession

/// Which state `enter` opens, and what it says when there is none.
@Suite struct EnterPlanTests {
  let chain = TestChains.chain

  @Test func defaultIsBeforeTheFirstUnbuiltSegment() throws {
    let plan = try EnterPlan.choose(
      .beforeFirstUnbuilt, in: chain, unbuilt: [TestChains.install.derivationPath])
    #expect(plan.restored == TestChains.build)
    #expect(plan.next == TestChains.install)
  }

  @Test func nothingBuiltSaysToBuildFirst() {
    let unbuilt = Set(chain.segments.map(\.derivationPath))
    #expect(throws: BuildSessionError.nothingBuilt(packageName: "demo-1")) {
      try EnterPlan.choose(.beforeFirstUnbuilt, in: chain, unbuilt: unbuilt)
    }
    let text = BuildSessionError.nothingBuilt(packageName: "demo-1").description
    #expect(text.contains("no segment of demo-1 is built yet"))
    #expect(text.contains("phasesplit build"))
    #expect(!text.contains("first one"))
  }

  @Test func finalSegmentExplainsAndSuggestsItsFirstPhase() {
    #expect(
      throws: BuildSessionError.nothingAfterFinal(
        segment: "install", firstPhase: "installPhase", previous: "build")
    ) {
      try EnterPlan.choose(.afterSegment("install"), in: chain, unbuilt: [])
    }
    let text = BuildSessionError.nothingAfterFinal(
      segment: "install", firstPhase: "installPhase", previous: "build"
    )
    .description
    #expect(text.contains("`install` is the final segment"))
    #expect(text.contains("--phase installPhase"))
  }
}
