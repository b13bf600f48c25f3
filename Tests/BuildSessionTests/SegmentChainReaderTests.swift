import Testing

@testable import BuildSession

@Suite struct SegmentChainReaderTests {
  static let graphJSON = """
    {
      "/nix/store/f-demo-1.drv": {
        "outputs": {"out": {"path": "/nix/store/o-demo-1"}, "dev": {"path": "/nix/store/d-demo-1-dev"}},
        "inputSrcs": [], "inputDrvs": {"/nix/store/b-demo-1-seg-build.drv": ["out"], "/nix/store/s-src.drv": ["out"]},
        "system": "x86_64-linux", "builder": "/bin/bash", "args": [],
        "env": {"name": "demo-1", "phasesplitPhases": "installPhase fixupPhase"}
      },
      "/nix/store/b-demo-1-seg-build.drv": {
        "outputs": {"out": {"path": "/nix/store/bo-demo-1-seg-build"}},
        "inputSrcs": [], "inputDrvs": {"/nix/store/u-demo-1-seg-unpack.drv": ["out"]},
        "system": "x86_64-linux", "builder": "/bin/bash", "args": [],
        "env": {"__json": "{\\"name\\":\\"demo-1-seg-build\\",\\"phasesplitPhases\\":[\\"configurePhase\\",\\"buildPhase\\"]}"}
      },
      "/nix/store/u-demo-1-seg-unpack.drv": {
        "outputs": {"out": {"path": "/nix/store/uo-demo-1-seg-unpack"}},
        "inputSrcs": [], "inputDrvs": {"/nix/store/s-src.drv": ["out"]},
        "system": "x86_64-linux", "builder": "/bin/bash", "args": [],
        "env": {"name": "demo-1-seg-unpack", "phasesplitPhases": "unpackPhase patchPhase"}
      },
      "/nix/store/s-src.drv": {
        "outputs": {"out": {"path": "/nix/store/so-src"}}, "inputSrcs": [], "inputDrvs": {},
        "system": "x86_64-linux", "builder": "/bin/bash", "args": [], "env": {"name": "src"}
      }
    }
    """

  @Test func chainIsOrderedWithPhasesFromPlainAndStructuredAttributes() throws {
    let graph = try DerivationGraphReader.parse(json: Self.graphJSON)
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

  @Test func unsplitDerivationIsRefusedWithAHint() throws {
    let graph = try DerivationGraphReader.parse(json: Self.graphJSON)
    #expect(throws: BuildSessionError.notSplit(derivationPath: "/nix/store/s-src.drv", name: "src")) {
      try SegmentChainReader.chain(finalPath: "/nix/store/s-src.drv", graph: graph)
    }
  }
}
