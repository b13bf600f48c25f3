// swift-tools-version:6.0
import PackageDescription

// libFuzzer targets for the archive reader and the .drv (ATerm) reader. The library sources are
// the main package's (symlinked under Modules/), built here with coverage instrumentation:
// scripts/fuzz.sh builds, links and runs them (bounded); see fuzz/README.md.
let package = Package(
  name: "phasesplit-fuzz",
  targets: [
    .target(name: "Basics", path: "Modules/Basics"),
    .systemLibrary(name: "CLibArchive", path: "Modules/CLibArchive", pkgConfig: "libarchive"),
    .systemLibrary(name: "CZstd", path: "Modules/CZstd", pkgConfig: "libzstd"),
    .systemLibrary(name: "CNettle", path: "Modules/CNettle", pkgConfig: "nettle"),
    .target(
      name: "BuildArchive", dependencies: ["Basics", "CLibArchive", "CZstd", "CNettle"],
      path: "Modules/BuildArchive"),
    .target(name: "Derivations", dependencies: ["Basics"], path: "Modules/Derivations"),
    // Libraries defining LLVMFuzzerTestOneInput; scripts/fuzz.sh links each with libFuzzer's main
    // (SwiftPM's executable link renames `main`, which clashes with libFuzzer's).
    .target(name: "ArchiveReaderFuzzer", dependencies: ["BuildArchive", "CZstd"]),
    .target(name: "DerivationReaderFuzzer", dependencies: ["Derivations"]),
  ]
)
