{
  flagIsSet,
  wordList,
  segmentContract,
}:
/**
  The phases a stdenv derivation runs, in order, following the stdenv's `genericBuild`:
  the explicit `phases` attribute when it names any phase, otherwise the default list
  (`defaultPhases` of `segment-contract.json`: `prePhases unpackPhase patchPhase
  preConfigurePhases configurePhase preBuildPhases buildPhase checkPhase preInstallPhases
  installPhase preFixupPhases fixupPhase installCheckPhase preDistPhases distPhase postPhases`).

  Each entry says which standard phase it is grouped with (`anchor`): a standard phase
  anchors itself; in the default list a `pre*Phases` phase anchors to the standard phase
  its list names (`postPhases` to `distPhase`); in an explicit list a custom phase anchors to
  the standard phase before it, or to the first standard phase (`unpackPhase`) when none is
  before it. `skipped` is true when the stdenv's static skip flag for the phase is set
  (`standardPhases` of the contract: `dontUnpack`, …; `checkPhase`, `installCheckPhase` and
  `distPhase` run only with `doCheck`, `doInstallCheck`, `doDist`). Custom phases are never
  statically skipped.

  Inputs: `attrs`, a derivation's `drvAttrs`.

  Type: phasePlan :: AttrSet -> [{ phase :: String; anchor :: String; skipped :: Bool; }]

  Example:
    map (entry: entry.phase) (phasePlan { phases = "unpackPhase myPhase installPhase"; })
      => [ "unpackPhase" "myPhase" "installPhase" ]
    (builtins.elemAt (phasePlan { phases = "unpackPhase myPhase installPhase"; }) 1).anchor
      => "unpackPhase"
*/
attrs:
let
  # standard phase -> its contract entry (skip flag, whether the flag must be set to run)
  standardPhases = builtins.listToAttrs (
    map (rule: {
      name = rule.phase;
      value = rule;
    }) segmentContract.standardPhases
  );
  firstStandardPhase = (builtins.head segmentContract.standardPhases).phase;

  isStandard = phase: standardPhases ? ${phase};

  isSkipped =
    phase:
    if isStandard phase then
      let
        rule = standardPhases.${phase};
      in
      flagIsSet attrs rule.flag != rule.runsWhenFlagSet
    else
      false;

  entry = anchor: phase: {
    inherit phase anchor;
    skipped = isSkipped phase;
  };

  # a default-list item is a standard phase or a custom phase list with its anchor
  defaultPlan = builtins.concatMap (
    item:
    if item ? phase then
      [ (entry item.phase item.phase) ]
    else
      map (entry item.anchor) (wordList (attrs.${item.list} or null))
  ) segmentContract.defaultPhases;

  explicitPhases = wordList (attrs.phases or null);

  # Walk an explicit list, carrying the last standard phase seen as the anchor.
  explicitPlan =
    (builtins.foldl'
      (
        state: phase:
        let
          anchor = if isStandard phase then phase else state.anchor;
        in
        {
          inherit anchor;
          entries = state.entries ++ [ (entry anchor phase) ];
        }
      )
      {
        anchor = firstStandardPhase;
        entries = [ ];
      }
      explicitPhases
    ).entries;
in
# genericBuild falls back to the default list when `phases` is unset or empty
if explicitPhases != [ ] then explicitPlan else defaultPlan
