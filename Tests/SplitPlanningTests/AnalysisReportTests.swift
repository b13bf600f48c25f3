import SplitPlanning
import Testing

/// ``AnalysisReport/init(analysing:derivationPath:boundaries:table:)``: the report `analyze`
/// prints, for a splittable derivation and for a refused one.
@Suite struct AnalysisReportTests {
  @Test func splittableDerivationGivesTheAnalysis() throws {
    let attributes = HandWrittenAttributes.stdenv([("doCheck", .string("1"))], outputs: ["out", "dev"])
    let report = try AnalysisReport(
      analysing: attributes, derivationPath: "/nix/store/x-demo.drv", boundaries: Boundary.defaults,
      table: HandWrittenAttributes.table)
    #expect(report.splittable)
    #expect(report.refusal == nil)
    #expect(report.package.name == "demo-1.0")
    #expect(report.package.outputs == ["out", "dev"])
    #expect(report.package.derivation == "/nix/store/x-demo.drv")
    #expect(report.segments.last?.name == "install")
    #expect(report.segments.count > 1)
  }

  @Test func refusedDerivationGivesTheRefusal() throws {
    let attributes = HandWrittenAttributes.stdenv([("buildCommand", .string("touch $out"))])
    let report = try AnalysisReport(
      analysing: attributes, derivationPath: nil, boundaries: Boundary.defaults,
      table: HandWrittenAttributes.table)
    #expect(!report.splittable)
    #expect(report.refusal == SplitRefusal.replacesPhases(attribute: "buildCommand").description)
    #expect(report.package.name == "demo-1.0")
    #expect(report.package.outputs == ["out"])
    #expect(report.segments.isEmpty)
  }
}
