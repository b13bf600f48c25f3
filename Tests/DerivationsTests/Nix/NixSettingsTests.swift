import Foundation
import NixInterface
import Testing

@Suite struct NixSettingsTests {
  /// The built-in default must stay equal to the project's `fixtures/nix.conf`.
  @Test func defaultMatchesProjectConfiguration() throws {
    let packageRoot = URL(fileURLWithPath: #filePath)
      .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
      .deletingLastPathComponent()
    let path = packageRoot.appendingPathComponent("fixtures/nix.conf").path
    let text = try String(contentsOfFile: path, encoding: .utf8)
    #expect(try NixSettings(parsingConfiguration: text, origin: path) == NixSettings.projectDefault)
  }

  @Test func parsesCommentsAndBlankLines() throws {
    let settings = try NixSettings(
      parsingConfiguration: "# comment\n\n a = b c # trailing\nempty =\n", origin: "t")
    #expect(settings.options == [.init(name: "a", value: "b c"), .init(name: "empty", value: "")])
    #expect(settings.setting("a", to: "d").value(of: "a") == "d")
  }

  @Test func rejectsLinesWithoutEquals() {
    #expect(throws: NixSettingsError(origin: "t", line: 2, text: "oops")) {
      try NixSettings(parsingConfiguration: "a = b\noops\n", origin: "t")
    }
  }

  @Test func appendsToInheritedConfiguration() {
    let settings = NixSettings(options: [.init(name: "sandbox", value: "true")])
    #expect(settings.nixConfigValue(inheriting: "cores = 1") == "cores = 1\nsandbox = true")
    #expect(settings.nixConfigValue(inheriting: nil) == "sandbox = true")
    #expect(NixSettings.machineConfiguration.nixConfigValue(inheriting: nil) == nil)
  }

  @Test func settingsReachNix() async throws {
    let runner = NixRunner(
      settings: NixSettings.projectDefault.setting("allowed-uris", to: "phasesplit-probe"))
    let value = try await runner.evaluate(expression: "builtins.getEnv \"NIX_CONFIG\"")
    #expect(value.stringValue?.contains("allowed-uris = phasesplit-probe") == true)
  }
}
