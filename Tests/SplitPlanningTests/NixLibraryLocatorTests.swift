import Foundation
import PhasesplitTestSupport
import SplitPlanning
import Testing

@Suite struct NixLibraryLocatorTests {
  private func temporaryDirectory() throws -> URL { try TemporaryDirectory.make("locator") }

  private func writeTable(_ json: String, in directory: URL) throws {
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    try Data(json.utf8).write(to: directory.appendingPathComponent("attribute-phases.json"))
  }

  @Test func environmentVariableWins() throws {
    let root = try temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: root) }
    try writeTable("{\"everywhere\":[\"name\"],\"phases\":{\"buildPhase\":[\"makeFlags\"]}}", in: root)
    let found = try NixLibraryLocator.locate(environment: ["PHASESPLIT_NIX_LIB": root.path], executable: nil)
    #expect(found.path == root.standardizedFileURL.path)
    #expect(
      try AttributePhaseTable.load(nixLibrary: found)
        == AttributePhaseTable(everywhere: ["name"], phases: ["buildPhase": ["makeFlags"]]))
  }

  @Test func checkoutAndInstalledLayoutsAreFoundNextToTheExecutable() throws {
    let root = try temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: root) }
    let checkoutLibrary = root.appendingPathComponent("checkout/nix-lib")
    try writeTable("{\"everywhere\":[],\"phases\":{}}", in: checkoutLibrary)
    let checkoutExecutable = root.appendingPathComponent("checkout/.build/release/phasesplit")
    let foundInCheckout = try NixLibraryLocator.locate(environment: [:], executable: checkoutExecutable)
    #expect(foundInCheckout.path == checkoutLibrary.path)

    let installedLibrary = root.appendingPathComponent("prefix/share/phasesplit/nix-lib")
    try writeTable("{\"everywhere\":[],\"phases\":{}}", in: installedLibrary)
    let installedExecutable = root.appendingPathComponent("prefix/bin/phasesplit")
    let foundInstalled = try NixLibraryLocator.locate(environment: [:], executable: installedExecutable)
    #expect(foundInstalled.path == installedLibrary.path)
  }

  @Test func missingLibraryErrorSaysHowToSetIt() throws {
    let root = try temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: root) }
    #expect {
      _ = try NixLibraryLocator.locate(
        environment: [:], executable: root.appendingPathComponent("bin/phasesplit"))
    } throws: { error in
      (error as? PlanningError)?.description.contains("PHASESPLIT_NIX_LIB") ?? false
    }
  }

  @Test func malformedTableIsReportedWithItsPath() throws {
    let root = try temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: root) }
    try writeTable("{\"everywhere\": 3}", in: root)
    #expect {
      _ = try AttributePhaseTable.load(nixLibrary: root)
    } throws: { error in
      guard case .attributeTableUnreadable(let path, _) = error as? PlanningError else { return false }
      return path.hasSuffix("attribute-phases.json")
    }
  }
}
