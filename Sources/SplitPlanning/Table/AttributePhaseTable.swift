import Foundation

/// The shared attribute table `nix-lib/attribute-phases.json`: which attributes the code of each
/// standard phase reads, which attributes every segment needs, and which only the final segment
/// may carry.
///
/// The Nix library reads the same file, so both place table attributes identically. Entries of
/// `everywhere` and `finalOnly` are exact names or prefix patterns ending in `*` (`NIX_*`);
/// entries of `phases` are exact names. An attribute in no list is placed by script analysis
/// (see ``AttributePlacement``).
public struct AttributePhaseTable: Sendable, Equatable {
  /// Attributes every segment carries (`everywhere`), names or `prefix*` patterns.
  public var everywhere: [String]
  /// Attributes only the final segment carries (`finalOnly`: output checks, output hashes).
  public var finalOnly: [String]
  /// Attributes read by the code of each phase, by phase name (`phases`).
  public var phases: [String: Set<String>]

  /// Creates a table from its parts.
  public init(everywhere: [String], finalOnly: [String] = [], phases: [String: Set<String>]) {
    self.everywhere = everywhere
    self.finalOnly = finalOnly
    self.phases = phases
  }

  /// Whether every segment carries `attribute`.
  public func isEverywhere(_ attribute: String) -> Bool { Self.matches(everywhere, attribute) }

  /// Whether only the final segment carries `attribute`.
  public func isFinalOnly(_ attribute: String) -> Bool { Self.matches(finalOnly, attribute) }

  /// Whether `attribute` appears in any list of the table.
  public func lists(_ attribute: String) -> Bool {
    isEverywhere(attribute) || isFinalOnly(attribute) || phases.values.contains { $0.contains(attribute) }
  }

  /// Whether the code of `phase` reads `attribute` according to the table.
  public func phase(_ phase: String, reads attribute: String) -> Bool {
    phases[phase]?.contains(attribute) ?? false
  }

  /// Whether `name` matches an entry: equal to it, or starting with the part before a final `*`.
  static func matches(_ entries: [String], _ name: String) -> Bool {
    entries.contains { entry in
      entry.hasSuffix("*") ? name.hasPrefix(entry.dropLast()) : entry == name
    }
  }

  /// Parses the table's JSON (`{ "everywhere": [...], "finalOnly": [...], "phases": { … } }`).
  /// - Parameter origin: the file the data came from, for error messages.
  public init(json data: Data, origin: String) throws(PlanningError) {
    struct Layout: Decodable {
      var everywhere: [String]
      var finalOnly: [String]?
      var phases: [String: [String]]
    }
    let layout: Layout
    do {
      layout = try JSONDecoder().decode(Layout.self, from: data)
    } catch {
      throw .attributeTableUnreadable(path: origin, detail: "\(error)")
    }
    self.init(
      everywhere: layout.everywhere, finalOnly: layout.finalOnly ?? [],
      phases: layout.phases.mapValues { Set($0) })
  }

  /// Reads the table from `attribute-phases.json` in the given nix-lib directory.
  public static func load(nixLibrary: URL) throws(PlanningError) -> AttributePhaseTable {
    let file = nixLibrary.appendingPathComponent("attribute-phases.json")
    let data: Data
    do {
      data = try Data(contentsOf: file)
    } catch {
      throw .attributeTableUnreadable(path: file.path, detail: error.localizedDescription)
    }
    return try AttributePhaseTable(json: data, origin: file.path)
  }
}
