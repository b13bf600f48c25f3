/**
  A nixpkgs overlay adding the phasesplit library: `pkgs.splitPhases` and
  `pkgs.phasesplitLib` (the whole library). Expects `pkgs.phasesplit`, the phasesplit
  package (with `bin/phasesplit`).

  Example:
    import <nixpkgs> { overlays = [ (import ./nix-lib/overlay.nix) ]; }
    => pkgs.splitPhases { } pkgs.hello
*/
final: prev:
let
  phasesplitLib = import ./default.nix { inherit (final) phasesplit; };
in
{
  inherit phasesplitLib;
  inherit (phasesplitLib) splitPhases;
}
