# phasesplit as a flake. Outputs:
#   packages.<system>.default  phasesplit built by package.nix with this flake's nixpkgs
#                              (also packages.<system>.phasesplit)
#   lib                        the Nix library (nix-lib/): splitPhases, phasePlan, segmentPlan,
#                              placeAttributes, standIns, attributePhases, …; lib.splitPhases uses
#                              this flake's phasesplit for the derivation's system;
#                              lib.mkLib pkgs gives the library with pkgs.phasesplit (or one built
#                              from pkgs), as crane's mkLib does
#   overlays.default           adds phasesplit, splitPhases and phasesplitLib to a package set
# Kept small on purpose: one input, no helper flakes; later outputs go next to these.
{
  description = "Build a nixpkgs stdenv derivation as a chain of segment derivations";

  inputs.nixpkgs.url = "github:NixOS/nixpkgs/nixos-unstable";

  outputs =
    { self, nixpkgs }:
    let
      systems = [
        "x86_64-linux"
        "aarch64-linux"
      ];
      forAllSystems =
        f:
        builtins.listToAttrs (
          map (system: {
            name = system;
            value = f system;
          }) systems
        );
      phasesplitFor = pkgs: pkgs.phasesplit or (pkgs.callPackage ./package.nix { });
      mkLib = pkgs: import ./nix-lib { phasesplit = phasesplitFor pkgs; };
      # The functions that need no phasesplit executable (planning, placement, stand-ins).
      planning = import ./nix-lib {
        phasesplit = throw "phasesplit: use lib.splitPhases or lib.mkLib pkgs to split a derivation";
      };
    in
    {
      packages = forAllSystems (system: rec {
        phasesplit = nixpkgs.legacyPackages.${system}.callPackage ./package.nix { };
        default = phasesplit;
      });

      lib = planning // {
        inherit mkLib;
        splitPhases = settings: drv: (mkLib nixpkgs.legacyPackages.${drv.system}).splitPhases settings drv;
      };

      overlays.default =
        final: prev:
        {
          phasesplit = final.callPackage ./package.nix { };
        }
        // import ./nix-lib/overlay.nix final prev;
    };
}
