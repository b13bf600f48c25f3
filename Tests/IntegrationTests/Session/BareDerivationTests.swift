import Foundation
import PhasesplitTestSupport
import Testing

/// `phasesplit build` given the bare `.drv` of an unsplit package: it is split on the fly (as
/// `phasesplit wrap` would) and built as a chain of segments. Real sandboxed builds with the
/// release tool.
@Suite(
  .tags(.nix), .requiresNix,
  .enabled(
    if: SessionTestSupport.toolRunsInSandbox,
    "needs a release phasesplit (static runtime) with the archive commands"))
struct BareDerivationTests {
  typealias Support = SessionTestSupport

  @Test func unsplitDerivationIsSplitAndBuilt() throws {
    let suffix = "bare" + Support.uniqueSalt().prefix(8)
    let instantiated = try Support.run([
      "nix-instantiate", Support.fixtures, "-A", "plainMake", "--argstr", "nameSuffix", suffix,
    ])
    try #require(instantiated.status == 0, "\(instantiated.standardError)")
    let plain = try #require(instantiated.standardOutput.split(separator: "\n").last.map(String.init))
    #expect(plain.hasSuffix("-plain-greet\(suffix)-1.0.drv"))

    let first = try Support.phasesplit(["build", plain, "--no-out-link", "--json"])
    #expect(first.status == 0, "\(first.standardError)")
    let report = try Support.buildReport(first)
    #expect(report.success)
    #expect(report.package == "plain-greet\(suffix)-1.0")
    #expect(report.segments.count > 1, "the package is built as a chain of segments")
    #expect(report.segments.last?.segment == "install")
    #expect(report.segments.allSatisfy { $0.status == "built" })
    #expect(report.segments.last?.derivation != plain, "the final segment is not the unsplit derivation")
    for row in report.segments.dropLast() {
      #expect(row.derivation.hasSuffix("-plain-greet\(suffix)-1.0-seg-\(row.segment).drv"))
    }
    let out = try #require(report.outputs["out"])
    #expect(FileManager.default.isExecutableFile(atPath: out + "/bin/plain-greet"))

    // The same bare .drv again splits to the same segments, all reused.
    let second = try Support.phasesplit(["build", plain, "--no-out-link", "--json"])
    #expect(second.status == 0, "\(second.standardError)")
    let again = try Support.buildReport(second)
    #expect(again.segments.map(\.derivation) == report.segments.map(\.derivation))
    #expect(again.segments.allSatisfy { $0.status == "reused" })
  }
}
