import Derivations
import Testing

@testable import BuildSession

@Suite struct SegmentComparisonTests {
  /// A two-segment chain `demo-1-seg-unpack` → `demo-1` whose derivations differ by `tag`.
  static func graph(unpackTag: String, finalTag: String, postInstall: String) -> (
    SegmentChain, [String: Derivation]
  ) {
    let unpackPath = "/nix/store/\(String(repeating: unpackTag, count: 32))-demo-1-seg-unpack.drv"
    let unpackOut = "/nix/store/\(String(repeating: unpackTag, count: 32))-demo-1-seg-unpack"
    let finalPath = "/nix/store/\(String(repeating: finalTag, count: 32))-demo-1.drv"
    let unpack = SegmentChainReaderTests.derivation(
      outputs: ["out": unpackOut], inputs: [],
      environment: [
        ("name", "demo-1-seg-unpack"), ("out", unpackOut), ("src", "/nix/store/src-\(unpackTag)"),
      ])
    let final = SegmentChainReaderTests.derivation(
      outputs: ["out": "/nix/store/out-\(finalTag)"], inputs: [unpackPath],
      environment: [
        ("name", "demo-1"), ("out", "/nix/store/out-\(finalTag)"), ("phasesplitPrevious", unpackOut),
        ("postInstall", postInstall),
      ])
    let graph = [unpackPath: unpack, finalPath: final]
    let chain = try! SegmentChainReader.chain(finalPath: finalPath, graph: graph)
    return (chain, graph)
  }

  @Test func onlyTheEditedAttributeIsNamed() {
    let old = Self.graph(unpackTag: "a", finalTag: "b", postInstall: "echo one")
    let new = Self.graph(unpackTag: "a", finalTag: "c", postInstall: "echo two")
    let explanations = SegmentComparison(current: new, older: old).explain()
    #expect(explanations.map(\.isReused) == [true, false])
    #expect(
      explanations[1].reasons == [.attributeChanged(name: "postInstall", old: "echo one", new: "echo two")])
  }

  @Test func inputSegmentChangesAreAttributedToTheInput() {
    let old = Self.graph(unpackTag: "a", finalTag: "b", postInstall: "echo one")
    let new = Self.graph(unpackTag: "d", finalTag: "c", postInstall: "echo one")
    let explanations = SegmentComparison(current: new, older: old).explain()
    #expect(explanations[0].reasons.map(\.subject) == ["src"])
    #expect(explanations[1].reasons == [.inputSegmentRebuilt(segment: "unpack")])
    let text = ExplainReport(
      package: "demo-1", derivation: "n", oldDerivation: "o", explanations: explanations
    )
    .rendered()
    #expect(text.contains("install  rebuilt because its input segment unpack rebuilt"))
  }

  /// A chain `demo-1-seg-unpack` → `demo-1-seg-build` → `demo-1` of source `src`, or its
  /// incremental successor built on the `older` such chain (its build and unpack segments):
  /// `demo-1-seg-unpack` → `demo-1-incremental-seg-build` → `demo-1`.
  static func buildChain(
    src: String, on older: (chain: SegmentChain, graph: [String: Derivation])? = nil
  ) -> (chain: SegmentChain, graph: [String: Derivation]) {
    let tag = String(src.prefix(1))
    let store = { (name: String) in "/nix/store/\(String(repeating: tag, count: 32))-\(name)" }
    let unpackPath = store("demo-1-seg-unpack.drv")
    let unpackOut = store("demo-1-seg-unpack")
    let base = older.map { ($0.chain.segment(named: "build")!, $0.chain.segment(named: "unpack")!) }
    let buildName = base == nil ? "demo-1-seg-build" : "demo-1-incremental-seg-build"
    let buildPath = store(buildName + ".drv")
    let buildOut = store(buildName)
    let finalPath = store("demo-1.drv")
    var buildEnvironment = [
      ("name", buildName), ("out", buildOut), ("phasesplitSegment", "build"),
      ("phasesplitPrevious", unpackOut), ("src", src),
    ]
    var buildInputs = [unpackPath]
    if let (build, unpack) = base {
      buildEnvironment += [
        ("phasesplitIncrementalBase", build.outputPaths["out"]!),
        ("phasesplitIncrementalBaseSource", unpack.outputPaths["out"]!),
        ("phasesplitPhases", "configurePhase buildPhase"),
      ]
      buildInputs += [build.derivationPath, unpack.derivationPath]
    } else {
      buildEnvironment.append(("phasesplitPhases", "buildPhase"))
    }
    var graph = [
      unpackPath: SegmentChainReaderTests.derivation(
        outputs: ["out": unpackOut], inputs: [],
        environment: [("name", "demo-1-seg-unpack"), ("out", unpackOut), ("src", src)]),
      buildPath: SegmentChainReaderTests.derivation(
        outputs: ["out": buildOut], inputs: buildInputs, environment: buildEnvironment),
      finalPath: SegmentChainReaderTests.derivation(
        outputs: ["out": store("demo-1")], inputs: [buildPath],
        environment: [("name", "demo-1"), ("phasesplitPrevious", buildOut), ("src", src)]),
    ]
    if let older, let (build, unpack) = base {
      // the base segments are in the incremental chain's closure too
      graph[build.derivationPath] = older.graph[build.derivationPath]
      graph[unpack.derivationPath] = older.graph[unpack.derivationPath]
    }
    let chain = try! SegmentChainReader.chain(finalPath: finalPath, graph: graph)
    return (chain, graph)
  }

  @Test("an incremental chain against the clean one it builds on: one reason, no runner settings")
  func incrementalSegmentIsOneReason() throws {
    let old = Self.buildChain(src: "a-src")
    let oldBuild = try #require(old.chain.segment(named: "build"))
    let new = Self.buildChain(src: "b-src", on: old)
    let explanations = SegmentComparison(current: new, older: old).explain()
    #expect(explanations.map(\.segment) == ["unpack", "build", "install"])
    #expect(explanations[0].reasons == [.attributeChanged(name: "src", old: "a-src", new: "b-src")])
    #expect(
      explanations[1].reasons == [
        .incrementalBuild(base: oldBuild.outputPaths["out"] ?? ""), .inputSegmentRebuilt(segment: "unpack"),
        .attributeChanged(name: "src", old: "a-src", new: "b-src"),
      ])
    // the final segment's previous segment pairs with the older build segment by segment name
    #expect(
      explanations[2].reasons == [
        .inputSegmentRebuilt(segment: "build"), .attributeChanged(name: "src", old: "a-src", new: "b-src"),
      ])
  }
}
