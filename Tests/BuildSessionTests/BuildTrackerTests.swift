import Testing

@testable import BuildSession

@Suite struct BuildTrackerTests {
  typealias Chains = TestChains

  func statuses(_ tracker: BuildTracker) -> [String] { tracker.entries.map(\.status.word) }

  @Test func reusedAndQueuedFromTheDryRun() {
    let tracker = BuildTracker(
      chain: Chains.chain, toBuild: [Chains.build.derivationPath, Chains.install.derivationPath])
    #expect(statuses(tracker) == ["reused", "queued", "queued"])
  }

  @Test func successfulChainFollowsPhasesAndEndsBuilt() {
    var tracker = BuildTracker(
      chain: Chains.chain, toBuild: [Chains.build.derivationPath, Chains.install.derivationPath])
    let changed1 = tracker.apply(
      .start(activity: 1, type: 105, text: "", derivationPath: Chains.build.derivationPath), now: 10)
    #expect(changed1)
    #expect(tracker.entries[1].status == .building(phase: nil, startedAt: 10))
    let changed2 = tracker.apply(.setPhase(activity: 1, phase: "buildPhase"), now: 11)
    #expect(changed2)
    #expect(tracker.entries[1].phase == "buildPhase")
    let changed3 = tracker.apply(.buildLogLine(activity: 1, line: "cc -c a.c"), now: 12)
    #expect(!changed3)
    let changed4 = tracker.apply(.stop(activity: 1), now: 14)
    #expect(!changed4)
    #expect(tracker.entries[1].status.word == "building")
    tracker.apply(
      .start(activity: 2, type: 105, text: "", derivationPath: Chains.install.derivationPath), now: 15)
    #expect(tracker.entries[1].status == .built(seconds: 4))
    tracker.apply(.stop(activity: 2), now: 17)
    let changed5 = tracker.finish(now: 18)
    #expect(changed5)
    #expect(statuses(tracker) == ["reused", "built", "built"])
    #expect(tracker.entries[2].status == .built(seconds: 2))
    #expect(tracker.entries[1].logTail == ["cc -c a.c"])
    #expect(tracker.firstFailure == nil)
  }

  @Test func segmentBuiltByAnotherNixProcessIsReused() {
    // Another nix-build built `build` while this one waited for its lock: no activity was seen.
    var tracker = BuildTracker(
      chain: Chains.chain, toBuild: [Chains.build.derivationPath, Chains.install.derivationPath])
    tracker.apply(
      .start(activity: 3, type: 105, text: "", derivationPath: Chains.install.derivationPath), now: 1)
    tracker.apply(.stop(activity: 3), now: 2)
    tracker.finish(now: 3) { $0.name == "build" }
    #expect(statuses(tracker) == ["reused", "reused", "built"])
  }

  @Test func failureMessageMarksTheSegmentFailedInItsPhase() {
    var tracker = BuildTracker(chain: Chains.chain, toBuild: Set(Chains.chain.segments.map(\.derivationPath)))
    tracker.apply(
      .start(activity: 5, type: 105, text: "", derivationPath: Chains.unpack.derivationPath), now: 0)
    tracker.apply(.setPhase(activity: 5, phase: "patchPhase"), now: 1)
    tracker.apply(.stop(activity: 5), now: 3)
    let message = "error: builder for '\(Chains.unpack.derivationPath)' failed with exit code 2"
    let changed6 = tracker.apply(.message(level: 0, text: message), now: 3.5)
    #expect(changed6)
    tracker.finish(now: 4)
    #expect(tracker.entries[0].status == .failed(phase: "patchPhase", seconds: 3))
    #expect(statuses(tracker) == ["failed", "not built", "not built"])
    #expect(tracker.firstFailure?.segment.name == "unpack")
  }

  @Test func logTailKeepsTheLastLines() {
    var tracker = BuildTracker(chain: Chains.chain, toBuild: [Chains.install.derivationPath])
    tracker.apply(
      .start(activity: 3, type: 105, text: "", derivationPath: Chains.install.derivationPath), now: 0)
    for number in 1...(BuildTracker.logTailLength + 5) {
      tracker.apply(.buildLogLine(activity: 3, line: "line \(number)"), now: 0)
    }
    #expect(tracker.entries[2].logTail.count == BuildTracker.logTailLength)
    #expect(tracker.entries[2].logTail.first == "line 6")
    #expect(tracker.entries[2].logTail.last == "line \(BuildTracker.logTailLength + 5)")
  }

  @Test func otherDerivationsAreDependenciesWithTheirOwnStatus() {
    let tool = "/nix/store/" + String(repeating: "z", count: 32) + "-demo-tool.drv"
    var tracker = BuildTracker(chain: Chains.chain, toBuild: [tool, Chains.install.derivationPath])
    #expect(tracker.dependencies.map(\.name) == ["demo-tool"])
    #expect(tracker.dependencies[0].status == .queued)
    let started = tracker.apply(.start(activity: 4, type: 105, text: "", derivationPath: tool), now: 1)
    #expect(started)
    let phased = tracker.apply(.setPhase(activity: 4, phase: "buildPhase"), now: 2)
    #expect(phased)
    #expect(tracker.dependencies[0].status == .building(phase: "buildPhase", startedAt: 1))
    #expect(tracker.label(ofActivity: 4) == "demo-tool")
    tracker.apply(.stop(activity: 4), now: 3.5)
    tracker.apply(
      .start(activity: 5, type: 105, text: "", derivationPath: Chains.install.derivationPath), now: 4)
    #expect(tracker.dependencies[0].status == .built(seconds: 2.5))
    #expect(tracker.label(ofActivity: 5) == "demo-1 install")
    // phasesplit's own phase does not replace the package's phase.
    tracker.apply(.setPhase(activity: 5, phase: "installPhase"), now: 4)
    let relocating = tracker.apply(.setPhase(activity: 5, phase: "phasesplitRelocatePhase"), now: 4)
    #expect(!relocating)
    #expect(tracker.entries[2].phase == "installPhase")
    // Substitutions show with their own words; a substitution's download is part of it.
    tracker.apply(
      .startTransfer(activity: 6, kind: .substitution, subject: "/nix/store/yyyy-lib-1", parent: 0), now: 5)
    let download = tracker.apply(
      .startTransfer(activity: 7, kind: .download, subject: "https://c/nar/y", parent: 6), now: 5)
    #expect(!download)
    #expect(tracker.dependencies.last?.word == "substituting")
    tracker.apply(.stop(activity: 6), now: 6)
    #expect(tracker.dependencies.last?.word == "substituted")
    #expect(tracker.dependencies.last?.status == .built(seconds: 1))
  }

  @Test func fixedOutputHashMismatchBlamesTheDependency() {
    let source = "/nix/store/" + String(repeating: "s", count: 32) + "-demo-src.tar.gz.drv"
    var tracker = BuildTracker(
      chain: Chains.chain, toBuild: Set(Chains.chain.segments.map(\.derivationPath) + [source]))
    tracker.apply(.start(activity: 8, type: 105, text: "", derivationPath: source), now: 0)
    // Nix 2.8 reports the mismatch before the activity stops.
    let message =
      "error: hash mismatch in fixed-output derivation '\(source)':\n  specified: sha256-A\n  got: sha256-B"
    let failed = tracker.apply(.message(level: 0, text: message), now: 1)
    #expect(failed)
    tracker.apply(.stop(activity: 8), now: 1)
    let dependents = "error: 1 dependencies of derivation '\(Chains.unpack.derivationPath)' failed to build"
    let blamed = tracker.apply(.message(level: 0, text: dependents), now: 1)
    #expect(!blamed)
    tracker.finish(now: 2)
    #expect(tracker.firstFailure == nil)
    #expect(tracker.firstFailedDependency?.name == "demo-src.tar.gz")
    #expect(tracker.failures.map(\.derivationPath) == [source])
    #expect(statuses(tracker) == ["not built", "not built", "not built"])
  }

  @Test func killedNixInterruptsTheRunningSegment() {
    var tracker = BuildTracker(chain: Chains.chain, toBuild: [Chains.install.derivationPath])
    tracker.apply(
      .start(activity: 9, type: 105, text: "", derivationPath: Chains.install.derivationPath), now: 0)
    tracker.apply(.setPhase(activity: 9, phase: "installPhase"), now: 1)
    tracker.finish(now: 5, interrupted: true)
    #expect(tracker.entries[2].status == .interrupted(phase: "installPhase", seconds: 5))
    #expect(tracker.firstFailure == nil)
  }

  @Test func failedDerivationIsReadFromNixMessages() {
    #expect(
      BuildTracker.failedDerivation(in: "error: builder for '/nix/store/x-a.drv' failed with exit code 1")
        == "/nix/store/x-a.drv")
    #expect(
      BuildTracker.failedDerivation(in: "hash mismatch in fixed-output derivation '/nix/store/x-s.drv':\n")
        == "/nix/store/x-s.drv")
    #expect(
      BuildTracker.failedDerivation(in: "error: 1 dependencies of derivation '/nix/store/y.drv' failed")
        == nil)
  }
}
