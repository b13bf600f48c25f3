/**
  The phasesplit Nix library.

  Input: `phasesplit` — the phasesplit executable the segment builds run: a derivation with
  `bin/phasesplit`, or a path/string to the executable itself.

  Returns: `splitPhases`, `phasePlan`, `segmentPlan`, `placeAttributes`, `standIns`,
  `attributePhases` (the parsed `attribute-phases.json`), `segmentContract` (the parsed
  `segment-contract.json`: standard phases, skip flags, the default phase list, boundaries,
  segment names, refusals, the final segment's run list) and the helpers `flagIsSet`,
  `wordList`, `attributeMatches`, `stdenvBuilder`.

  Example:
    let phasesplitLib = import ./nix-lib { phasesplit = ./.build/release/phasesplit; };
    in phasesplitLib.splitPhases { } hello
*/
{ phasesplit }:
let
  isDerivation = value: builtins.isAttrs value && (value.type or null) == "derivation";
  phasesplitTool = if isDerivation phasesplit then "${phasesplit}/bin/phasesplit" else "${phasesplit}";

  lib = {
    attributePhases = builtins.fromJSON (builtins.readFile ./attribute-phases.json);
    segmentContract = builtins.fromJSON (builtins.readFile ./segment-contract.json);
    flagIsSet = import ./lib/flagIsSet.nix { };
    wordList = import ./lib/wordList.nix { };
    attributeMatches = import ./lib/attributeMatches.nix { };
    standIns = import ./lib/standIns.nix { };
    phasePlan = import ./lib/phasePlan.nix { inherit (lib) flagIsSet wordList segmentContract; };
    stdenvBuilder = import ./lib/stdenvBuilder.nix { };
    segmentPlan = import ./lib/segmentPlan.nix { inherit (lib) phasePlan stdenvBuilder segmentContract; };
    placeAttributes = import ./lib/placeAttributes.nix {
      inherit (lib) attributePhases attributeMatches segmentContract;
    };
    splitPhases = import ./lib/splitPhases.nix {
      inherit (lib)
        segmentPlan
        placeAttributes
        standIns
        stdenvBuilder
        attributePhases
        segmentContract
        ;
      inherit phasesplitTool;
      runner = ./runner;
    };
  };
in
lib
