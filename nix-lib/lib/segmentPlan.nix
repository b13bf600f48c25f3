{
  phasePlan,
  stdenvBuilder,
  segmentContract,
}:
/**
  Groups a stdenv derivation's phases into segments, cutting after each boundary.

  Boundaries (each names the segment that ends there; `boundaries` of `segment-contract.json`):
  `unpack` (after `patchPhase`), `configure` (after `configurePhase`), `build` (after
  `buildPhase`), `check` (after `checkPhase`). Everything after the last boundary is the final
  segment (`finalSegment`: `install`), which writes the outputs. A segment whose phases are all
  statically skipped is dropped (the final segment never is). Refuses, with a `throw` naming the
  problem, in the contract's order (`refusals`): derivations built by `buildCommandPath`/
  `buildCommand`, derivations whose `args` are none of the stdenv shapes `stdenvBuilder` accepts
  (`[ "-e" .../default-builder.sh ]`, `[ "-e" .../source-stdenv.sh BUILDER ]`: they do not run
  `genericBuild`), derivations without `stdenv` (no setup to source), unknown boundary names, and
  an explicit `phases` list that puts a phase of a later segment before one of an earlier one.

  Inputs: `{ boundaries ? [ "unpack" "configure" "build" "check" ] }`, then `attrs` (a
  derivation's `drvAttrs`; `name` is used in messages).

  Type: segmentPlan :: { boundaries :: [String] } -> AttrSet
          -> [{ name :: String; phases :: [String]; final :: Bool; }]

  Example:
    map (s: s.name) (segmentPlan { } helloAttrs)
      => [ "unpack" "configure" "build" "install" ]   # doCheck unset: `check` dropped
    segmentPlan { boundaries = [ "install" ]; } helloAttrs
      => error: phasesplit: unknown segment boundary "install" ...
*/
{
  boundaries ? [
    "unpack"
    "configure"
    "build"
    "check"
  ],
}:
attrs:
let
  packageName = attrs.name or "<unnamed>";
  refuse = reason: throw "phasesplit: cannot split ${packageName}: ${reason}";

  finalSegment = segmentContract.finalSegment;
  rankedBy =
    key: list:
    builtins.listToAttrs (
      builtins.genList (index: {
        name = (builtins.elemAt list index).${key};
        value = index;
      }) (builtins.length list)
    );
  # the rank of each standard phase (its place in the contract's list); a boundary cuts after
  # the phase it ends after
  phaseRanks = rankedBy "phase" segmentContract.standardPhases;
  boundaryRanks = builtins.listToAttrs (
    map (boundary: {
      inherit (boundary) name;
      value = phaseRanks.${boundary.endsAfter};
    }) segmentContract.boundaries
  );
  validBoundaries = map (boundary: boundary.name) segmentContract.boundaries;

  checkedBoundaries = map (
    boundary:
    if boundaryRanks ? ${boundary} then
      boundary
    else
      throw (
        "phasesplit: unknown segment boundary \"${toString boundary}\" for ${packageName}; "
        + "valid boundaries are ${builtins.concatStringsSep ", " validBoundaries} "
        + "(install, fixup and later phases always form the final segment \"${finalSegment}\")"
      )
  ) boundaries;

  # boundaries in phase order, each once
  orderedBoundaries = builtins.filter (
    boundary: builtins.elem boundary checkedBoundaries
  ) validBoundaries;

  segmentOf =
    anchor:
    let
      later = builtins.filter (
        boundary: boundaryRanks.${boundary} >= phaseRanks.${anchor}
      ) orderedBoundaries;
    in
    if later == [ ] then finalSegment else builtins.head later;

  segmentOrder = orderedBoundaries ++ [ finalSegment ];
  indexIn =
    name:
    let
      go = i: if builtins.elemAt segmentOrder i == name then i else go (i + 1);
    in
    go 0;

  builderArgs = attrs.args or null;
  runsGenericBuild = stdenvBuilder builderArgs != null;

  entries = phasePlan attrs;
  withSegments = map (entry: entry // { segment = segmentOf entry.anchor; }) entries;

  # phases must appear in segment order, or the segments would not form a chain
  # (the refusals' texts are the Swift planner's, SplitRefusal)
  inOrder = builtins.foldl' (
    previous: entry:
    if indexIn entry.segment < previous then
      refuse (
        "phase ${entry.phase} (segment ${entry.segment}) comes after a phase of a later segment "
        + "in its phases list; reorder the phases or choose fewer boundaries"
      )
    else
      indexIn entry.segment
  ) 0 withSegments;

  segmentFor =
    name:
    let
      members = builtins.filter (entry: entry.segment == name) withSegments;
    in
    {
      inherit name;
      phases = map (entry: entry.phase) members;
      final = name == finalSegment;
      empty = builtins.all (entry: entry.skipped) members;
    };

  segments = builtins.filter (segment: segment.final || !segment.empty) (map segmentFor segmentOrder);
  replacing = builtins.filter (name: attrs ? ${name}) segmentContract.refusals.replacingAttributes;
  missing = builtins.filter (name: !(attrs ? ${name})) segmentContract.refusals.requiredAttributes;
in
if replacing != [ ] then
  refuse "it sets ${builtins.head replacing}, which replaces all phases; build it unsplit"
else if !runsGenericBuild then
  refuse (
    "its builder arguments are [${
      builtins.concatStringsSep " " (map toString (if builtins.isList builderArgs then builderArgs else [ ]))
    }], not '-e …/default-builder.sh' or '-e …/source-stdenv.sh BUILDER' (not a stdenv.mkDerivation "
    + "build); build it unsplit"
  )
else if missing != [ ] then
  refuse "it has no ${builtins.head missing} attribute (not a stdenv.mkDerivation build); build it unsplit"
else
  builtins.seq inOrder (
    builtins.seq (builtins.deepSeq checkedBoundaries null) (
      map (segment: builtins.removeAttrs segment [ "empty" ]) segments
    )
  )
