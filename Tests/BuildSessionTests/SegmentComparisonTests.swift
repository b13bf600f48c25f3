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
}
