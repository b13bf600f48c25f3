// swift-tools-version:6.0
import PackageDescription

// Linux only (glibc; musl accepted by Basics but untested): the code uses Linux calls
// (CLOCK_REALTIME_COARSE, st_mtim, mount namespaces for enter) and Basics imports no Darwin, so no
// Apple platform is declared.
//
// Layering, bottom up (every module may depend on Basics):
//   Basics                    the C library import (re-exported), file reading, errno text, shell
//                             quoting, JSON output; no other dependency
//   CLibArchive, CZstd, CNettle  system libraries (pkg-config; nettle hashes ELF build IDs and source files)
//   BuildArchive              the build-tree archive engine (pack, unpack, list, relocate)
//   Derivations               the .drv model, ATerm reader/writer, store paths, nix-base32
//   NixInterface              running Nix (nix-instantiate, nix-build, nix-store) with the sandbox settings
//   ShellAnalysis             bash lexer and analyzer for phase scripts
//   SplitPlanning             phase plan, segments, attribute placement, findings
//   NixEmission               Nix expressions that build a package split (wrap)
//   BuildSession              build with live progress, explain, enter
//   PhasesplitCommands        the swift-argument-parser commands (thin: parse, call, print)
//   phasesplit                the executable
//   PhasesplitTestSupport     what the test targets share (Tests/PhasesplitTestSupport; tests only)
let package = Package(
  name: "phasesplit",
  products: [
    .executable(name: "phasesplit", targets: ["phasesplit"])
  ],
  dependencies: [
    .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
    .package(url: "https://github.com/swiftlang/swift-subprocess", from: "1.0.2"),
    .package(url: "https://github.com/apple/swift-system", from: "1.5.0"),
    .package(url: "https://github.com/onevcat/Rainbow", from: "4.2.0"),
  ],
  targets: [
    .systemLibrary(name: "CLibArchive", pkgConfig: "libarchive", providers: [.apt(["libarchive-dev"])]),
    .systemLibrary(name: "CZstd", pkgConfig: "libzstd", providers: [.apt(["libzstd-dev"])]),
    .systemLibrary(name: "CNettle", pkgConfig: "nettle", providers: [.apt(["nettle-dev"])]),
    .target(name: "Basics"),
    .target(name: "BuildArchive", dependencies: ["Basics", "CLibArchive", "CZstd", "CNettle"]),
    .target(name: "Derivations", dependencies: ["Basics"]),
    .target(
      name: "NixInterface",
      dependencies: [
        "Basics", "Derivations",
        .product(name: "Subprocess", package: "swift-subprocess"),
        .product(name: "SystemPackage", package: "swift-system"),
      ]
    ),
    .target(name: "ShellAnalysis"),
    .target(
      name: "SplitPlanning", dependencies: ["Basics", "Derivations", "ShellAnalysis"],
      // a link to nix-lib/segment-contract.json, the contract both planners read
      resources: [.embedInCode("Contract/segment-contract.json")]
    ),
    .target(name: "NixEmission", dependencies: ["Basics", "Derivations", "SplitPlanning", "NixInterface"]),
    .target(
      name: "BuildSession",
      dependencies: [
        "Basics", "Derivations", "NixInterface", "SplitPlanning", "NixEmission", "BuildArchive",
        .product(name: "Rainbow", package: "Rainbow"),
      ]
    ),
    .target(
      name: "PhasesplitCommands",
      dependencies: [
        "Basics", "BuildArchive", "Derivations", "NixInterface", "ShellAnalysis", "SplitPlanning",
        "NixEmission", "BuildSession", .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ]
    ),
    .executableTarget(name: "phasesplit", dependencies: ["PhasesplitCommands"]),
    // What the test targets share (as SwiftPM's _InternalTestSupport): the package checkout and the
    // built tool, one command runner, the project's Nix settings, the trait of the tests that run Nix.
    .target(
      name: "PhasesplitTestSupport",
      dependencies: ["Derivations", "NixInterface", "NixEmission"],
      path: "Tests/PhasesplitTestSupport"
    ),
    .testTarget(name: "BasicsTests", dependencies: ["Basics", "PhasesplitTestSupport"]),
    .testTarget(
      name: "BuildArchiveTests", dependencies: ["Basics", "BuildArchive", "PhasesplitTestSupport"]),
    .testTarget(
      name: "DerivationsTests",
      dependencies: ["Basics", "Derivations", "NixInterface", "NixEmission", "PhasesplitTestSupport"]
    ),
    .testTarget(
      name: "NixInterfaceTests", dependencies: ["NixInterface", "Derivations", "PhasesplitTestSupport"]
    ),
    .testTarget(
      name: "ShellAnalysisTests", dependencies: ["ShellAnalysis", "PhasesplitTestSupport"],
      resources: [.copy("Corpus")]
    ),
    .testTarget(
      name: "SplitPlanningTests",
      dependencies: ["Basics", "SplitPlanning", "Derivations", "NixInterface", "PhasesplitTestSupport"]
    ),
    .testTarget(
      name: "NixEmissionTests",
      dependencies: ["NixEmission", "Derivations", "NixInterface", "SplitPlanning", "PhasesplitTestSupport"]
    ),
    .testTarget(
      name: "BuildSessionTests",
      dependencies: ["Basics", "BuildSession", "Derivations", "NixInterface", "PhasesplitTestSupport"]
    ),
    .testTarget(
      name: "PhasesplitCommandsTests",
      dependencies: ["PhasesplitCommands", "NixInterface", "NixEmission", "SplitPlanning"]),
    .testTarget(
      name: "IntegrationTests",
      dependencies: [
        "Basics", "BuildArchive", "Derivations", "NixInterface", "SplitPlanning", "NixEmission",
        "BuildSession",
        "PhasesplitTestSupport",
      ],
      exclude: ["Session/synthetic-chain.nix"]
    ),
  ]
)
