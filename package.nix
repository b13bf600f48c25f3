/**
  phasesplit, packaged in nixpkgs' `callPackage` style:

    pkgs.callPackage ./package.nix { }

  Swift, SwiftPM and Foundation come from nixpkgs (`swiftPackages`; the pinned swift-subprocess
  needs Swift 6.2 or later), libarchive, zstd and nettle (ELF build-ID hashes) from nixpkgs. SwiftPM cannot fetch inside the
  build, so the dependencies pinned in Package.resolved are fetched with `fetchgit` (hashes in
  nix/swiftpm-hashes.nix, written by scripts/swiftpm-hashes.sh) and laid out as SwiftPM's own
  checkouts, with the workspace state SwiftPM would have written (nix/swiftpm-workspace.nix).

  Installs `bin/phasesplit` and `share/phasesplit/nix-lib` (where the executable looks for the Nix
  library). The executable links nixpkgs' libraries, so its closure is store paths only: segment
  builds can run it in a sandbox that holds nothing of the host. `passthru.lib` is the Nix library
  using this package.

  Not built on the machine this project is developed on (no nixpkgs there): see README.md,
  "Installing".
*/
{
  lib,
  swiftPackages,
  fetchgit,
  pkg-config,
  libarchive,
  zstd,
  nettle,
}:
let
  inherit (swiftPackages) stdenv swift swiftpm Foundation;

  resolved = lib.importJSON ./Package.resolved;
  hashes = import ./nix/swiftpm-hashes.nix;

  # One pinned dependency's source at its pinned revision.
  fetchPin =
    pin:
    fetchgit {
      url = pin.location;
      rev = pin.state.revision;
      hash = hashes.${pin.identity};
    };

  workspace = import ./nix/swiftpm-workspace.nix { inherit resolved; };
in
stdenv.mkDerivation (finalAttrs: {
  pname = "phasesplit";
  version = "0.1.0";

  src = lib.fileset.toSource {
    root = ./.;
    fileset = lib.fileset.unions [
      ./Package.swift
      ./Package.resolved
      ./Sources
      ./nix-lib
    ];
  };

  nativeBuildInputs = [
    swift
    swiftpm
    pkg-config
  ];
  buildInputs = [
    Foundation
    libarchive
    zstd
    nettle
  ];

  configurePhase = ''
    runHook preConfigure
    mkdir -p .build/checkouts
    ${lib.concatMapStrings (pin: ''
      cp -r ${fetchPin pin} .build/checkouts/${workspace.checkoutName pin}
    '') resolved.pins}
    chmod -R u+w .build/checkouts
    install -m 0644 ${builtins.toFile "workspace-state.json" (builtins.toJSON workspace.state)} .build/workspace-state.json
    runHook postConfigure
  '';

  swiftpmFlags = [
    "--product"
    "phasesplit"
  ];

  installPhase = ''
    runHook preInstall
    install -Dm755 "$(swiftpmBinPath)/phasesplit" "$out/bin/phasesplit"
    mkdir -p "$out/share/phasesplit"
    cp -r nix-lib "$out/share/phasesplit/nix-lib"
    runHook postInstall
  '';

  # The tests run sandboxed nix-build, which a Nix build cannot.
  doCheck = false;

  passthru.lib = import ./nix-lib { phasesplit = finalAttrs.finalPackage; };

  meta = {
    description = "Build a nixpkgs stdenv derivation as a chain of segment derivations";
    mainProgram = "phasesplit";
    platforms = lib.platforms.linux;
  };
})
