import Foundation
import PhasesplitTestSupport
import Testing

/// Issue 13, acceptance 4: segments are ordinary store paths, so a binary cache carries them. A
/// segment's `previous` symlink makes the previous segment part of its closure, so copying the
/// last earlier segment copies every layer, and substituting it brings them all back.
@Suite(.tags(.nix), .requiresNix) struct BinaryCacheTests {
  typealias Support = SessionTestSupport

  @Test func segmentsAreSubstitutedFromAFileCacheAndOnlyTheFinalSegmentBuilds() throws {
    let cache = try Support.temporaryDirectory()
    defer { try? FileManager.default.removeItem(atPath: cache) }
    let suffix = "c" + String(Support.uniqueSalt().prefix(8))
    let built = try Support.phasesplit([
      "build", "-f", Support.fixtures, "-A", "plainMake", "--argstr", "nameSuffix", suffix, "--no-out-link",
      "--no-segment-roots", "--json",
    ])
    let report = try Support.buildReport(built)
    try #require(report.success, "\(built.standardError)")
    let final = try #require(report.segments.last)
    let output = try #require(report.outputs["out"])
    let segments = try report.segments.dropLast().map { row in
      try #require(
        try Support.run(["nix-store", "--query", "--outputs", row.derivation]).standardOutput
          .split(separator: "\n").first.map(String.init))
    }
    try #require(segments.count >= 2)

    // Each layer references the one before it, visibly to Nix.
    for (previous, segment) in zip(segments, segments.dropFirst()) {
      #expect(try FileManager.default.destinationOfSymbolicLink(atPath: segment + "/previous") == previous)
      let references = try Support.run(["nix-store", "--query", "--references", segment]).standardOutput
      #expect(references.split(separator: "\n").contains { $0 == previous }, "\(segment) → \(references)")
    }
    let hashBefore = try Support.run(["nix-store", "--query", "--hash", output]).standardOutput

    // Copy the last earlier segment: its closure is every layer.
    let copied = try Support.run(["nix", "copy", "--to", "file://\(cache)?compression=none", segments.last!])
    try #require(copied.status == 0, "\(copied.standardError)")
    for segment in segments {
      let hashPart = (segment as NSString).lastPathComponent.prefix(32)
      #expect(
        FileManager.default.fileExists(atPath: "\(cache)/\(hashPart).narinfo"),
        "\(segment) is not in the cache")
    }

    let deleted = try Support.run(["nix-store", "--delete", output] + segments.reversed())
    try #require(deleted.status == 0, "\(deleted.standardError)")
    #expect(([output] + segments).allSatisfy { !FileManager.default.fileExists(atPath: $0) })

    // The tests' settings have no substituters and the cache is unsigned: this test only.
    let substitution = ["--option", "substituters", "file://\(cache)", "--option", "require-sigs", "false"]
    let plan = try Support.run(["nix-store", "--realise", "--dry-run", final.derivation] + substitution)
    #expect(
      BuildLog.plannedDerivations(in: plan.standardError) == [final.derivation], "\(plan.standardError)")
    for segment in segments {
      #expect(plan.standardError.contains(segment), "\(segment) is not fetched: \(plan.standardError)")
    }
    let rebuilt = try Support.run(["nix-store", "--realise", final.derivation] + substitution)
    try #require(rebuilt.status == 0, "\(rebuilt.standardError)")
    #expect(rebuilt.standardOutput.split(separator: "\n").contains { $0 == output })
    #expect(segments.allSatisfy { FileManager.default.fileExists(atPath: $0) })
    #expect(try Support.run(["nix-store", "--query", "--hash", output]).standardOutput == hashBefore)
  }
}
