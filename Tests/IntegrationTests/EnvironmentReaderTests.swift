import Foundation
import PhasesplitTestSupport
import Testing

/// Acceptance: an attribute outside the shared table reaches every segment that could read it
/// through the environment (configure, make, a setup hook, a child shell, `printenv`,
/// `passAsFile`), and an attribute declared late rebuilds only from the segment named.
@Suite(
  "attributes reach every segment that could read them", .tags(.nix), .requiresNix, .timeLimit(.minutes(20)))
struct EnvironmentReaderTests {
  /// What `envReaders` installs for each attribute it reads through the environment.
  private static func expectedFiles(_ values: [String: String]) -> [String: String] {
    [
      "share/env-readers/notes.txt":
        "banner: \(values["BANNER"]!)\ncflags: \(values["CFLAGS"]!)\nlong text:\n\(values["longText"]!)",
      "share/env-readers/hook-note.txt": "note-hook: \(values["noteHookMessage"]!)\n",
      "share/env-readers/child.txt": "\(values["CHILD_NOTE"]!)\n",
      "share/env-readers/printenv.txt": "\(values["PRINTED_NOTE"]!)\n",
    ]
  }

  @Test("split equals unsplit, before and after editing each environment-read attribute")
  func environmentReadersSplitIdentically() throws {
    let harness = try NixHarness.make()
    defer { harness.cleanUp() }
    let marker = UUID().uuidString.lowercased().prefix(8)
    let edited: [String: String] = [
      "CFLAGS": "-O0 -DSTYLE=7", "BANNER": "edited banner \(marker)", "noteHookMessage": "edited hook note",
      "CHILD_NOTE": "edited child note", "PRINTED_NOTE": "edited printenv note",
      "longText": "edited file text",
    ]
    let overrides =
      "{ " + edited.sorted { $0.key < $1.key }.map { "\($0.key) = \"\($0.value)\";" }.joined(separator: " ")
      + " }"
    let original: [String: String] = [
      "CFLAGS": "-O1 -DSTYLE=2", "BANNER": "read from the environment",
      "noteHookMessage": "a setup hook read this", "CHILD_NOTE": "a child shell read this",
      "PRINTED_NOTE": "printenv read this", "longText": "passed as a file",
    ]
    for (request, values) in [
      (SplitRequest(fixture: "envReaders"), original),
      (SplitRequest(fixture: "envReaders", attributeOverrides: overrides), edited),
    ] {
      let (split, _, differences) = try harness.buildSplitAndUnsplit(request)
      #expect(differences.isEmpty, "\(differences)")
      let output = try #require(try harness.outputPaths(split)["out"])
      for (file, contents) in Self.expectedFiles(values) {
        #expect(try String(contentsOfFile: "\(output)/\(file)", encoding: .utf8) == contents, "\(file)")
      }
      let style = values["CFLAGS"]!.split(separator: "=").last!
      let run = try harness.runner.run("\(output)/bin/env-readers", [])
      #expect(run.standardOutput == "\(values["BANNER"]!) (style \(style))\n")
    }
  }

  @Test("an edit of an attribute declared late rebuilds only from the segment named")
  func lateDeclarationNarrowsTheRebuild() throws {
    let harness = try NixHarness.make()
    defer { harness.cleanUp() }
    func request(_ item: String, late: [(name: String, segment: String)]?) -> SplitRequest {
      SplitRequest(
        fixture: "plainMake",
        attributeOverrides:
          #"{ desktopItem = "\#(item)"; postInstall = "mkdir -p $out/share; echo $desktopItem > $out/share/item"; }"#,
        lateAttributes: late)
    }
    let names = ["unpack", "configure", "build", "check", "install"]
    func segments(_ request: SplitRequest) throws -> [String: String] {
      Dictionary(
        uniqueKeysWithValues: try names.map { ($0, try harness.instantiate("split.segments.\($0)", request)) }
      )
    }
    let marker = UUID().uuidString.lowercased()
    for (late, rebuilt) in [
      (nil, names), ([(name: "desktopItem", segment: "install")], ["install"]),
      ([(name: "desktopItem", segment: "build")], ["build", "check", "install"]),
    ] as [([(name: String, segment: String)]?, [String])] {
      let before = try segments(request("first", late: late))
      let after = try segments(request("edited \(marker)", late: late))
      let changed = names.filter { before[$0] != after[$0] }
      #expect(changed == rebuilt, "late: \(String(describing: late))")
    }
    // The declared-late build is still identical to unsplit.
    let lateRequest = request("edited \(marker)", late: [(name: "desktopItem", segment: "install")])
    let (split, _, differences) = try harness.buildSplitAndUnsplit(lateRequest)
    #expect(differences.isEmpty, "\(differences)")
  }
}
