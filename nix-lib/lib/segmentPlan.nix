{ phasePlan, stdenvBuilder }:
/**
  Groups a stdenv derivation's phases into segments, cutting after each boundary.

  Boundaries (each names the segment that ends there): `unpack` (after `patchPhase`),
  `configure` (after `configurePhase`), `build` (after `buildPhase`), `check` (after
  `checkPhase`). Everything after the last boundary is the final segment `install`, which
  writes the outputs. A segment whose phases are all statically skipped is dropped (the
  final segment never is). Refuses, with a `throw` naming the problem, unknown boundary
  names, derivations built by `buildCommand`/`buildCommandPath`, and derivations whose
  `args` are none of the stdenv shapes `stdenvBuilder` accepts (`[ "-e" .../default-builder.sh ]`,
  `[ "-e" .../source-stdenv.sh BUILDER ]`): they do not run `genericBuild`.

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

  # the rank of each standard phase; a boundary cuts after the phase of its rank
  phaseRanks = {
    unpackPhase = 0;
    patchPhase = 1;
    configurePhase = 2;
    buildPhase = 3;
    checkPhase = 4;
    installPhase = 5;
    fixupPhase = 6;
    installCheckPhase = 7;
    distPhase = 8;
  };
  boundaryRanks = {
    unpack = 1;
    configure = 2;
    build = 3;
    check = 4;
  };
  validBoundaries = builtins.attrNames boundaryRanks;

  checkedBoundaries = map (
    boundary:
    if boundaryRanks ? ${boundary} then
      boundary
    else
      throw (
        "phasesplit: unknown segment boundary \"${toString boundary}\" for ${packageName}; "
        + "valid boundaries are ${builtins.concatStringsSep ", " validBoundaries} "
        + "(install, fixup and later phases always form the final segment \"install\")"
      )
  ) boundaries;

  # boundaries in phase order, each once
  orderedBoundaries = builtins.filter (boundary: builtins.elem boundary checkedBoundaries) (
    builtins.sort (a: b: boundaryRanks.${a} < boundaryRanks.${b}) validBoundaries
  );

  segmentOf =
    anchor:
    let
      later = builtins.filter (
        boundary: boundaryRanks.${boundary} >= phaseRanks.${anchor}
      ) orderedBoundaries;
    in
    if later == [ ] then "install" else builtins.head later;

  segmentOrder = orderedBoundaries ++ [ "install" ];
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
  inOrder = builtins.foldl' (
    previous: entry:
    if indexIn entry.segment < previous then
      refuse (
        "phase ${entry.phase} (segment \"${entry.segment}\") comes after a phase of a later segment "
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
      final = name == "install";
      empty = builtins.all (entry: entry.skipped) members;
    };

  segments = builtins.filter (segment: segment.final || !segment.empty) (map segmentFor segmentOrder);
in
if attrs ? buildCommand || attrs ? buildCommandPath then
  refuse "it sets buildCommand/buildCommandPath, so it has no phases to split (build it unsplit)"
else if !runsGenericBuild then
  refuse (
    "its args are ${builtins.toJSON (map toString (if builtins.isList builderArgs then builderArgs else [ ]))}, "
    + "not [ \"-e\" .../default-builder.sh ] or [ \"-e\" .../source-stdenv.sh BUILDER ]; "
    + "only stdenv derivations that run genericBuild can be split"
  )
else
  builtins.seq inOrder (
    builtins.seq (builtins.deepSeq checkedBoundaries null) (
      map (segment: builtins.removeAttrs segment [ "empty" ]) segments
    )
  )
