# The package the split benchmark builds: one fixture, split or not, with the edits of a scenario.
# `nameSuffix` gives every benchmark run fresh store paths, so nothing is reused by accident.
{
  package,
  split,
  phasesplit,
  nameSuffix,
  postInstallExtra ? "",
  configureFlagsExtra ? [ ],
}:
let
  fixtures = import ../fixtures { inherit nameSuffix postInstallExtra configureFlagsExtra; };
  phasesplitLib = import ../nix-lib { inherit phasesplit; };
  pkg = fixtures.${package};
in
if split then phasesplitLib.splitPhases { } pkg else pkg
