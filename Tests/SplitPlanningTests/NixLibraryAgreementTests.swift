import Derivations
import NixInterface
import PhasesplitTestSupport
import SplitPlanning
import Testing

/// The Swift planner must plan exactly what the Nix library plans: the same phases (with
/// anchors and skips), the same segments, and the same attributes in every segment (with and
/// without late declarations).
@Suite(.tags(.nix), .requiresNix) struct NixLibraryAgreementTests {
  static let fixtures = [
    "hello", "plainMake", "cmakeProject", "cmakeNinjaProject", "mesonProject", "customPhases", "multiOutput",
    "structuredAttrs", "failingInstall", "gawk", "autotoolsMultiOutput",
  ]

  @Test(arguments: fixtures, [["unpack", "configure", "build", "check"], ["build"], ["unpack", "check"]])
  func swiftPlanEqualsTheNixLibrarysPlan(fixture: String, boundaryNames: [String]) async throws {
    let derivation = try await FixtureDerivations.fixture(fixture)
    let analysis = try SplitAnalysis(
      attributes: DerivationAttributes(derivation), boundaries: try Boundary.parse(boundaryNames),
      table: try FixtureDerivations.table())
    let library = try await FixtureDerivations.libraryPlan(
      package: "pkgs.\(fixture)", boundaries: boundaryNames)

    let libraryPhases = try #require(library["phases"]?.arrayValue).map { entry in
      "\(entry["phase"]?.stringValue ?? "?") anchor=\(entry["anchor"]?.stringValue ?? "?") "
        + "skipped=\(entry["skipped"] == .bool(true))"
    }
    let swiftPhases = analysis.phasePlan.phases.map { phase in
      "\(phase.name) anchor=\(phase.anchor.rawValue) skipped=\(!phase.runs)"
    }
    #expect(swiftPhases == libraryPhases)

    let librarySegments = try #require(library["segments"]?.arrayValue).map { segment in
      let phases = segment["phases"]?.arrayValue?.compactMap(\.stringValue) ?? []
      return "\(segment["name"]?.stringValue ?? "?") final=\(segment["final"] == .bool(true)): "
        + phases.joined(separator: " ")
    }
    let swiftSegments = analysis.segmentPlan.segments.map { segment in
      "\(segment.name) final=\(segment.isFinal): " + segment.phases.map(\.name).joined(separator: " ")
    }
    #expect(swiftSegments == librarySegments)

    for segment in analysis.segmentPlan.segmentNames {
      let carried = Set(library["carried"]?[segment]?.arrayValue?.compactMap(\.stringValue) ?? [])
      let swiftCarried = Set(analysis.placement.attributesBySegment[segment] ?? [])
      #expect(
        swiftCarried == carried,
        "segment \(segment): Swift-only \(swiftCarried.subtracting(carried).sorted()), Nix-only \(carried.subtracting(swiftCarried).sorted())"
      )
    }
  }

  @Test func explicitPhasesAndSkipFlagsAgree() async throws {
    let attributes = """
      { name = "explicit-skips-1.0"; src = \(FixtureDerivations.fixturesPath)/src/plain-make;
        phases = "firstPhase unpackPhase configurePhase buildPhase checkPhase lastPhase installPhase";
        firstPhase = "true"; lastPhase = "echo $unknownSetting"; unknownSetting = "x";
        dontConfigure = true; doCheck = [ "" "yes" ]; }
      """
    let derivation = try await FixtureDerivations.stdenvDerivation(attributes)
    let analysis = try SplitAnalysis(
      attributes: DerivationAttributes(derivation), table: try FixtureDerivations.table())
    let library = try await FixtureDerivations.libraryPlan(
      package: "pkgs.stdenv.mkDerivation (\(attributes))",
      boundaries: ["unpack", "configure", "build", "check"])
    let librarySegments = library["segments"]?.arrayValue?.compactMap { $0["name"]?.stringValue }
    #expect(analysis.segmentPlan.segmentNames == librarySegments)
    #expect(analysis.segmentPlan.segmentNames == ["unpack", "build", "check", "install"])
    for segment in analysis.segmentPlan.segmentNames {
      let carried = Set(library["carried"]?[segment]?.arrayValue?.compactMap(\.stringValue) ?? [])
      #expect(Set(analysis.placement.attributesBySegment[segment] ?? []) == carried)
    }
    // unknownSetting is carried from the first segment: attributes are environment variables
    #expect(analysis.placement.firstSegment["unknownSetting"] == "unpack")
  }

  /// Scripts that name table attributes early, `passAsFile`, a script that may read anything,
  /// and late declarations: both planners carry the same attributes.
  @Test(arguments: [false, true])
  func scriptReferencesAndLateDeclarationsAgree(declareLate: Bool) async throws {
    let attributes = """
      { name = "references-1.0"; src = \(FixtureDerivations.fixturesPath)/src/plain-make;
        preConfigure = "echo $installFlags; cat $checkTargetPath"; checkTarget = "check";
        passAsFile = [ "checkTarget" ]; installFlags = "V=1"; preBuild = "eval \\"$buildExtra\\"";
        buildExtra = "true"; postPatch = "# mentions desktopItem only"; desktopItem = "x";
        installerScript = "y"; postInstall = "echo $installerScript $desktopItem"; doCheck = true;
        preHook = "distTarget=dist"; distTarget = "tarball"; }
      """
    let late = try LateAttributes.parse(
      declareLate ? ["installerScript", "desktopItem=check", "buildExtra=build"] : [])
    let derivation = try await FixtureDerivations.stdenvDerivation(attributes)
    let analysis = try SplitAnalysis(
      attributes: DerivationAttributes(derivation), table: try FixtureDerivations.table(),
      lateAttributes: late)
    let library = try await FixtureDerivations.libraryPlan(
      package: "pkgs.stdenv.mkDerivation (\(attributes))",
      boundaries: ["unpack", "configure", "build", "check"],
      lateAttributes: late)
    for segment in analysis.segmentPlan.segmentNames {
      let carried = Set(library["carried"]?[segment]?.arrayValue?.compactMap(\.stringValue) ?? [])
      let swiftCarried = Set(analysis.placement.attributesBySegment[segment] ?? [])
      #expect(
        swiftCarried == carried,
        "segment \(segment): Swift-only \(swiftCarried.subtracting(carried).sorted()), Nix-only \(carried.subtracting(swiftCarried).sorted())"
      )
    }
    let first = analysis.placement.firstSegment
    #expect(first["installFlags"] == "configure")
    #expect(first["checkTarget"] == "configure")
    #expect(first["distTarget"] == "unpack")
    #expect(first["postInstall"] == "build")  // preBuild's eval may read anything
    #expect(first["installerScript"] == (declareLate ? "build" : "unpack"))
    #expect(first["desktopItem"] == "unpack")  // postPatch names it, declared or not
    #expect(first["buildExtra"] == (declareLate ? "build" : "unpack"))
  }

  @Test func badLateDeclarationsAreRefusedByBothPlanners() async throws {
    let attributes = """
      { name = "late-1.0"; src = \(FixtureDerivations.fixturesPath)/src/plain-make; desktopItem = "x"; }
      """
    let derivation = try await FixtureDerivations.stdenvDerivation(attributes)
    for words in [["nosuch"], ["installFlags"], ["desktopItem=fixup"], ["configureFlags"]] {
      let late = try LateAttributes.parse(words)
      #expect(throws: PlanningError.self) {
        try SplitAnalysis(
          attributes: DerivationAttributes(derivation), table: try FixtureDerivations.table(),
          lateAttributes: late)
      }
      await #expect(throws: (any Error).self) {
        try await FixtureDerivations.libraryPlan(
          package: "pkgs.stdenv.mkDerivation (\(attributes) // { installFlags = \"\"; })",
          boundaries: ["build"], lateAttributes: late)
      }
    }
  }

  /// A derivation both planners must refuse for the same reason, or both accept.
  struct RefusalCase: Sendable, CustomTestStringConvertible {
    /// What the case changes, for the test's name.
    var label: String
    /// A Nix function from a plain stdenv package's `drvAttrs` to the derivation's attributes.
    var change: String
    /// The refusal both must give (nil: both plan it, with the same segments).
    var refusal: SplitRefusal?
    var testDescription: String { label }
  }

  static let refusalCases = [
    RefusalCase(label: "unchanged", change: "attrs: attrs", refusal: nil),
    RefusalCase(
      label: "buildCommand", change: "attrs: attrs // { buildCommand = \"touch $out\"; }",
      refusal: .replacesPhases(attribute: "buildCommand")),
    RefusalCase(
      label: "buildCommandPath and buildCommand",
      change: "attrs: attrs // { buildCommand = \"touch $out\"; buildCommandPath = \"/x.sh\"; }",
      refusal: .replacesPhases(attribute: "buildCommandPath")),
    RefusalCase(
      label: "no stdenv", change: "attrs: removeAttrs attrs [ \"stdenv\" ]",
      refusal: .missingAttribute("stdenv")),
    RefusalCase(
      label: "builder arguments of no stdenv shape",
      change: "attrs: attrs // { args = [ \"-c\" \"echo hi\" ]; }",
      refusal: .notDefaultBuilder(arguments: ["-c", "echo hi"])),
    RefusalCase(
      label: "builder arguments of no stdenv shape, without stdenv",
      change: "attrs: removeAttrs attrs [ \"stdenv\" ] // { args = [ \"-c\" \"echo hi\" ]; }",
      refusal: .notDefaultBuilder(arguments: ["-c", "echo hi"])),
    RefusalCase(
      label: "phases out of segment order",
      change: "attrs: attrs // { phases = \"configurePhase unpackPhase installPhase\"; }",
      refusal: .phasesOutOfOrder(phase: "unpackPhase", segment: "unpack")),
    RefusalCase(
      label: "an empty phases list (genericBuild's default list)",
      change: "attrs: attrs // { phases = \"\"; }",
      refusal: nil),
  ]

  /// Refusals: for each case both planners refuse with the same reason (the Nix library's
  /// message holds the Swift planner's text), or both accept and plan the same segments.
  @Test(arguments: refusalCases)
  func bothPlannersRefuseTheSameDerivations(_ refusalCase: RefusalCase) async throws {
    let package = """
      derivation ((\(refusalCase.change)) (pkgs.stdenv.mkDerivation {
        name = "refusal-1.0"; src = \(FixtureDerivations.fixturesPath)/src/plain-make; }).drvAttrs)
      """
    let derivation = try await FixtureDerivations.derivation(expression: package)
    var swiftRefusal: SplitRefusal?
    var swiftSegments: [String] = []
    let table = try FixtureDerivations.table()
    switch Result(catching: { () throws(PlanningError) in
      try SplitAnalysis(attributes: DerivationAttributes(derivation), table: table)
    }) {
    case .success(let analysis): swiftSegments = analysis.segmentPlan.segmentNames
    case .failure(.notSplittable(let refusal)): swiftRefusal = refusal
    case .failure(let error): throw error
    }
    #expect(swiftRefusal == refusalCase.refusal)

    var libraryError: String?
    var librarySegments: [String] = []
    do {
      let library = try await FixtureDerivations.libraryPlan(
        package: package, boundaries: Boundary.defaults.map(\.rawValue))
      librarySegments = library["segments"]?.arrayValue?.compactMap { $0["name"]?.stringValue } ?? []
    } catch let error as NixCommandError {
      libraryError = error.standardErrorTail.joined(separator: " ")
    }
    if let refusal = refusalCase.refusal {
      let message = try #require(libraryError, "the Nix library planned what the Swift planner refuses")
      #expect(message.contains("cannot split refusal-1.0: \(refusal.description)"), "\(message)")
    } else {
      #expect(libraryError == nil)
      #expect(!swiftSegments.isEmpty && librarySegments == swiftSegments)
    }
  }

  /// Unknown boundaries: both refuse a boundary that is not one (the final segment's name
  /// included), and accept every boundary of the contract.
  @Test func bothPlannersRefuseUnknownBoundaries() async throws {
    for name in ["install", "fixup", "nosuch"] {
      #expect(throws: PlanningError.unknownBoundary(name)) { try Boundary.parse([name]) }
      await #expect(throws: NixCommandError.self) {
        try await FixtureDerivations.libraryPlan(package: "pkgs.plainMake", boundaries: [name])
      }
    }
    let all = Boundary.defaults.map(\.rawValue)
    let library = try await FixtureDerivations.libraryPlan(package: "pkgs.plainMake", boundaries: all)
    #expect(library["segments"]?.arrayValue?.count == all.count + 1)
  }

  /// The runner settings the Swift side reads by name are attributes of the segments the Nix
  /// library writes (an incremental split for the incremental ones).
  @Test func runnerAttributeNamesAreTheOnesTheNixLibraryWrites() async throws {
    let expression = """
      let
        lib = import \(FixtureDerivations.nixLibraryPath) { phasesplit = "/unused"; };
        pkgs = import \(FixtureDerivations.fixturesPath) { };
        split = lib.splitPhases { } pkgs.plainMake;
        incremental = lib.splitPhases { incrementalFrom = split; } pkgs.plainMake;
        names = drv: builtins.attrNames drv.drvAttrs;
      in {
        final = names split;
        earlier = names split.segments.unpack;
        incremental = names incremental.segments.build;
        earlierName = split.segments.unpack.name;
      }
      """
    let written = try await FixtureDerivations.runner.evaluate(expression: expression)
    func names(_ key: String) -> Set<String> {
      Set(written[key]?.arrayValue?.compactMap(\.stringValue) ?? [])
    }
    typealias Attribute = SegmentContract.RunnerAttribute
    let everySegment = [
      Attribute.segment, Attribute.phases, Attribute.runPhases, Attribute.final, Attribute.previous,
      Attribute.attributes, Attribute.previousAttributes,
    ]
    for name in everySegment {
      #expect(names("final").contains(name) && names("earlier").contains(name), "\(name)")
    }
    #expect(
      names("incremental").isSuperset(of: [Attribute.incrementalBase, Attribute.incrementalBaseSource]))
    let plainMake = try await FixtureDerivations.fixture("plainMake")
    #expect(
      written["earlierName"]?.stringValue
        == SegmentContract.current.earlierSegmentName(packageName: plainMake.name, segment: "unpack"))
  }
}
