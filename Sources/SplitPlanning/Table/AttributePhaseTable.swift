import Foundation

/// The shared attribute table `nix-lib/attribute-phases.json`: which attributes the code of each
/// standard phase reads, and which attributes every segment needs.
///
/// The Nix library reads the same file, so both place table attributes identically. An
/// attribute in no list is placed by script analysis (see ``AttributePlacement``).
public struct AttributePhaseTable: Sendable, Equatable {
  /// Attributes every segment carries (`everywhere`).
  public var everywhere: Set<String>
  /// Attributes read by the code of each phase, by phase name (`phases`).
  public var phases: [String: Set<String>]

  /// Creates a table from its two parts.
  public init(everywhere: Set<String>, phases: [String: Set<String>]) {
    self.everywhere = everywhere
    self.phases = phases
  }

  /// Whether `attribute` appears in any list of the table.
  public func lists(_ attribute: String) -> Bool {
    everywhere.contains(attribute) || phases.values.contains { $0.contains(attribute) }
  }

  /// Parses the table's JSON (`{ "everywhere": [...], "phases": { "unpackPhase": [...], … } }`).
  /// - Parameter origin: the file the data came from, for error messages.
  public init(json data: Data, origin: String) throws(PlanningError) {
    struct Layout: Decodable {
      var everywhere: [String]
      var phases: [String: [String]]
    }
    let layout: Layout
    do {
      layout = try JSONDecoder().decode(Layout.self, from: data)
    } catch {
      throw .attributeTableUnreadable(path: origin, detail: "\(error)")
    }
    self.init(everywhere: Set(layout.everywhere), phases: layout.phases.mapValues { Set($0) })
  }

  /// Reads the table from `nix-lib/attribute-phases.json` in the given nix-lib directory.
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
