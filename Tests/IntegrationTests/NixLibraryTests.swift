import Foundation
import NixEmission
import PhasesplitTestSupport
import Testing

/// The Nix library evaluated on the fixtures (no builds): segments, attribute placement and
/// stand-in paths.
@Suite("the Nix library plans segments and places attributes", .tags(.nix), .requiresNix)
struct NixLibraryTests {
  private func decode<T: Decodable>(_ type: T.Type, _ result: CommandResult) throws -> T {
    try #require(result.succeeded, Comment(rawValue: result.failureSummary))
    return try JSONDecoder().decode(type, from: Data(result.standardOutput.utf8))
  }

  @Test("segments follow the boundaries and drop statically skipped phases")
  func segmentsFollowBoundaries() throws {
    let harness = try NixHarness.make()
    defer { harness.cleanUp() }
    let names = try decode(
      [String: [String]].self,
      try harness.evaluate(
        """
        let
          segmentNames = options: package: (phasesplitLib.splitPhases options package).segmentNames;
        in
        {
          default = segmentNames { } fixtures.plainMake;
          withoutCheck = segmentNames { } (fixtures.plainMake.overrideAttrs (_: { doCheck = false; }));
          coarse = segmentNames { boundaries = [ "build" ]; } fixtures.plainMake;
        }
        """))
    #expect(names["default"] == ["unpack", "configure", "build", "check", "install"])
    #expect(names["withoutCheck"] == ["unpack", "configure", "build", "install"])
    #expect(names["coarse"] == ["build", "install"])
  }

  @Test("the overlay adds splitPhases and phasesplitLib to a package set")
  func overlayAddsTheLibrary() throws {
    let harness = try NixHarness.make()
    defer { harness.cleanUp() }
    let overlay = NixSyntax.pathLiteral(
      harness.repositoryRoot.appendingPathComponent("nix-lib/overlay.nix").path)
    let tool = NixSyntax.pathLiteral(harness.tool.path)
    let paths = try decode(
      [String: String].self,
      try harness.evaluate(
        """
        let
          base = fixtures // { phasesplit = builtins.path { path = \(tool); name = "phasesplit"; }; };
          pkgs = let final = base // (import \(overlay)) final base; in final;
        in
        {
          viaOverlay = (pkgs.splitPhases { } pkgs.plainMake).drvPath;
          viaLibrary = (pkgs.phasesplitLib.splitPhases { } pkgs.plainMake).drvPath;
          direct = (phasesplitLib.splitPhases { } fixtures.plainMake).drvPath;
        }
        """))
    #expect(paths["direct"]?.hasSuffix("-plain-greet-1.0.drv") == true)
    #expect(paths["viaOverlay"] == paths["direct"])
    #expect(paths["viaLibrary"] == paths["direct"])
  }

  @Test("an explicit phases list groups a custom phase with the standard phase before it")
  func explicitPhasesGroupCustomPhases() throws {
    let harness = try NixHarness.make()
    defer { harness.cleanUp() }
    let segments = try decode(
      [[String]].self,
      try harness.evaluate(
        """
        map (segment: [ segment.name ] ++ segment.phases) (phasesplitLib.segmentPlan { } (
          fixtures.plainMake.overrideAttrs (_: {
            phases = [ "notePhase" "unpackPhase" "configurePhase" "stampPhase" "buildPhase" "installPhase" ];
          })
        ).drvAttrs)
        """))
    #expect(
      segments == [
        ["unpack", "notePhase", "unpackPhase"], ["configure", "configurePhase", "stampPhase"],
        ["build", "buildPhase"], ["install", "installPhase"],
      ])

    let reordered = try harness.evaluate(
      """
      (phasesplitLib.splitPhases { } (fixtures.plainMake.overrideAttrs (_: {
        phases = [ "unpackPhase" "installPhase" "buildPhase" ];
      }))).drvPath
      """)
    #expect(!reordered.succeeded)
    #expect(
      reordered.standardError.contains("comes after a phase of a later segment"), "\(reordered.standardError)"
    )
  }

  @Test("a postInstall edit changes only the final segment; a configure edit keeps unpack")
  func editsChangeOnlyTheSegmentsThatReadThem() throws {
    let harness = try NixHarness.make()
    defer { harness.cleanUp() }
    let changed = try decode(
      [String: [String]].self,
      try harness.evaluate(
        """
        let
          split = package: phasesplitLib.splitPhases { } package;
          original = split fixtures.plainMake;
          changedSegments = edited:
            builtins.filter (name: (split edited).segments.${name}.drvPath != original.segments.${name}.drvPath)
              original.segmentNames;
        in
        {
          postInstall = changedSegments (fixtures.plainMake.overrideAttrs (old: { postInstall = "echo edited"; }));
          configureFlags = changedSegments (fixtures.plainMake.overrideAttrs (old: { configureFlags = [ "--edited" ]; }));
        }
        """))
    #expect(changed["postInstall"] == ["install"])
    #expect(changed["configureFlags"] == ["configure", "build", "check", "install"])
  }

  @Test("stand-ins have the length of the real output paths and only nix-base32 characters")
  func standInsMatchRealPathLengths() throws {
    let harness = try NixHarness.make()
    defer { harness.cleanUp() }
    let pairs = try decode(
      [[String]].self,
      try harness.evaluate(
        """
        let
          package = fixtures.plainMake.overrideAttrs (_: { outputs = [ "out" "doc" ]; });
          standIns = phasesplitLib.standIns { name = package.name; outputs = [ "out" "doc" ]; };
        in
        map (output: [ standIns.${output} package.${output}.outPath ]) [ "out" "doc" ]
        """))
    #expect(pairs.count == 2)
    let nixBase32 = Set("0123456789abcdfghijklmnpqrsvwxyz")
    for pair in pairs {
      let (standIn, real) = (pair[0], pair[1])
      #expect(standIn.count == real.count, "\(standIn) vs \(real)")
      #expect(standIn.hasPrefix("/nix/store/"))
      #expect(standIn != real)
      let hash = OutputComparison.hashPart(standIn)
      #expect(hash.allSatisfy { nixBase32.contains($0) }, "\(hash)")
      #expect(standIn.dropFirst(11 + 32) == real.dropFirst(11 + 32))
    }
  }
}
