import Foundation
import PhasesplitTestSupport
import Testing

/// Acceptance for what today's nixpkgs stdenv does that a split must carry: hooks that edit
/// late attributes in early phases, values derived from `$out` at setup time, time- and
/// random-dependent globals, and custom builder scripts.
@Suite("today's stdenv contract across segments", .tags(.nix), .requiresNix, .timeLimit(.minutes(20)))
struct TodaysStdenvTests {
  /// Text unique to one test run, so that edited derivations are new to the store.
  private static func uniqueMarker() -> String {
    "phasesplit-test-\(UUID().uuidString.lowercased())"
  }

  @Test("a hook's prependToVar installFlags reaches the final segment; editing installFlags rebuilds only it")
  func installFlagsEditedByAHook() throws {
    let harness = try NixHarness.make()
    defer { harness.cleanUp() }
    let original = SplitRequest(fixture: "autotoolsMultiOutput")
    let first = try harness.buildSplitAndUnsplit(original)
    #expect(first.differences.isEmpty, "\(first.differences)")

    let marker = Self.uniqueMarker()
    let edited = SplitRequest(
      fixture: "autotoolsMultiOutput", attributeOverrides: #"{ installFlags = [ "V=\#(marker)" ]; }"#)
    let editedFinal = try harness.instantiate("split", edited)
    #expect(try harness.derivationsToBuild(editedFinal) == [editedFinal])
    let second = try harness.buildSplitAndUnsplit(edited)
    #expect(second.differences.isEmpty, "\(second.differences)")
    let dev = try #require(try harness.outputPaths(editedFinal)["dev"])
    let settings = try String(
      contentsOfFile: dev + "/lib/pkgconfig/shout-install-settings", encoding: .utf8)
    #expect(settings == "pkgconfigdir=\(dev)/lib/pkgconfig\naclocaldir=\(dev)/share/aclocal\nV=\(marker)\n")
  }

  /// A setup hook that appends to installFlags in preBuild, after the multiple-outputs hook
  /// prepended to it in preConfigure: `+=` on the string, or on the array under structured
  /// attributes, is replayed after the prepend onto the final segment's own installFlags.
  @Test("a later += on installFlags is replayed too, as a string and as an array", arguments: [false, true])
  func appendsAreReplayed(structured: Bool) throws {
    let harness = try NixHarness.make()
    defer { harness.cleanUp() }
    let append = structured ? "installFlags+=(V=3)" : #"installFlags+=" V=3""#
    let request = SplitRequest(
      fixture: "autotoolsMultiOutput",
      attributeOverrides: #"""
        { pname = "shout-appended-\#(structured ? "array" : "string")";
          __structuredAttrs = \#(structured);
          nativeBuildInputs = [ (builtins.toFile "append-hook.sh" ''
            preBuildHooks+=(appendInstallFlags)
            appendInstallFlags() { \#(append); }
          '') ]; }
        """#)
    let result = try harness.buildSplitAndUnsplit(request)
    #expect(result.differences.isEmpty, "\(result.differences)")
    let dev = try #require(try harness.outputPaths(result.split)["dev"])
    let settings = try String(contentsOfFile: dev + "/lib/pkgconfig/shout-install-settings", encoding: .utf8)
    #expect(settings.hasSuffix("V=3\n"), "\(settings)")
  }

  @Test("a change of a late attribute that is no prependToVar/appendToVar/+= fails loudly")
  func unreplayableChangeFails() throws {
    let harness = try NixHarness.make()
    defer { harness.cleanUp() }
    // A setup hook (not an attribute's text, so placement cannot see that it writes installFlags)
    // assigns installFlags in preConfigure, before the multiple-outputs hook prepends to it.
    let request = SplitRequest(
      fixture: "autotoolsMultiOutput",
      attributeOverrides: #"""
        { pname = "shout-reassigned";
          nativeBuildInputs = [ (builtins.toFile "reassign-hook.sh" ''
            preConfigureHooks+=(reassignInstallFlags)
            reassignInstallFlags() { installFlags=V=2; }
          '') ]; }
        """#)
    let split = try harness.realise(try harness.instantiate("split", request))
    #expect(!split.succeeded)
    #expect(
      split.standardError.contains("installFlags is an attribute of segment install"),
      "\(split.failureSummary)")
    #expect(split.standardError.contains("cannot be replayed"))
  }

  @Test(
    "compiles see the stand-in's seed early and the real one late; a recorded stand-in seed fails the build"
  )
  func randomSeedFromTheOutputPath() throws {
    let harness = try NixHarness.make()
    defer { harness.cleanUp() }
    // The phases after the move to the real paths (fixup) see the real output's seed; the
    // binary's run path is the real $out/lib.
    let recordSeed = #"""
      { pname = "shout-seed"; postFixup = "echo $NIX_CFLAGS_COMPILE | grep -o 'frandom-seed=[^ ]*' > $out/seed"; }
      """#
    let request = SplitRequest(fixture: "autotoolsMultiOutput", attributeOverrides: recordSeed)
    let split = try harness.instantiate("split", request)
    let build = try harness.realise(split)
    try #require(build.succeeded, Comment(rawValue: build.failureSummary))
    let out = try #require(try harness.outputPaths(split)["out"])
    let hash = OutputComparison.hashPart(out)
    let seed = try String(contentsOfFile: out + "/seed", encoding: .utf8)
    #expect(seed == "frandom-seed=\(hash.prefix(10))\n", "the final segment's phases see the real seed")
    let binary = try Data(contentsOf: URL(fileURLWithPath: out + "/bin/shout"))
    #expect(binary.range(of: Data("\(out)/lib".utf8)) != nil, "the run path is $out/lib")

    // gcc records its switches (.GCC.command.line here, DW_AT_producer in debug information) in
    // string tables whose layout follows their contents, so a record of the stand-in's seed cannot
    // be rewritten into the unsplit build's: the final segment fails, naming the way out.
    let recorded = SplitRequest(
      fixture: "plainMake",
      attributeOverrides: #"{ pname = "seed-recorded"; NIX_CFLAGS_COMPILE = "-frecord-gcc-switches"; }"#)
    let recordedBuild = try harness.realise(try harness.instantiate("split", recorded))
    #expect(!recordedBuild.succeeded)
    #expect(recordedBuild.standardError.contains("bin/plain-greet"), "\(recordedBuild.failureSummary)")
    #expect(recordedBuild.standardError.contains("NIX_OUTPATH_USED_AS_RANDOM_SEED"))

    // Any other piece of the stand-in's hash left in an output is found and reported.
    let leaked = SplitRequest(
      fixture: "plainMake",
      attributeOverrides: #"""
        { pname = "seed-leaked"; postInstall = "mkdir -p $out/share; echo \${out:11:10} > $out/share/prefix"; }
        """#)
    let failed = try harness.realise(try harness.instantiate("split", leaked))
    #expect(!failed.succeeded)
    #expect(failed.standardError.contains("/share/prefix"), "\(failed.failureSummary)")
    #expect(failed.standardError.contains("NIX_OUTPATH_USED_AS_RANDOM_SEED"))

    // With a seed that does not depend on $out, the compiler sees the unsplit seed: identical.
    let fixedSeed = SplitRequest(
      fixture: "plainMake",
      attributeOverrides: #"""
        { pname = "seed-fixed"; NIX_CFLAGS_COMPILE = "-frecord-gcc-switches";
          NIX_OUTPATH_USED_AS_RANDOM_SEED = "/nix/store/fixedseed0-anything"; }
        """#)
    let both = try harness.buildSplitAndUnsplit(fixedSeed)
    #expect(both.differences.isEmpty, "\(both.differences)")
    let fixedOut = try #require(try harness.outputPaths(both.split)["out"])
    let fixedBinary = try Data(contentsOf: URL(fileURLWithPath: fixedOut + "/bin/plain-greet"))
    #expect(fixedBinary.range(of: Data("-frandom-seed=fixedseed0".utf8)) != nil)
  }

  @Test("a custom builder script that calls genericBuild splits identically")
  func customBuilderScript() throws {
    let harness = try NixHarness.make()
    defer { harness.cleanUp() }
    let builder = #"""
      { pname = "custom-builder";
        builder = builtins.toFile "builder.sh" ''
          source $stdenv/setup
          builderGreeting="set before genericBuild"
          postInstall='mkdir -p $out/share; echo "$builderGreeting" > $out/share/greeting'
          genericBuild
          echo "after genericBuild" > $out/share/after
        '';
      }
      """#
    let result = try harness.buildSplitAndUnsplit(
      SplitRequest(fixture: "plainMake", attributeOverrides: builder))
    #expect(result.differences.isEmpty, "\(result.differences)")
    let out = try #require(try harness.outputPaths(result.split)["out"])
    #expect(try String(contentsOfFile: out + "/share/after", encoding: .utf8) == "after genericBuild\n")
    #expect(
      try String(contentsOfFile: out + "/share/greeting", encoding: .utf8) == "set before genericBuild\n")

    let noGenericBuild = SplitRequest(
      fixture: "plainMake",
      attributeOverrides: #"{ pname = "no-generic-build"; builder = builtins.toFile "b.sh" "mkdir $out"; }"#)
    let failed = try harness.realise(try harness.instantiate("split", noGenericBuild))
    #expect(!failed.succeeded)
    #expect(failed.standardError.contains("without calling genericBuild"), "\(failed.failureSummary)")
  }

  /// Serial builds whose build trees are reproducible. (hello's configure leaves config.log with
  /// gcc's random temporary file names, so its trees, not only its segments, differ between builds.)
  /// A rebuild of each earlier segment must give the same archive; where `nix-store --check` still
  /// finds one different, the difference may only be the archive's mtime ranks (files written in
  /// the same file-system clock tick in one build and not in the other: the archive engine's side,
  /// issue 12): `state.sh`, `segment.json` and every archived file's contents must be equal.
  @Test(
    "every earlier segment of a serial build is reproducible (nix-store --check)",
    arguments: ["autotoolsMultiOutput", "plainMake", "multiOutput", "customPhases"])
  func earlierSegmentsAreReproducible(fixture: String) throws {
    let harness = try NixHarness.make()
    defer { harness.cleanUp() }
    let request = SplitRequest(fixture: fixture)
    let build = try harness.realise(try harness.instantiate("split", request))
    try #require(build.succeeded, Comment(rawValue: build.failureSummary))
    let namesResult = try harness.evaluateJSON("split.segmentNames", request)
    let names = try JSONDecoder().decode([String].self, from: Data(namesResult.standardOutput.utf8))
    #expect(names.count > 2)
    for name in names.dropLast() {
      let segment = try harness.instantiate("split.segments.\(name)", request)
      let archive = try #require(try harness.outputPaths(segment)["out"])
      let rebuilt = archive + ".check"
      defer { try? FileManager.default.removeItem(atPath: rebuilt) }
      let check = try harness.nix("nix-store", ["--realise", "--check", "--keep-failed", segment])
      if check.succeeded { continue }
      try #require(
        FileManager.default.fileExists(atPath: rebuilt), "segment \(name): \(check.failureSummary)")
      for file in ["state.sh", "segment.json"] {
        #expect(
          FileManager.default.contentsEqual(atPath: "\(archive)/\(file)", andPath: "\(rebuilt)/\(file)"),
          "segment \(name): \(file) differs between two builds")
      }
      let archives = try FileManager.default.contentsOfDirectory(atPath: archive).filter {
        $0.hasSuffix(".pst")
      }
      for file in archives.sorted() {
        let first = try Self.unpacked(harness, "\(archive)/\(file)")
        let second = try Self.unpacked(harness, "\(rebuilt)/\(file)")
        defer {
          try? FileManager.default.removeItem(atPath: first)
          try? FileManager.default.removeItem(atPath: second)
        }
        #expect(
          FileManager.default.contentsEqual(atPath: first, andPath: second),
          "segment \(name): the files of \(file) differ between two builds")
      }
    }
  }

  /// Unpacks a segment archive into a new directory under the harness's scratch directory.
  private static func unpacked(_ harness: NixHarness, _ archive: String) throws -> String {
    let directory = harness.scratch.appendingPathComponent("unpacked-\(UUID().uuidString)").path
    try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
    let result = try harness.runner.run(harness.tool.path, ["unpack", archive, "-C", directory])
    try #require(result.succeeded, Comment(rawValue: result.failureSummary))
    return directory
  }
}
