import BuildSession
import Derivations
import Foundation
import PhasesplitTestSupport
import Testing

/// `.attrs.json` and `.attrs.sh` as `enter` writes them: checked by parsing the JSON back and by
/// sourcing the shell file in a real bash.
struct StructuredAttributeFilesTests {
  static let attributes = """
    {"zeta":"last","name":"demo-1.0","flags":["--a=b c","it's"],"settings":{"k 1":"v'1","n":3},
    "enabled":true,"disabled":false,"nothing":null,"count":42,"ratio":2.5,"nested":[["x"]],
    "mixed":{"list":["y"]},"bad-name":"skip","outputs":["out"]}
    """

  static func files() throws -> StructuredAttributeFiles {
    try StructuredAttributeFiles(
      attributes: JSONValue(parsing: attributes),
      outputs: ["out": "/nix/store/00000000000000000000000000000000-demo-1.0"])
  }

  /// Runs `script` in bash after sourcing `shell`, returning its standard output.
  static func bash(sourcing shell: String, _ script: String) throws -> String {
    let directory = try TemporaryDirectory.make("attrs").path
    defer { try? FileManager.default.removeItem(atPath: directory) }
    try shell.write(toFile: directory + "/.attrs.sh", atomically: true, encoding: .utf8)
    let run = try CommandRunner.plain.run(
      "/bin/bash",
      ["--noprofile", "--norc", "-c", "set -eu; source \"$1\"; " + script, "bash", directory + "/.attrs.sh"])
    try #require(run.succeeded, "bash failed on:\n\(shell)\n\(run.standardError)")
    return run.standardOutput
  }

  @Test func jsonHasTheOutputsAndSortedKeys() throws {
    let json = try JSONValue(parsing: Self.files().json)
    let keys = try #require(json.objectMembers).map(\.key)
    #expect(keys == keys.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) })
    #expect(json["outputs"]?["out"]?.stringValue == "/nix/store/00000000000000000000000000000000-demo-1.0")
    #expect(json["flags"]?.arrayValue?.count == 2)
    #expect(json["ratio"] == .number("2.5"))
  }

  @Test func shellDeclaresWhatBashCanHold() throws {
    let shell = try Self.files().shell
    let printed = try Self.bash(
      sourcing: shell,
      """
      printf '%s|' "${#flags[@]}" "${flags[0]}" "${flags[1]}" "${settings[k 1]}" "${settings[n]}" \
        "$enabled" "$disabled" "$nothing" "$count" "${outputs[out]}" "$name" "$zeta"
      for skipped in ratio nested mixed; do declare -p "$skipped" >/dev/null 2>&1 && printf '%s!' "$skipped"; done
      true
      """)
    #expect(
      printed
        == "2|--a=b c|it's|v'1|3|1|||42|/nix/store/00000000000000000000000000000000-demo-1.0|demo-1.0|last|")
    #expect(!shell.contains("bad-name"))
  }

  @Test func shellIsInNixKeyOrderAndArrayKinds() throws {
    let shell = try Self.files().shell
    let names = shell.split(separator: "\n").compactMap { line in
      line.split(separator: " ").first { !$0.hasPrefix("-") && $0 != "declare" }?.split(separator: "=").first
        .map(String.init)
    }
    #expect(names == names.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) })
    let kinds = try Self.bash(sourcing: shell, "declare -p flags settings outputs count | cut -d' ' -f2")
    #expect(kinds == "-a\n-A\n-A\n--\n")
  }

  /// A derivation that copies the `.attrs.sh` and `.attrs.json` Nix wrote for it to `$out`. The
  /// builder first sleeps: Nix kills builders that finish within moments now and then
  /// (NixOS/nix#2176, "failed due to signal 9"), and the test retries.
  static let copyingDerivation = #"""
    { salt }: derivation {
      name = "attrs-files-${salt}";
      system = builtins.currentSystem;
      builder = "/bin/bash";
      args = [ "-c" "/bin/sleep 0.5 && source .attrs.sh && /bin/mkdir \"\${outputs[out]}\" && /bin/cp .attrs.sh .attrs.json \"\${outputs[out]}/\"" ];
      __structuredAttrs = true;
      flags = [ "--a=b c" "it's" "" ];
      settings = { "k 1" = "v'1"; n = 3; on = true; };
      enabled = true;
      disabled = false;
      nothing = null;
      count = 42;
      ratio = 2.5;
      whole = 3.0;
      nested = [ [ "x" ] ];
      mixed = { list = [ "y" ]; };
      "bad-name" = "skip";
      text = "line one\nline \"two\" \t ü $HOME";
    }
    """#

  @Test(.tags(.nix), .requiresNix) func filesMatchTheOnesNixWrites() throws {
    let directory = try TemporaryDirectory.make("attrs").path
    defer { try? FileManager.default.removeItem(atPath: directory) }
    try Self.copyingDerivation.write(toFile: directory + "/attrs.nix", atomically: true, encoding: .utf8)
    let salt = ["--argstr", "salt", NixFixture.uniqueToken()]
    let instantiated = try CommandRunner.withNixSettings.run(
      "nix-instantiate", [directory + "/attrs.nix"] + salt)
    try #require(instantiated.status == 0, "\(instantiated.standardError)")
    let derivationPath = instantiated.standardOutput.trimmingCharacters(in: .whitespacesAndNewlines)
    let derivation = try Derivation.read(path: derivationPath)
    // Up to three attempts: under the load of the parallel suite Nix now and then kills this quick
    // builder as it exits (NixOS/nix#2176). A real failure of the script fails every attempt.
    var built = try CommandRunner.withNixSettings.run("nix-build", ["--no-out-link", derivationPath])
    for _ in 1...2 where built.status != 0 {
      built = try CommandRunner.withNixSettings.run("nix-build", ["--no-out-link", derivationPath])
    }
    try #require(built.status == 0, "\(built.standardError)")
    let out = built.standardOutput.trimmingCharacters(in: .whitespacesAndNewlines)

    let files = try StructuredAttributeFiles(
      attributes: try #require(derivation.structuredAttributes), outputs: ["out": out])
    #expect(files.shell == (try String(contentsOfFile: out + "/.attrs.sh", encoding: .utf8)))
    #expect(files.json == (try String(contentsOfFile: out + "/.attrs.json", encoding: .utf8)))
  }

  @Test func refusesNonObjects() {
    #expect(throws: BuildSessionError.self) {
      _ = try StructuredAttributeFiles(attributes: .array([]), outputs: [:])
    }
  }
}
