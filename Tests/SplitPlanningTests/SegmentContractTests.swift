import Foundation
import PhasesplitTestSupport
import SplitPlanning
import Testing

/// The contract file `nix-lib/segment-contract.json`: the copy this phasesplit embeds is the
/// checkout's file, a nix-lib with another one is refused, and a file that misses a phase or
/// boundary does not load.
@Suite struct SegmentContractTests {
  static let nixLibrary = TestPackage.nixLibrary

  @Test func theEmbeddedContractIsTheNixLibrarysFile() throws {
    #expect(SegmentContract.matches(nixLibrary: Self.nixLibrary))
    let file = Self.nixLibrary.appendingPathComponent(SegmentContract.fileName)
    let loaded = try SegmentContract(json: try Data(contentsOf: file), origin: file.path)
    #expect(loaded == SegmentContract.current)
    #expect(Boundary.defaults == Boundary.allCases)
    #expect(StandardPhase.allCases.map(\.rank) == Array(0..<StandardPhase.allCases.count))
  }

  @Test func aNixLibraryWithAnotherContractIsNotTheOneBuiltWith() throws {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent(
      "contract-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: directory) }
    #expect(!SegmentContract.matches(nixLibrary: directory))
    let text = try String(
      contentsOf: Self.nixLibrary.appendingPathComponent(SegmentContract.fileName), encoding: .utf8)
    try Data(text.replacingOccurrences(of: "\"-seg-\"", with: "\"-part-\"").utf8)
      .write(to: directory.appendingPathComponent(SegmentContract.fileName))
    #expect(!SegmentContract.matches(nixLibrary: directory))
  }

  @Test func aContractWithoutEveryPhaseAndBoundaryIsRefused() throws {
    let file = Self.nixLibrary.appendingPathComponent(SegmentContract.fileName)
    let document = try #require(
      try JSONSerialization.jsonObject(with: try Data(contentsOf: file)) as? [String: Any])
    for (key, change) in [
      ("standardPhases", { (list: [Any]) in Array(list.dropLast()) }),
      ("boundaries", { (list: [Any]) in Array(list.reversed()) }),
    ] {
      var changed = document
      changed[key] = change(try #require(document[key] as? [Any]))
      let data = try JSONSerialization.data(withJSONObject: changed)
      #expect(throws: PlanningError.self, "\(key)") { try SegmentContract(json: data, origin: "test") }
    }
  }
}
