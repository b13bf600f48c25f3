@testable import BuildSession

/// A three-segment chain for tracker and renderer tests.
enum TestChains {
  static let unpack = BuiltSegment(
    name: "unpack", derivationPath: "/nix/store/aaaa-demo-1-seg-unpack.drv",
    phases: ["unpackPhase", "patchPhase"],
    outputPaths: ["out": "/nix/store/aaab-demo-1-seg-unpack"], isFinal: false)
  static let build = BuiltSegment(
    name: "build", derivationPath: "/nix/store/bbbb-demo-1-seg-build.drv",
    phases: ["configurePhase", "buildPhase"], outputPaths: ["out": "/nix/store/bbbc-demo-1-seg-build"],
    isFinal: false)
  static let install = BuiltSegment(
    name: "install", derivationPath: "/nix/store/cccc-demo-1.drv", phases: ["installPhase", "fixupPhase"],
    outputPaths: ["out": "/nix/store/cccd-demo-1"], isFinal: true)
  static let chain = SegmentChain(packageName: "demo-1", segments: [unpack, build, install])
}
