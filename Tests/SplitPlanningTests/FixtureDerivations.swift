import Derivations
import Foundation
import NixInterface
import PhasesplitTestSupport
import SplitPlanning
import Testing

/// Real `.drv` files of the fixture packages, instantiated by Nix with the project's sandbox
/// settings, and evaluations of the Nix library for comparison.
enum FixtureDerivations {
  /// A runner with the project's Nix settings (`fixtures/nix.conf`) added to the caller's.
  static var runner: NixRunner { TestPackage.nixRunner }

  static var fixturesPath: String { TestPackage.fixtures.path }
  static var nixLibraryPath: String { TestPackage.nixLibrary.path }

  /// The shared attribute table of this checkout.
  static func table() throws -> AttributePhaseTable {
    try AttributePhaseTable.load(nixLibrary: TestPackage.nixLibrary)
  }

  /// Instantiates `fixtures.ATTRIBUTE` and reads its `.drv`.
  static func fixture(_ attribute: String) async throws -> Derivation {
    let paths = try await runner.instantiate(file: fixturesPath, attribute: attribute)
    return try Derivation.read(path: try #require(paths.first))
  }

  /// Instantiates `pkgs.stdenv.mkDerivation ATTRS` (ATTRS is Nix source; `pkgs` is the
  /// fixture set) and reads its `.drv`.
  static func stdenvDerivation(_ attributes: String) async throws -> Derivation {
    let expression = "let pkgs = import \(fixturesPath) { }; in pkgs.stdenv.mkDerivation (\(attributes))"
    let paths = try await runner.instantiate(expression: expression)
    return try Derivation.read(path: try #require(paths.first))
  }

  /// Instantiates EXPRESSION (Nix source over `pkgs`, the fixture set) and reads its `.drv`.
  static func derivation(expression: String) async throws -> Derivation {
    let paths = try await runner.instantiate(
      expression: "let pkgs = import \(fixturesPath) { }; in \(expression)")
    return try Derivation.read(path: try #require(paths.first))
  }

  /// Evaluates the Nix library's `phasePlan`, `segmentPlan` and `placeAttributes` for the
  /// `drvAttrs` of `package` (a Nix expression over `pkgs`, the fixture set).
  static func libraryPlan(
    package: String, boundaries: [String], lateAttributes: LateAttributes = LateAttributes()
  ) async throws -> JSONValue {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("plan-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: directory) }
    let lateFile = directory.appendingPathComponent("late.json")
    let lateObject = Dictionary(
      uniqueKeysWithValues: lateAttributes.declarations.map {
        ($0.name, $0.segment ?? PlannedSegment.finalName)
      })
    try JSONSerialization.data(withJSONObject: lateObject).write(to: lateFile)
    let boundaryList = boundaries.map { "\"\($0)\"" }.joined(separator: " ")
    let expression = """
      let
        lib = import \(nixLibraryPath) { phasesplit = "/unused"; };
        pkgs = import \(fixturesPath) { };
        attrs = (\(package)).drvAttrs;
        segments = lib.segmentPlan { boundaries = [ \(boundaryList) ]; } attrs;
        lateAttributes = builtins.fromJSON (builtins.readFile \(lateFile.path));
      in {
        phases = lib.phasePlan attrs;
        inherit segments;
        carried = lib.placeAttributes { inherit segments lateAttributes; } attrs;
      }
      """
    return try await runner.evaluate(expression: expression)
  }
}
