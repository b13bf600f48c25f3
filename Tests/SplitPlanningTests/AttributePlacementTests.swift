import Foundation
import SplitPlanning
import Testing

@Suite struct AttributePlacementTests {
  private func analysis(_ extra: [(String, AttributeSetValue)]) throws -> SplitAnalysis {
    try SplitAnalysis(attributes: HandWrittenAttributes.stdenv(extra), table: HandWrittenAttributes.table)
  }

  @Test func tableAttributesGoToTheirPhasesSegmentsAndTheFinalOneCarriesAll() throws {
    let result = try analysis([
      ("src", .string("/nix/store/22222222222222222222222222222222-demo.tar.gz")),
      ("configureFlags", .string("--enable-x")), ("makeFlags", .string("V=1")),
      ("postInstall", .string("echo done")),
    ])
    let bySegment = result.placement.attributesBySegment
    let everywhere = ["name", "builder", "stdenv", "system", "outputs"]
    #expect(bySegment["unpack"] == everywhere + ["src"])
    #expect(bySegment["configure"] == everywhere + ["configureFlags"])
    #expect(bySegment["build"] == everywhere + ["makeFlags"])
    #expect(
      bySegment["install"]
        == HandWrittenAttributes.stdenv([]).attributeNames + [
          "src", "configureFlags", "makeFlags", "postInstall",
        ])
    #expect(result.placement.decisions.isEmpty && result.placement.overrides.isEmpty)
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
    #expect(result.placement.overrides.isEmpty)
  }

  @Test func unknownAttributesGoWhereScriptsReadThemAndToTheFinalSegment() throws {
    let result = try analysis([
      ("preConfigure", .string("export GREETING=\"$greeting\"")), ("greeting", .string("hi")),
      ("unused", .string("x")), ("preConfigurePhases", .string("genPhase")),
      ("genPhase", .string("echo gen > gen.h")),
    ])
    let decisions = Dictionary(uniqueKeysWithValues: result.placement.decisions.map { ($0.attribute, $0) })
    #expect(decisions["greeting"]?.segments == ["configure", "install"])
    #expect(decisions["greeting"]?.reason == .readByScripts)
    #expect(decisions["unused"]?.segments == ["install"])
    #expect(decisions["genPhase"]?.segments == ["configure", "install"])
    #expect(result.placement.attributesBySegment["unpack"]?.contains("greeting") == false)
    #expect(result.placement.attributesBySegment["configure"]?.contains("genPhase") == true)
    let overrides = Dictionary(
      uniqueKeysWithValues: result.placement.overrides.map { ($0.attribute, $0.segments) })
    #expect(overrides["greeting"] == ["configure", "install"])
    #expect(overrides["unused"] == ["install"])
  }

  @Test func anUncertainEarlierScriptSendsUnknownAttributesEverywhere() throws {
    let result = try analysis([
      ("preBuild", .string("eval \"$extraBuildCode\"")), ("extraBuildCode", .string("make extra")),
      ("other", .string("y")),
    ])
    let other = try #require(result.placement.decisions.first { $0.attribute == "other" })
    #expect(other.segments == ["unpack", "configure", "build", "install"])
    #expect(other.reason == .uncertainScripts(attributes: ["preBuild"]))
    #expect(!other.differsFromLibraryDefault)
    #expect(result.placement.overrides.isEmpty)
    #expect(result.findings.contains { $0.kind == .uncertainScript && $0.attribute == "preBuild" })
  }

  @Test func tableAttributesReadOutsideTheirPhasesAreAddedWhereRead() throws {
    let result = try analysis([
      ("preConfigure", .string("echo \"$makeFlags\" > flags.txt")), ("makeFlags", .string("V=1")),
    ])
    let decision = try #require(result.placement.decisions.first { $0.attribute == "makeFlags" })
    #expect(decision.reason == .readOutsideTable)
    #expect(decision.segments == ["configure", "build", "install"])
    #expect(decision.differsFromLibraryDefault)
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

  @Test func reportJSONHasTheSchemaVersionAndEveryPhase() throws {
    let result = try analysis([("doCheck", .string(""))])
    let report = AnalysisReport(analysis: result, derivationPath: nil)
    #expect(report.schemaVersion == AnalysisReport.currentSchemaVersion)
    #expect(report.phases.count == result.phasePlan.phases.count)
    let check = try #require(report.phases.first { $0.name == "checkPhase" })
    #expect(check.segment == nil && check.skip?.flag == "doCheck" && check.skip?.reason == "flagUnset")
    #expect(report.phases.first { $0.name == "fixupPhase" }?.segment == "install")
    let text = report.jsonText()
    #expect(text.contains("\"schemaVersion\" : 1") && text.contains("\"refusal\" : null"))
    #expect(text.contains("\"segment\" : null") && text.contains("\"derivation\" : null"))
    #expect(try JSONDecoder().decode(AnalysisReport.self, from: Data(text.utf8)) == report)
    #expect(report.humanText().contains("checkPhase         skipped (doCheck is not set); segment dropped"))
  }
}
