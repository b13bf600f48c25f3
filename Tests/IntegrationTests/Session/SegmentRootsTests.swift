import BuildSession
import Foundation
import PhasesplitTestSupport
import Testing

/// `phasesplit build` roots the earlier segments it built or reused, so garbage collection
/// between a failure and its fix keeps them.
///
/// The collection is `nix-store --delete` of the chain's own paths: it applies the collector's
/// liveness check (roots, and what they reference) to exactly those paths. A whole-store
/// `nix-collect-garbage` would also delete what the tests running in parallel have instantiated
/// but not yet built, and the fixtures' source tarballs.
@Suite(.tags(.nix), .requiresNix) struct SegmentRootsTests {
  typealias Support = SessionTestSupport

  static func build(_ attribute: String, suffix: String, state: String, extra: [String] = []) throws
    -> BuildReport
  {
    let result = try Support.phasesplit(
      [
        "build", "-f", Support.fixtures, "-A", attribute, "--argstr", "nameSuffix", suffix, "--no-out-link",
        "--json",
      ]
        + extra,
      environment: ["PHASESPLIT_STATE_DIR": state])
    return try Support.buildReport(result)
  }

  /// The output path of each earlier segment of `report`.
  static func earlierSegmentOutputs(_ report: BuildReport) throws -> [String] {
    try report.segments.dropLast().map { row in
      let query = try Support.run(["nix-store", "--query", "--outputs", row.derivation])
      return try #require(query.standardOutput.split(separator: "\n").first.map(String.init))
    }
  }

  @Test func failedInstallThenGarbageCollectionThenFixRebuildsOnlyTheFinalSegment() throws {
    let state = try Support.temporaryDirectory()
    defer { try? FileManager.default.removeItem(atPath: state) }
    let suffix = "r" + String(Support.uniqueSalt().prefix(8))

    let failed = try Self.build("failingInstall", suffix: suffix, state: state)
    #expect(!failed.success)
    let outputs = try Self.earlierSegmentOutputs(failed)
    let roots = try #require(failed.segmentRoots)
    #expect(roots.count == outputs.count && !roots.isEmpty)
    #expect(roots.allSatisfy { $0.hasPrefix(state + "/gcroots/") })
    #expect(
      try roots.map { try FileManager.default.destinationOfSymbolicLink(atPath: $0) }.sorted()
        == outputs.sorted())

    let collected = try Support.run(["nix-store", "--delete"] + outputs)
    #expect(collected.status != 0, "rooted segments were deleted")
    #expect(collected.standardError.contains("still alive"), "\(collected.standardError)")
    #expect(outputs.allSatisfy { FileManager.default.fileExists(atPath: $0) })

    let fixed = try Self.build("failingInstallFixed", suffix: suffix, state: state)
    #expect(fixed.success)
    #expect(fixed.segments.dropLast().allSatisfy { $0.status == "reused" }, "\(fixed.segments.map(\.status))")
    #expect(fixed.segments.last?.status == "built")

    // Dropping the roots (the documented `rm -r`) lets the collector take the segments.
    let directory = (roots[0] as NSString).deletingLastPathComponent
    try FileManager.default.removeItem(atPath: directory)
    let dropped = try Support.run(["nix-store", "--delete"] + outputs)
    #expect(dropped.status == 0, "\(dropped.standardError)")
    #expect(outputs.allSatisfy { !FileManager.default.fileExists(atPath: $0) })
  }

  @Test func noSegmentRootsRegistersNone() throws {
    let state = try Support.temporaryDirectory()
    defer { try? FileManager.default.removeItem(atPath: state) }
    let suffix = "n" + String(Support.uniqueSalt().prefix(8))
    let failed = try Self.build("failingInstall", suffix: suffix, state: state, extra: ["--no-segment-roots"])
    #expect(!failed.success)
    #expect(failed.segmentRoots == nil)
    #expect(!FileManager.default.fileExists(atPath: state + "/gcroots"))
    let outputs = try Self.earlierSegmentOutputs(failed)
    let collected = try Support.run(["nix-store", "--delete"] + outputs)
    #expect(collected.status == 0, "\(collected.standardError)")
  }
}
