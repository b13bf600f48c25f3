import Foundation

/// The phase/segment contract, `nix-lib/segment-contract.json`, and the names the Swift side
/// shares with the Nix library and the runner.
///
/// The file is the one statement of: the standard phases in order with their static skip
/// flags and hooks, the default phase list (where the custom phase lists go and what they
/// anchor to), the boundaries and the phase each ends after, the final segment's name, the
/// infix of earlier segments' names, which derivations are refused, and where the final
/// segment runs phasesplit's own phases. The Nix library reads it (`builtins.fromJSON`); this
/// module embeds the same file at build time (a SwiftPM `embedInCode` resource: the link
/// `Sources/SplitPlanning/Contract/segment-contract.json`), so every command that inspects a
/// segment chain has it without locating nix-lib, and ``PackageSplitter`` refuses a nix-lib whose
/// file differs (``matches(nixLibrary:)``). ``StandardPhase`` and ``Boundary`` are the typed
/// names of the file's phases and boundaries; decoding fails unless the file lists each exactly
/// once.
public struct SegmentContract: Sendable, Equatable {
  /// A standard phase's entry: the flag that skips it and its scripts.
  public struct PhaseRule: Sendable, Equatable, Decodable {
    /// The phase.
    public var phase: StandardPhase
    /// The attribute whose truthiness decides whether the phase runs (stdenv's `runPhase`).
    public var flag: String
    /// Whether the phase runs only when ``flag`` is set (`doCheck`) rather than being skipped
    /// when it is set (`dontBuild`).
    public var runsWhenFlagSet: Bool
    /// The hook attributes run at the start and end of the phase (`preBuild`, `postBuild`).
    public var hooks: [String]
    /// Further script attributes the phase runs (`unpackCmd`, `setSourceRoot`), which the
    /// attribute placement rule reads as the phase's scripts.
    public var otherScripts: [String]
  }

  /// An item of the default phase list: a standard phase, or a custom phase list attribute
  /// (`preConfigurePhases`) whose phases anchor to a standard phase.
  public enum DefaultPhaseItem: Sendable, Equatable, Decodable {
    /// A standard phase.
    case standard(StandardPhase)
    /// The phases named by attribute `list`, each anchored to `anchor`.
    case list(String, anchor: StandardPhase)

    private enum Keys: String, CodingKey { case phase, list, anchor }

    public init(from decoder: any Decoder) throws {
      let container = try decoder.container(keyedBy: Keys.self)
      if let phase = try container.decodeIfPresent(StandardPhase.self, forKey: .phase) {
        self = .standard(phase)
      } else {
        self = .list(
          try container.decode(String.self, forKey: .list),
          anchor: try container.decode(StandardPhase.self, forKey: .anchor))
      }
    }
  }

  /// A boundary and the standard phase after which it cuts.
  public struct BoundaryRule: Sendable, Equatable, Decodable {
    /// The boundary (the name of the segment that ends there).
    public var name: Boundary
    /// The standard phase after which the cut is made.
    public var endsAfter: StandardPhase
  }

  /// Which derivations are refused.
  public struct Refusals: Sendable, Equatable, Decodable {
    /// Attributes that replace the whole phase machinery (`buildCommandPath`, `buildCommand`), in
    /// the order they are checked.
    public var replacingAttributes: [String]
    /// Attributes a splittable derivation must have (`stdenv`: its setup is sourced).
    public var requiredAttributes: [String]
  }

  /// Where the final segment runs phasesplit's own phases.
  public struct FinalSegmentRun: Sendable, Equatable, Decodable {
    /// The phase that moves the outputs from their stand-ins to the real paths.
    public var relocatePhase: String
    /// The standard phase it runs before (at the end when the segment does not have it).
    public var relocateBefore: StandardPhase
    /// Phases run after the last one (the stand-in scan).
    public var lastPhases: [String]
  }

  /// The standard phases in `genericBuild`'s default order.
  public var standardPhases: [PhaseRule]
  /// The default phase list.
  public var defaultPhases: [DefaultPhaseItem]
  /// Script attributes every segment runs (`preHook`, `postHook`).
  public var everySegmentScripts: [String]
  /// The boundaries in phase order (all of them are the default).
  public var boundaries: [BoundaryRule]
  /// The name of the final segment, which holds install and every later phase.
  public var finalSegment: String
  /// What joins a package's name and an earlier segment's name (`hello-2.10-seg-configure`).
  public var earlierSegmentInfix: String
  /// Which derivations are refused.
  public var refusals: Refusals
  /// Where the final segment runs phasesplit's own phases.
  public var finalSegmentRun: FinalSegmentRun

  /// The contract file's name in nix-lib.
  public static let fileName = "segment-contract.json"

  /// The contract this phasesplit was built with.
  public static let current: SegmentContract = {
    do {
      return try SegmentContract(json: Data(PackageResources.segment_contract_json), origin: fileName)
    } catch {
      preconditionFailure("the embedded \(fileName) is invalid: \(error)")
    }
  }()

  /// Parses and checks the contract's JSON.
  /// - Parameter origin: the file the data came from, for error messages.
  /// - Throws: ``PlanningError/contractUnreadable(path:detail:)`` when it does not parse, or does
  ///   not list every standard phase and boundary exactly once, boundaries in phase order.
  public init(json data: Data, origin: String) throws(PlanningError) {
    struct Layout: Decodable {
      var standardPhases: [PhaseRule]
      var defaultPhases: [DefaultPhaseItem]
      var everySegmentScripts: [String]
      var boundaries: [BoundaryRule]
      var finalSegment: String
      var earlierSegmentInfix: String
      var refusals: Refusals
      var finalSegmentRun: FinalSegmentRun
    }
    let layout: Layout
    do {
      layout = try JSONDecoder().decode(Layout.self, from: data)
    } catch {
      throw .contractUnreadable(path: origin, detail: "\(error)")
    }
    guard Set(layout.standardPhases.map(\.phase)).count == StandardPhase.allCases.count,
      layout.standardPhases.count == StandardPhase.allCases.count
    else {
      throw .contractUnreadable(path: origin, detail: "standardPhases must list each standard phase once")
    }
    let ranks = Dictionary(uniqueKeysWithValues: layout.standardPhases.enumerated().map { ($1.phase, $0) })
    let cuts = layout.boundaries.map { ranks[$0.endsAfter] ?? 0 }
    guard Set(layout.boundaries.map(\.name)).count == Boundary.allCases.count,
      layout.boundaries.count == Boundary.allCases.count, cuts == cuts.sorted(), Set(cuts).count == cuts.count
    else {
      throw .contractUnreadable(
        path: origin,
        detail: "boundaries must list each boundary once, in the order of the phases they end after")
    }
    standardPhases = layout.standardPhases
    defaultPhases = layout.defaultPhases
    everySegmentScripts = layout.everySegmentScripts
    boundaries = layout.boundaries
    finalSegment = layout.finalSegment
    earlierSegmentInfix = layout.earlierSegmentInfix
    refusals = layout.refusals
    finalSegmentRun = layout.finalSegmentRun
  }

  /// The entry of `phase`.
  public func rule(for phase: StandardPhase) -> PhaseRule {
    standardPhases.first { $0.phase == phase } ?? standardPhases[0]
  }

  /// The phase's place in the default order (the first standard phase is 0).
  public func rank(of phase: StandardPhase) -> Int {
    standardPhases.firstIndex { $0.phase == phase } ?? 0
  }

  /// The standard phase after which `boundary` cuts.
  public func endsAfter(_ boundary: Boundary) -> StandardPhase {
    boundaries.first { $0.name == boundary }?.endsAfter ?? .unpackPhase
  }

  /// The custom phase list attributes of the default list, in list order.
  public var phaseListAttributes: [String] {
    defaultPhases.compactMap { item in
      if case .list(let name, _) = item { return name }
      return nil
    }
  }

  /// The derivation name of an earlier segment `segment` of a package called `packageName`.
  public func earlierSegmentName(packageName: String, segment: String) -> String {
    packageName + earlierSegmentInfix + segment
  }

  /// Whether the contract file in the nix-lib directory `nixLibrary` is the one this phasesplit
  /// was built with (a nix-lib of another version plans differently).
  public static func matches(nixLibrary: URL) -> Bool {
    let file = nixLibrary.appendingPathComponent(fileName)
    guard let data = try? Data(contentsOf: file) else { return false }
    return data == Data(PackageResources.segment_contract_json)
  }
}
