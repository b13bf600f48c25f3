import Foundation
import PhasesplitTestSupport
import Testing

/// What can be checked of the packaging without nixpkgs: every Nix file parses, the dependency
/// hashes belong to the pinned revisions, and the flake's outputs evaluate and build with a
/// stand-in nixpkgs whose `callPackage ./package.nix` is the locally built phasesplit.
@Suite(.tags(.nix), .requiresNix) struct PackagingTests {
  typealias Support = SessionTestSupport

  static let root = TestPackage.root.path

  @Test func nixFilesParse() throws {
    for file in [
      "flake.nix", "package.nix", "nix/swiftpm-hashes.nix", "nix/swiftpm-workspace.nix",
      "nix-lib/default.nix", "nix-lib/overlay.nix",
    ] {
      let parsed = try Support.run(["nix-instantiate", "--parse", Self.root + "/" + file])
      #expect(parsed.status == 0, "\(file): \(parsed.standardError)")
    }
  }

  /// nix/swiftpm-hashes.nix is what scripts/swiftpm-hashes.sh computes from SwiftPM's checkouts of
  /// the revisions Package.resolved pins (so package.nix fetches exactly those sources).
  @Test func dependencyHashesMatchThePinnedCheckouts() throws {
    let directory = try Support.temporaryDirectory()
    defer { try? FileManager.default.removeItem(atPath: directory) }
    let written = directory + "/hashes.nix"
    let result = try Support.run(["bash", Self.root + "/scripts/swiftpm-hashes.sh", written])
    try #require(result.status == 0, "\(result.standardError)")
    let committed = try String(contentsOfFile: Self.root + "/nix/swiftpm-hashes.nix", encoding: .utf8)
    #expect(try String(contentsOfFile: written, encoding: .utf8) == committed)
    let pins = try Support.run([
      "nix-instantiate", "--eval", "--json", "-E",
      "map (pin: pin.identity) (builtins.fromJSON (builtins.readFile \(Self.root)/Package.resolved)).pins",
    ])
    for identity in try JSONDecoder().decode([String].self, from: Data(pins.standardOutput.utf8)) {
      #expect(committed.contains("\"\(identity)\" = \"sha256-"), "\(identity) has no hash")
    }
  }

  /// The workspace state package.nix writes for the pins is the one SwiftPM wrote when it
  /// resolved them here (`.build/workspace-state.json`), checkout directories included.
  @Test func workspaceStateMatchesSwiftPMs() throws {
    let evaluated = try Support.run([
      "nix-instantiate", "--eval", "--strict", "--json", "-E",
      "(import \(Self.root)/nix/swiftpm-workspace.nix { resolved = builtins.fromJSON "
        + "(builtins.readFile \(Self.root)/Package.resolved); }).state",
    ])
    try #require(evaluated.status == 0, "\(evaluated.standardError)")
    let ours = try JSONSerialization.jsonObject(with: Data(evaluated.standardOutput.utf8)) as? NSDictionary
    let swiftPM =
      try JSONSerialization.jsonObject(
        with: Data(contentsOf: URL(fileURLWithPath: Self.root + "/.build/workspace-state.json")))
      as? NSDictionary
    let theirs = try #require(swiftPM, "no .build/workspace-state.json: run swift build first")
    #expect(ours?["version"] as? Int == theirs["version"] as? Int)
    let ourObject = try #require(ours?["object"] as? NSDictionary)
    let theirObject = try #require(theirs["object"] as? NSDictionary)
    #expect(ourObject["dependencies"] as? NSArray == theirObject["dependencies"] as? NSArray)
  }

  @Test func flakeOutputsEvaluateAndBuildWithAStandInNixpkgs() throws {
    let directory = try Support.temporaryDirectory()
    defer { try? FileManager.default.removeItem(atPath: directory) }
    try FileManager.default.createDirectory(
      atPath: directory + "/tool/bin", withIntermediateDirectories: true)
    try FileManager.default.copyItem(
      atPath: try TestPackage.sandboxTool(), toPath: directory + "/tool/bin/phasesplit")
    let added = try Support.run(["nix-store", "--add", directory + "/tool"])
    try #require(added.status == 0, "\(added.standardError)")
    let tool = added.standardOutput.trimmingCharacters(in: .whitespacesAndNewlines)
    let suffix = "f" + String(Support.uniqueSalt().prefix(8))
    let file = directory + "/flake-check.nix"
    try """
    let
      root = \(Self.root);
      flake = import (root + "/flake.nix");
      system = builtins.currentSystem;
      fixtures = import (root + "/fixtures") { nameSuffix = "\(suffix)"; };
      tool = { type = "derivation"; name = "phasesplit"; outPath = builtins.storePath "\(tool)"; };
      nixpkgs = fixtures // {
        callPackage = fn: args: if fn == root + "/package.nix" then tool else throw "unexpected callPackage";
      };
      outputs = flake.outputs { self = outputs; nixpkgs = { legacyPackages.${system} = nixpkgs; }; };
      overlaid = let final = nixpkgs // outputs.overlays.default final nixpkgs; in final;
      split = outputs.lib.splitPhases { } fixtures.plainMake;
    in
    {
      inherit split;
      info = {
        outputs = builtins.attrNames outputs;
        library = builtins.attrNames outputs.lib;
        defaultIsPackage = outputs.packages.${system}.default.outPath == tool.outPath;
        overlay = builtins.attrNames (outputs.overlays.default overlaid nixpkgs);
        overlaySplitsAlike = (overlaid.splitPhases { } overlaid.plainMake).drvPath == split.drvPath;
        mkLibSplitsAlike = ((outputs.lib.mkLib nixpkgs).splitPhases { } fixtures.plainMake).drvPath == split.drvPath;
        segments = split.passthru.segmentNames;
      };
    }
    """.write(toFile: file, atomically: true, encoding: .utf8)

    struct Info: Decodable, Equatable {
      var outputs: [String]
      var library: [String]
      var defaultIsPackage: Bool
      var overlay: [String]
      var overlaySplitsAlike: Bool
      var mkLibSplitsAlike: Bool
      var segments: [String]
    }
    let evaluated = try Support.run(["nix-instantiate", "--eval", "--strict", "--json", file, "-A", "info"])
    try #require(evaluated.status == 0, "\(evaluated.standardError)")
    let info = try JSONDecoder().decode(Info.self, from: Data(evaluated.standardOutput.utf8))
    #expect(info.outputs == ["lib", "overlays", "packages"])
    #expect(
      Set(info.library).isSuperset(of: [
        "splitPhases", "mkLib", "phasePlan", "segmentPlan", "placeAttributes", "standIns",
      ]))
    #expect(info.defaultIsPackage)
    #expect(info.overlay == ["phasesplit", "phasesplitLib", "splitPhases"])
    #expect(info.overlaySplitsAlike && info.mkLibSplitsAlike)
    #expect(info.segments.last == "install" && info.segments.count >= 3, "\(info.segments)")

    let built = try Support.run(["nix-build", file, "-A", "split", "--no-out-link"])
    try #require(built.status == 0, "\(built.standardError)")
    let out = try #require(built.standardOutput.split(separator: "\n").last.map(String.init))
    #expect(FileManager.default.isExecutableFile(atPath: out + "/bin/plain-greet"))
  }
}
