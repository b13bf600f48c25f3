{ flagIsSet, wordList }:
/**
  The phases a stdenv derivation runs, in order, following the stdenv's `genericBuild`:
  the explicit `phases` attribute when present, otherwise the default list
  `prePhases unpackPhase patchPhase preConfigurePhases configurePhase preBuildPhases
  buildPhase checkPhase preInstallPhases installPhase preFixupPhases fixupPhase
  installCheckPhase preDistPhases distPhase postPhases`.

  Each entry says which standard phase it is grouped with (`anchor`): a standard phase
  anchors itself; in the default list a `pre*Phases` phase anchors to the standard phase
  it precedes (`postPhases` to `distPhase`); in an explicit list a custom phase anchors to
  the standard phase before it, or to `unpackPhase` when none is before it.
  `skipped` is true when the stdenv's static skip flag for the phase is set
  (`dontUnpack`, `dontPatch`, `dontConfigure`, `dontBuild`, `dontInstall`, `dontFixup`;
  `checkPhase`, `installCheckPhase` and `distPhase` run only with `doCheck`,
  `doInstallCheck`, `doDist`). Custom phases are never statically skipped.

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
  # standard phase -> the flag that skips it and whether the flag must be set (true) or unset (false) to run
  skipRules = {
    unpackPhase = { flag = "dontUnpack"; runsWhenSet = false; };
    patchPhase = { flag = "dontPatch"; runsWhenSet = false; };
    configurePhase = { flag = "dontConfigure"; runsWhenSet = false; };
    buildPhase = { flag = "dontBuild"; runsWhenSet = false; };
    checkPhase = { flag = "doCheck"; runsWhenSet = true; };
    installPhase = { flag = "dontInstall"; runsWhenSet = false; };
    fixupPhase = { flag = "dontFixup"; runsWhenSet = false; };
    installCheckPhase = { flag = "doInstallCheck"; runsWhenSet = true; };
    distPhase = { flag = "doDist"; runsWhenSet = true; };
  };

  isStandard = phase: skipRules ? ${phase};

  isSkipped =
    phase:
    if isStandard phase then
      let
        rule = skipRules.${phase};
      in
      flagIsSet attrs rule.flag != rule.runsWhenSet
    else
      false;

  entry = anchor: phase: {
    inherit phase anchor;
    skipped = isSkipped phase;
  };

  hookPhases = anchor: name: map (entry anchor) (wordList (attrs.${name} or null));

  defaultPlan =
    hookPhases "unpackPhase" "prePhases"
    ++ map (phase: entry phase phase) [
      "unpackPhase"
      "patchPhase"
    ]
    ++ hookPhases "configurePhase" "preConfigurePhases"
    ++ [ (entry "configurePhase" "configurePhase") ]
    ++ hookPhases "buildPhase" "preBuildPhases"
    ++ map (phase: entry phase phase) [
      "buildPhase"
      "checkPhase"
    ]
    ++ hookPhases "installPhase" "preInstallPhases"
    ++ [ (entry "installPhase" "installPhase") ]
    ++ hookPhases "fixupPhase" "preFixupPhases"
    ++ map (phase: entry phase phase) [
      "fixupPhase"
      "installCheckPhase"
    ]
    ++ hookPhases "distPhase" "preDistPhases"
    ++ [ (entry "distPhase" "distPhase") ]
    ++ hookPhases "distPhase" "postPhases";

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
        anchor = "unpackPhase";
        entries = [ ];
      }
      (wordList attrs.phases)
    ).entries;
in
if attrs ? phases && attrs.phases != null then explicitPlan else defaultPlan
