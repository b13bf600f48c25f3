import Derivations
import Testing

@testable import BuildSession

@Suite struct SegmentChainReaderTests {
  /// A derivation with the given outputs, input derivations (each using `out`) and environment.
  static func derivation(
    outputs: [String: String], inputs: [String], environment: [(String, String)]
  ) -> Derivation {
    Derivation(
      outputs: outputs.keys.sorted().map {
        Derivation.Output(name: $0, path: outputs[$0] ?? "", hashAlgorithm: "", hash: "")
      },
      inputDerivations: inputs.sorted().map { Derivation.InputDerivation(path: $0, outputs: ["out"]) },
      inputSources: [], system: "x86_64-linux", builder: "/bin/bash", arguments: [],
      environment: environment.map { Derivation.EnvironmentVariable(name: $0.0, value: $0.1) })
  }

  /// A split package `demo-1` (unpack → build → final, the build segment with structured
  /// attributes) and a source derivation, as the session reads them.
  static let graph: [String: Derivation] = [
    "/nix/store/f-demo-1.drv": derivation(
      outputs: ["out": "/nix/store/o-demo-1", "dev": "/nix/store/d-demo-1-dev"],
      inputs: ["/nix/store/b-demo-1-seg-build.drv", "/nix/store/s-src.drv"],
      environment: [("name", "demo-1"), ("phasesplitPhases", "installPhase fixupPhase")]),
    "/nix/store/b-demo-1-seg-build.drv": derivation(
      outputs: ["out": "/nix/store/bo-demo-1-seg-build"], inputs: ["/nix/store/u-demo-1-seg-unpack.drv"],
      environment: [
        ("__json", #"{"name":"demo-1-seg-build","phasesplitPhases":["configurePhase","buildPhase"]}"#)
      ]),
    "/nix/store/u-demo-1-seg-unpack.drv": derivation(
      outputs: ["out": "/nix/store/uo-demo-1-seg-unpack"], inputs: ["/nix/store/s-src.drv"],
      environment: [("name", "demo-1-seg-unpack"), ("phasesplitPhases", "unpackPhase patchPhase")]),
    "/nix/store/s-src.drv": derivation(
      outputs: ["out": "/nix/store/so-src"], inputs: [], environment: [("name", "src")]),
  ]

  @Test func chainIsOrderedWithPhasesFromPlainAndStructuredAttributes() throws {
    let graph = Self.graph
    let chain = try SegmentChainReader.chain(finalPath: "/nix/store/f-demo-1.drv", graph: graph)
    #expect(chain.packageName == "demo-1")
    #expect(chain.segmentNames == ["unpack", "build", "install"])
    #expect(chain.segments[1].phases == ["configurePhase", "buildPhase"])
    #expect(
      chain.finalSegment.outputPaths == ["out": "/nix/store/o-demo-1", "dev": "/nix/store/d-demo-1-dev"])
    #expect(chain.segments[0].treeArchivePath == "/nix/store/uo-demo-1-seg-unpack/tree.pst")
    #expect(chain.finalSegment.treeArchivePath == nil)
    #expect(chain.segment(runningPhase: "buildPhase")?.name == "build")
    #expect(chain.segment(before: "install")?.name == "build")
    #expect(chain.segment(before: "unpack") == nil)
  }

  /// `phasesplitFinal` read as the runner's `[ -n "$phasesplitFinal" ]` does: a structured `false`
  /// (an earlier segment of a package whose segments use structured attributes) is no split
  /// package, a structured `true` is.
  @Test(arguments: [false, true])
  func finalMarkerIsReadAsTheRunnerReadsIt(marker: Bool) throws {
    var graph = Self.graph
    graph["/nix/store/m-demo-2.drv"] = Self.derivation(
      outputs: ["out": "/nix/store/mo-demo-2"], inputs: ["/nix/store/u-demo-1-seg-unpack.drv"],
      environment: [
        (
          "__json",
          #"{"name":"demo-2","phasesplitFinal":\#(marker),"phasesplitPhases":["buildPhase"],"phasesplitPrevious":"/nix/store/uo-demo-1-seg-unpack"}"#
        )
      ])
    let read = { try SegmentChainReader.chain(finalPath: "/nix/store/m-demo-2.drv", graph: graph) }
    if marker {
      #expect(
        try read().segments.map(\.derivationPath) == [
          "/nix/store/u-demo-1-seg-unpack.drv", "/nix/store/m-demo-2.drv",
        ])
    } else {
      #expect(throws: BuildSessionError.notSplit(derivationPath: "/nix/store/m-demo-2.drv", name: "demo-2")) {
        try read()
      }
    }
  }

  @Test func unsplitDerivationIsRefusedWithAHint() throws {
    let graph = Self.graph
    #expect(throws: BuildSessionError.notSplit(derivationPath: "/nix/store/s-src.drv", name: "src")) {
      try SegmentChainReader.chain(finalPath: "/nix/store/s-src.drv", graph: graph)
    }
  }
}
