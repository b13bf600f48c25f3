import SplitPlanning
import Testing

@Suite struct PhasePlanTests {
  private func summary(_ plan: PhasePlan) -> [String] {
    plan.phases.map { phase in
      phase.name + (phase.skipReason.map { " skipped: \($0.explanation)" } ?? "")
    }
  }

  @Test func defaultListSkipsCheckInstallCheckAndDistUnlessAskedFor() throws {
    let plan = try PhasePlan(attributes: HandWrittenAttributes.stdenv([]))
    #expect(!plan.isExplicit)
    #expect(
      summary(plan) == [
        "unpackPhase", "patchPhase", "configurePhase", "buildPhase", "checkPhase skipped: doCheck is not set",
        "installPhase", "fixupPhase", "installCheckPhase skipped: doInstallCheck is not set",
        "distPhase skipped: doDist is not set",
      ])
  }

  @Test func skipFlagsFollowStdenvTruthiness() throws {
    let plan = try PhasePlan(
      attributes: HandWrittenAttributes.stdenv([
        ("dontConfigure", .string("1")), ("dontBuild", .string("")), ("doCheck", .bool(true)),
        ("dontFixup", .bool(false)), ("doDist", .list(["yes"])), ("dontPatch", .list([""])),
      ]))
    #expect(
      summary(plan) == [
        "unpackPhase", "patchPhase", "configurePhase skipped: dontConfigure is set", "buildPhase",
        "checkPhase", "installPhase", "fixupPhase", "installCheckPhase skipped: doInstallCheck is not set",
        "distPhase",
      ])
  }

  @Test func customPhaseListsAreSplicedIntoTheDefaultList() throws {
    let plan = try PhasePlan(
      attributes: HandWrittenAttributes.stdenv([
        ("prePhases", .string("firstPhase")), ("preConfigurePhases", .string("genPhase  autoPhase")),
        ("preBuildPhases", .list(["prepPhase"])), ("preInstallPhases", .string("stagePhase")),
        ("preFixupPhases", .string("moveDocsPhase")), ("preDistPhases", .string("tarPhase")),
        ("postPhases", .string("finalPhase")), ("genPhase", .string("echo gen > gen.h")),
      ]))
    #expect(
      plan.phases.map(\.name) == [
        "firstPhase", "unpackPhase", "patchPhase", "genPhase", "autoPhase", "configurePhase", "prepPhase",
        "buildPhase", "checkPhase", "stagePhase", "installPhase", "moveDocsPhase", "fixupPhase",
        "installCheckPhase", "tarPhase", "distPhase", "finalPhase",
      ])
    let generate = try #require(plan.phases.first { $0.name == "genPhase" })
    #expect(generate.standard == nil && generate.definedByAttribute && generate.runs)
    #expect(generate.scriptAttributes == ["genPhase"])
  }

  @Test func explicitPhasesReplaceTheDefaultList() throws {
    let plan = try PhasePlan(
      attributes: HandWrittenAttributes.stdenv([
        ("phases", .string("unpackPhase myPhase buildPhase installPhase")), ("dontBuild", .string("1")),
        ("prePhases", .string("ignoredPhase")),
      ]))
    #expect(plan.isExplicit)
    #expect(
      summary(plan) == ["unpackPhase", "myPhase", "buildPhase skipped: dontBuild is set", "installPhase"])
  }

  @Test func phaseAttributeOverridesTheDefaultCode() throws {
    let plan = try PhasePlan(
      attributes: HandWrittenAttributes.stdenv([("installPhase", .string("mkdir -p $out"))]))
    let install = try #require(plan.phases.first { $0.name == "installPhase" })
    #expect(install.definedByAttribute)
    #expect(install.scriptAttributes == ["installPhase", "preInstall", "postInstall"])
    let build = try #require(plan.phases.first { $0.name == "buildPhase" })
    #expect(!build.definedByAttribute && build.scriptAttributes == ["preBuild", "postBuild"])
  }

  @Test func buildCommandIsRefused() {
    #expect(throws: PlanningError.notSplittable(.replacesPhases(attribute: "buildCommand"))) {
      try PhasePlan(attributes: HandWrittenAttributes.stdenv([("buildCommand", .string("touch $out"))]))
    }
    #expect(throws: PlanningError.notSplittable(.replacesPhases(attribute: "buildCommandPath"))) {
      try PhasePlan(attributes: HandWrittenAttributes.stdenv([("buildCommandPath", .string("/x.sh"))]))
    }
  }

  @Test func nonStdenvBuildersAreRefused() {
    let customBuilder = AttributeSet(
      [("name", .string("raw")), ("stdenv", .string("/nix/store/x"))], builderArguments: ["-c", "echo hi"])
    #expect(throws: PlanningError.notSplittable(.notDefaultBuilder(arguments: ["-c", "echo hi"]))) {
      try PhasePlan(attributes: customBuilder)
    }
    let noStdenv = AttributeSet(
      [("name", .string("raw"))], builderArguments: HandWrittenAttributes.stdenvArguments)
    #expect(throws: PlanningError.notSplittable(.missingAttribute("stdenv"))) {
      try PhasePlan(attributes: noStdenv)
    }
    let message = PlanningError.notSplittable(.replacesPhases(attribute: "buildCommand")).description
    #expect(message.contains("buildCommand") && message.contains("unsplit"))
  }
}
