import Foundation
import NixInterface
import PhasesplitTestSupport
import Testing

@Suite struct NixSettingsTests {
  /// The fixtures' configuration parses (tests, demo and benchmarks opt into it).
  @Test func projectConfigurationParses() throws {
    let settings = try NixSettings(
      parsingConfiguration: TestPackage.nixConfiguration, origin: "fixtures/nix.conf")
    #expect(settings.value(of: "sandbox") == "true")
  }

  @Test func addsExperimentalFeaturesWithoutReplacing() {
    let added = NixSettings.machineConfiguration.addingExperimentalFeature("ca-derivations")
    #expect(added.configurationText == "extra-experimental-features = ca-derivations")
    #expect(added.addingExperimentalFeature("ca-derivations") == added)
    #expect(
      added.nixConfigValue(inheriting: "experimental-features = nix-command flakes")
        == "experimental-features = nix-command flakes\nextra-experimental-features = ca-derivations")
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

  @Test(.tags(.nix), .requiresNix) func settingsReachNix() async throws {
    let runner = NixRunner(
      settings: TestPackage.nixRunner.settings.setting("allowed-uris", to: "phasesplit-probe"))
    let value = try await runner.evaluate(expression: "builtins.getEnv \"NIX_CONFIG\"")
    #expect(value.stringValue?.contains("allowed-uris = phasesplit-probe") == true)
  }
}
