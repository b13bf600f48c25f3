import Foundation
import PhasesplitTestSupport
import Testing

/// Acceptance (issue 14): an incremental build (`splitPhases { incrementalFrom = base; }`) of a
/// changed source compiles exactly what the change affects, and its outputs are identical to a
/// clean split build of the same source. Each case builds `base` (the fixture before the edit),
/// `split` (the clean split build after it) and `incremental`, and counts the compiler lines in
/// the incremental build segment's log.
@Suite(
  "incremental builds rebuild what the source change affects", .tags(.nix), .requiresNix,
  .timeLimit(.minutes(20)))
struct IncrementalSourceTests {
  /// Shell text unique to one test, so the edited derivations are new to the store.
  private static func marker() -> String {
    "m" + UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "").prefix(12)
  }

  /// plain-make's Makefile with its objects taken from the *.c files present (so adding or
  /// deleting a file needs no Makefile edit).
  private static let wildcardMakefile =
    #"sed -i 's/^OBJECTS = .*/OBJECTS = $(patsubst %.c,%.o,$(sort $(wildcard *.c)))/' Makefile"#

  struct Outcome {
    let report: [String: Any]
    let log: String
    let compiled: [String]
  }

  /// Builds base, the clean split and the incremental build; checks outputs are identical and
  /// returns the incremental segment's report and compiler lines.
  private func buildAndCompare(_ request: SplitRequest) throws -> Outcome {
    let harness = try NixHarness.make()
    defer { harness.cleanUp() }
    let base = try harness.instantiate("base", request)
    let clean = try harness.instantiate("split", request)
    let incremental = try harness.instantiate("incremental", request)
    #expect(incremental != clean)
    for derivation in [base, clean, incremental] {
      let build = try harness.realise(derivation)
      try #require(build.succeeded, Comment(rawValue: build.failureSummary))
    }
    let segment = try harness.instantiate("incremental.segments.build", request)
    #expect(segment.hasSuffix("-incremental-seg-build.drv"))
    let differences = try OutputComparison.differences(
      split: harness.outputPaths(incremental), unsplit: harness.outputPaths(clean), harness: harness)
    #expect(differences.isEmpty, "\(differences)")
    let archive = try #require(try harness.outputPaths(segment)["out"])
    let reportData = try Data(contentsOf: URL(fileURLWithPath: archive + "/incremental.json"))
    let report = try #require(try JSONSerialization.jsonObject(with: reportData) as? [String: Any])
    let log = try harness.buildLog(segment)
    return Outcome(report: report, log: log, compiled: BuildLog.compilerInvocations(in: log))
  }

  private static func compiles(_ lines: [String]) -> [String] { lines.filter { $0.contains(" -c ") } }

  @Test("make: one changed .c file compiles that file and links")
  func makeOneFileChange() throws {
    let mark = Self.marker()
    let outcome = try buildAndCompare(
      SplitRequest(
        fixture: "plainMake",
        attributeOverrides: #"{ postPatch = "echo '/* \#(mark) */' >> main.c"; }"#))
    #expect(outcome.report["mode"] as? String == "incremental")
    #expect(outcome.report["changed"] as? [String] == ["plain-make/main.c"])
    #expect(Self.compiles(outcome.compiled).count == 1, "\(outcome.compiled)")
    #expect(outcome.compiled.count == 2, "\(outcome.compiled)")
  }

  @Test("make: a changed header recompiles every unit that includes it, nothing else")
  func makeHeaderChange() throws {
    let mark = Self.marker()
    let outcome = try buildAndCompare(
      SplitRequest(
        fixture: "plainMake",
        attributeOverrides: #"{ postPatch = "echo '/* \#(mark) */' >> greet.h"; }"#))
    #expect(outcome.report["changed"] as? [String] == ["plain-make/greet.h"])
    #expect(Self.compiles(outcome.compiled).count == 2, "\(outcome.compiled)")
    #expect(outcome.compiled.count == 3, "\(outcome.compiled)")
  }

  @Test("make: an added source file compiles that file and links")
  func makeFileAdded() throws {
    let mark = Self.marker()
    let added = #"printf 'int \#(mark)(void) { return 1; }\n' > extra.c"#
    let outcome = try buildAndCompare(
      SplitRequest(
        fixture: "plainMake",
        attributeOverrides: #"{ postPatch = "\#(Self.wildcardMakefile); \#(added)"; }"#,
        baseOverrides: #"{ postPatch = "\#(Self.wildcardMakefile)"; }"#))
    #expect(outcome.report["mode"] as? String == "incremental")
    #expect(outcome.report["added"] as? [String] == ["plain-make/extra.c"])
    #expect(Self.compiles(outcome.compiled).count == 1, "\(outcome.compiled)")
    #expect(outcome.compiled.count == 2, "\(outcome.compiled)")
  }

  @Test("make: a deleted source file relinks without it and compiles nothing (make -t finds its dependents)")
  func makeFileDeleted() throws {
    let mark = Self.marker()
    let added = #"printf 'int \#(mark)(void) { return 1; }\n' > extra.c"#
    let outcome = try buildAndCompare(
      SplitRequest(
        fixture: "plainMake",
        attributeOverrides: #"{ postPatch = "\#(Self.wildcardMakefile)"; }"#,
        baseOverrides: #"{ postPatch = "\#(Self.wildcardMakefile); \#(added)"; }"#))
    #expect(outcome.report["mode"] as? String == "incremental")
    #expect(outcome.report["deleted"] as? [String] == ["plain-make/extra.c"])
    #expect(outcome.report["deletionsSettledBy"] as? String == "make -t")
    #expect(Self.compiles(outcome.compiled).isEmpty, "\(outcome.compiled)")
    #expect(
      outcome.compiled.count == 1 && outcome.compiled[0].contains("-o plain-greet"), "\(outcome.compiled)")
  }

  @Test("autotools (recursive make): a deleted file and a changed .c compile that file and link")
  func autotoolsFileDeletedAndChanged() throws {
    let mark = Self.marker()
    let outcome = try buildAndCompare(
      SplitRequest(
        fixture: "hello",
        attributeOverrides: #"{ postPatch = "rm TODO; echo '/* \#(mark) */' >> src/hello.c"; }"#))
    #expect(outcome.report["mode"] as? String == "incremental")
    #expect(outcome.report["deleted"] as? [String] == ["hello-2.10/TODO"])
    #expect(outcome.report["changed"] as? [String] == ["hello-2.10/src/hello.c"])
    let compiles = Self.compiles(outcome.compiled)
    #expect(compiles.count == 1 && compiles[0].contains("src/hello.c"), "\(outcome.compiled)")
    #expect(outcome.compiled.count == 2, "\(outcome.compiled)")
  }

  @Test("make: a deleted file with a custom build phase, or a changed Makefile, builds from the new source")
  func makeFallbacksBuildClean() throws {
    let mark = Self.marker()
    let added = #"printf 'int \#(mark)(void) { return 1; }\n' > extra.c"#
    let customBuild = #"buildPhase = "make -j1 SHELL=$SHELL"; "#
    let deleted = try buildAndCompare(
      SplitRequest(
        fixture: "plainMake",
        attributeOverrides: #"{ \#(customBuild)postPatch = "\#(Self.wildcardMakefile)"; }"#,
        baseOverrides: #"{ \#(customBuild)postPatch = "\#(Self.wildcardMakefile); \#(added)"; }"#))
    #expect(deleted.report["mode"] as? String == "clean")
    #expect((deleted.report["reason"] as? String)?.contains("buildPhase") == true, "\(deleted.report)")
    #expect(Self.compiles(deleted.compiled).count == 2, "\(deleted.compiled)")

    let makefile = try buildAndCompare(
      SplitRequest(
        fixture: "plainMake",
        attributeOverrides: #"{ postPatch = "sed -i 's/-Wextra/-Wextra -DMARK_\#(mark)/' Makefile"; }"#))
    #expect(makefile.report["mode"] as? String == "clean")
    #expect(makefile.report["changed"] as? [String] == ["plain-make/Makefile"])
    #expect(Self.compiles(makefile.compiled).count == 2, "\(makefile.compiled)")
  }

  @Test("ninja: one changed file compiles it and links; a changed header its includers")
  func ninjaOneFileAndHeaderChange() throws {
    let mark = Self.marker()
    let oneFile = try buildAndCompare(
      SplitRequest(
        fixture: "mesonProject",
        attributeOverrides: #"{ postPatch = "echo '/* \#(mark) */' >> rot13.c"; }"#))
    #expect(oneFile.report["mode"] as? String == "incremental")
    #expect(oneFile.report["changed"] as? [String] == ["meson-project/rot13.c"])
    #expect(oneFile.compiled.filter { $0.contains("Compiling C object") }.count == 1, "\(oneFile.compiled)")
    #expect(oneFile.compiled.filter { $0.contains("Linking target") }.count == 1, "\(oneFile.compiled)")

    let header = try buildAndCompare(
      SplitRequest(
        fixture: "mesonProject",
        attributeOverrides: #"{ postPatch = "echo '/* \#(mark) */' >> rot13.h"; }"#))
    #expect(header.compiled.filter { $0.contains("Compiling C object") }.count == 2, "\(header.compiled)")
  }

  @Test("ninja: a changed meson.build regenerates through ninja and stays identical to a clean build")
  func ninjaBuildDescriptionChange() throws {
    let mark = Self.marker()
    let outcome = try buildAndCompare(
      SplitRequest(
        fixture: "mesonProject",
        attributeOverrides:
          #"{ postPatch = "sed -i \"s/'rot13.c', 'main.c',/'rot13.c', 'main.c', c_args : '-DMARK_\#(mark)',/\" meson.build"; }"#
      ))
    #expect(outcome.report["mode"] as? String == "incremental")
    #expect(outcome.report["changed"] as? [String] == ["meson-project/meson.build"])
    // the new flag changes both compile commands, which ninja notices
    #expect(outcome.compiled.filter { $0.contains("Compiling C object") }.count == 2, "\(outcome.compiled)")
  }

  @Test("cmake + ninja: one changed file compiles it and links; a changed CMakeLists.txt reconfigures")
  func cmakeNinjaChanges() throws {
    let mark = Self.marker()
    let oneFile = try buildAndCompare(
      SplitRequest(
        fixture: "cmakeNinjaProject",
        attributeOverrides: #"{ postPatch = "echo '/* \#(mark) */' >> src/main.c"; }"#))
    #expect(oneFile.report["mode"] as? String == "incremental")
    #expect(oneFile.report["changed"] as? [String] == ["cmake-project/src/main.c"])
    let compiled = oneFile.compiled.filter { $0.contains("Building C object") }
    #expect(compiled.count == 1 && compiled[0].contains("main.c"), "\(oneFile.compiled)")
    #expect(oneFile.compiled.filter { $0.contains("Linking C") }.count == 1, "\(oneFile.compiled)")
    #expect(oneFile.compiled.count == 2, "\(oneFile.compiled)")

    let described = try buildAndCompare(
      SplitRequest(
        fixture: "cmakeNinjaProject",
        attributeOverrides:
          #"{ postPatch = "echo 'target_compile_definitions(wordstat-tool PRIVATE MARK_\#(mark))' >> CMakeLists.txt"; }"#
      ))
    #expect(described.report["mode"] as? String == "incremental")
    #expect(described.report["changed"] as? [String] == ["cmake-project/CMakeLists.txt"])
    #expect(described.log.contains("Re-running CMake"), "CMake did not rerun")
    // the new definition changes main.c's compile command only
    let recompiled = described.compiled.filter { $0.contains("Building C object") }
    #expect(recompiled.count == 1 && recompiled[0].contains("main.c"), "\(described.compiled)")
    #expect(described.compiled.filter { $0.contains("Linking C") }.count == 1, "\(described.compiled)")
  }

  @Test("changed attributes other than the source configure and build from scratch")
  func changedAttributesBuildClean() throws {
    let mark = Self.marker()
    let outcome = try buildAndCompare(
      SplitRequest(
        fixture: "plainMake",
        attributeOverrides: #"{ makeFlags = [ "PREFIX=$(out)" "GREETING=\#(mark)" ]; }"#))
    #expect(outcome.report["mode"] as? String == "clean")
    #expect(Self.compiles(outcome.compiled).count == 2, "\(outcome.compiled)")
  }
}
