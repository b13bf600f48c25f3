import Basics
import Foundation
import SplitPlanning
import Testing

@Suite struct AttributePlacementTests {
  private func analysis(_ extra: [(String, AttributeSetValue)]) throws -> SplitAnalysis {
    try analysis(extra, late: [])
  }

  private func analysis(_ extra: [(String, AttributeSetValue)], late: [String]) throws -> SplitAnalysis {
    try SplitAnalysis(
      attributes: HandWrittenAttributes.stdenv(extra), table: HandWrittenAttributes.table,
      lateAttributes: try LateAttributes.parse(late))
  }

  @Test func tableAttributesStartInTheirPhasesSegmentAndStayToTheEnd() throws {
    let result = try analysis([
      ("src", .string("/nix/store/22222222222222222222222222222222-demo.tar.gz")),
      ("configureFlags", .string("--enable-x")), ("makeFlags", .string("V=1")),
      ("postInstall", .string("echo done")),
    ])
    let bySegment = result.placement.attributesBySegment
    let everywhere = ["name", "builder", "stdenv", "system", "outputs"]
    #expect(bySegment["unpack"] == everywhere + ["src"])
    #expect(bySegment["configure"] == everywhere + ["src", "configureFlags"])
    #expect(bySegment["build"] == everywhere + ["src", "configureFlags", "makeFlags"])
    #expect(bySegment["install"] == everywhere + ["src", "configureFlags", "makeFlags", "postInstall"])
    let decisions = Dictionary(uniqueKeysWithValues: result.placement.decisions.map { ($0.attribute, $0) })
    #expect(
      decisions["postInstall"]
        == PlacementDecision(attribute: "postInstall", firstSegment: "install", reason: .phaseTable))
    #expect(decisions["src"] == nil)
  }

  @Test func patternsAndFinalOnlyEntriesOfTheTableApply() throws {
    let result = try analysis([
      ("NIX_CFLAGS_COMPILE", .string("-O2")), ("allowedReferences", .list([])),
      ("preConfigure", .string("echo $allowedReferences")),
    ])
    let bySegment = result.placement.attributesBySegment
    for segment in ["unpack", "configure", "build"] {
      #expect(bySegment[segment]?.contains("NIX_CFLAGS_COMPILE") == true)
      #expect(bySegment[segment]?.contains("allowedReferences") == false)
    }
    #expect(bySegment["install"]?.contains("allowedReferences") == true)
  }

  @Test func attributesOutsideTheTableReachEverySegment() throws {
    let result = try analysis([
      ("CFLAGS", .string("-DGREETING")), ("postInstall", .string("echo $desktopItem")),
      ("desktopItem", .string("x")), ("preConfigurePhases", .string("genPhase")),
      ("genPhase", .string("echo gen > gen.h")),
    ])
    for name in ["CFLAGS", "desktopItem", "genPhase"] {
      #expect(result.placement.firstSegment[name] == "unpack")
      for segment in result.segmentPlan.segmentNames {
        #expect(result.placement.attributesBySegment[segment]?.contains(name) == true)
      }
    }
    let advice = result.findings.filter { $0.kind == .couldBeDeclaredLate }
    #expect(advice.map(\.variables) == [["desktopItem"], ["genPhase"]])
    #expect(advice.first?.segment == "install")
    #expect(advice.first?.message.contains("--late desktopItem") == true)
  }

  @Test func lateDeclarationsStartWhereDeclaredUnlessAnEarlierScriptNamesThem() throws {
    let attributes: [(String, AttributeSetValue)] = [
      ("postInstall", .string("echo $desktopItem $installerScript")), ("desktopItem", .string("x")),
      ("installerScript", .string("y")), ("buildExtra", .string("z")),
      ("postConfigure", .string("echo $buildExtra")),
    ]
    let result = try analysis(attributes, late: ["desktopItem", "installerScript=build", "buildExtra=build"])
    #expect(result.placement.firstSegment["desktopItem"] == "install")
    #expect(result.placement.firstSegment["installerScript"] == "build")
    #expect(result.placement.firstSegment["buildExtra"] == "configure")
    #expect(result.placement.attributesBySegment["build"]?.contains("desktopItem") == false)
    let reasons = Dictionary(
      uniqueKeysWithValues: result.placement.decisions.map { ($0.attribute, $0.reason) })
    #expect(reasons["desktopItem"] == .declaredLate)
    #expect(reasons["buildExtra"] == .namedByScripts(["postConfigure"]))
    #expect(!result.findings.contains { $0.kind == .couldBeDeclaredLate })
  }

  @Test func badLateDeclarationsAreErrorsThatSayWhy() throws {
    let attributes: [(String, AttributeSetValue)] = [
      ("desktopItem", .string("x")), ("makeFlags", .string("")),
    ]
    let cases: [([String], String)] = [
      (["missing"], "not an attribute of the package"), (["makeFlags"], "shared table"),
      (
        ["desktopItem=fixup"],
        "there is no segment 'fixup'; the segments are unpack, configure, build, install"
      ),
    ]
    for (words, message) in cases {
      #expect {
        try analysis(attributes, late: words)
      } throws: { error in
        "\(error)".contains(message)
      }
    }
    #expect(throws: PlanningError.self) { try LateAttributes.parse(["bad-name"]) }
    #expect(throws: PlanningError.self) { try LateAttributes.parse(["x", "x=build"]) }
    #expect(throws: PlanningError.self) { try LateAttributes.parse(["x="]) }
  }

  @Test func anUncertainEarlierScriptBringsDeferredAttributesThere() throws {
    let result = try analysis([
      ("preBuild", .string("eval \"$extraBuildCode\"")), ("extraBuildCode", .string("make extra")),
      ("postInstall", .string("echo late")),
    ])
    let decision = try #require(result.placement.decisions.first { $0.attribute == "postInstall" })
    #expect(decision.firstSegment == "build")
    #expect(decision.reason == .scriptsReadAnything(["preBuild"]))
    #expect(result.findings.contains { $0.kind == .uncertainScript && $0.attribute == "preBuild" })
  }

  @Test func tableAttributesNamedByEarlierScriptsStartThere() throws {
    let result = try analysis([
      ("preConfigure", .string("echo \"$makeFlags\" > flags.txt")), ("makeFlags", .string("V=1")),
      ("postHook", .string("installFlags+=(x)")), ("installFlags", .string("")),
      ("postPatch", .string("configurePhase")), ("configureFlags", .string("--x")),
      ("passAsFile", .string("postInstall")), ("postInstall", .string("true")),
      ("postUnpack", .string("cat $postInstallPath")),
    ])
    let decisions = Dictionary(uniqueKeysWithValues: result.placement.decisions.map { ($0.attribute, $0) })
    #expect(
      decisions["makeFlags"]
        == PlacementDecision(
          attribute: "makeFlags", firstSegment: "configure", reason: .namedByScripts(["preConfigure"])))
    #expect(decisions["installFlags"]?.firstSegment == "unpack")
    #expect(decisions["configureFlags"]?.reason == .namedByScripts(["postPatch"]))
    #expect(decisions["postInstall"]?.reason == .namedByScripts(["postUnpack"]))
  }

  @Test func findingsPointAtOutputsSourceDirectoryAndCarriedState() throws {
    let result = try analysis([
      ("postConfigure", .string("cd src\ngenerated=yes\necho $out > prefix.txt")),
      ("preBuild", .string("echo $src")), ("preInstall", .string("echo $generated")),
    ])
    let kinds = result.findings.map { "\($0.kind.rawValue) \($0.attribute) \($0.variables)" }
    #expect(kinds.contains("outputUsedBeforeFinal postConfigure [\"out\"]"))
    #expect(kinds.contains("directoryChanged postConfigure []"))
    #expect(kinds.contains("stateCarried postConfigure [\"generated\"]"))
    #expect(kinds.contains("sourceReadAfterFirstSegment preBuild [\"src\"]"))
    #expect(!result.findings.contains { $0.kind == .outputUsedBeforeFinal && $0.segment == "install" })
  }

  @Test func earlierScriptsThatCompressOrArchiveAreFlagged() throws {
    let result = try analysis([
      ("postBuild", .string("echo \"$out\" > where.txt\ngzip -9 where.txt\n(cd doc && zip -q ../doc.zip *)")),
      ("postConfigure", .string("sed -i s/a/b/ Makefile")),
      ("postInstall", .string("tar -cf $out/share/all.tar data")),
    ])
    let flagged = result.findings.filter { $0.kind == .archivingBeforeFinal }
    #expect(flagged.map(\.attribute) == ["postBuild"])
    #expect(flagged.first?.variables == ["gzip", "zip"])
    #expect(
      flagged.first?.message.contains("runs gzip, zip and uses output out before the final segment") == true)
    #expect(flagged.first?.message.contains("stand-in scan fails") == true)
  }

  @Test func buildIDsRelocationCannotRecomputeAreFindings() throws {
    let result = try analysis([
      ("NIX_LDFLAGS", .string("--build-id=uuid")), ("makeFlags", .string("LD=ld.lld")),
      ("configureFlags", .string("--with-build-id=sha1")),
    ])
    let findings = result.findings.filter { $0.kind == .buildIDNotRecomputed }
    #expect(findings.map(\.attribute) == ["NIX_LDFLAGS", "makeFlags"])
    #expect(findings.first?.message.contains("--build-id=uuid") == true)
  }

  @Test func reportJSONHasTheSchemaVersionAndEveryPhase() throws {
    let result = try analysis([("doCheck", .string(""))])
    let report = AnalysisReport(analysis: result, derivationPath: nil)
    #expect(report.schemaVersion == AnalysisReport.currentSchemaVersion)
    #expect(report.phases.count == result.phasePlan.phases.count)
    let check = try #require(report.phases.first { $0.name == "checkPhase" })
    #expect(check.segment == nil && check.skip?.flag == "doCheck" && check.skip?.reason == "flagUnset")
    #expect(report.phases.first { $0.name == "fixupPhase" }?.segment == "install")
    let text = try JSONOutput.text(report)
    #expect(text.contains("\"schemaVersion\" : 2") && text.contains("\"refusal\" : null"))
    #expect(text.contains("\"segment\" : null") && text.contains("\"derivation\" : null"))
    #expect(try JSONDecoder().decode(AnalysisReport.self, from: Data(text.utf8)) == report)
    #expect(report.humanText().contains("checkPhase         skipped (doCheck is not set); segment dropped"))
  }
}
