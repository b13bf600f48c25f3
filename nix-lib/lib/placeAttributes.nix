{ attributePhases, attributeMatches }:
/**
  Which attributes each segment's derivation carries.

  The final segment carries every attribute. An earlier segment carries: the attributes
  every segment needs (`everywhere` in `attribute-phases.json`), the attributes read by its
  phases (the table's `phases` lists), and each attribute listed nowhere in the table — the
  conservative choice, since its readers are unknown — unless `placement` places it. An
  entry `placement.ATTR = [ SEGMENT ... ]` (from `phasesplit wrap`'s script analysis) puts
  an unlisted attribute in exactly those earlier segments, and adds those segments for a
  listed one. Attributes in `finalOnly` (output checks, fixed-output hashes) stay in the
  final segment: they describe the package's outputs, not a segment archive.

  Carrying fewer attributes is what makes segments reusable: editing `postInstall` leaves
  every earlier segment's derivation unchanged.

  Inputs: `{ segments, placement ? { } }` (`segments` from `segmentPlan`), then `attrs`.

  Type: placeAttributes :: { segments :: [Segment]; placement :: AttrSet [String]; }
          -> AttrSet -> AttrSet [String]

  Example:
    (placeAttributes { inherit segments; } helloAttrs).unpack
      => [ "args" "builder" "name" "src" "stdenv" "system" ... ]   # no postInstall
*/
{
  segments,
  placement ? { },
}:
attrs:
let
  table = attributePhases;
  names = builtins.attrNames attrs;
  listedInPhases = builtins.concatLists (builtins.attrValues table.phases);
  isFinalOnly = attributeMatches (table.finalOnly or [ ]);
  isEverywhere = attributeMatches table.everywhere;
  isListed = name: isEverywhere name || isFinalOnly name || builtins.elem name listedInPhases;

  carries =
    segment: name:
    let
      placed = placement ? ${name} && builtins.elem segment.name placement.${name};
      readByPhases = builtins.any (phase: builtins.elem name (table.phases.${phase} or [ ])) segment.phases;
    in
    if isFinalOnly name then
      false
    else if isEverywhere name || readByPhases || placed then
      true
    else
      !(isListed name) && !(placement ? ${name});

  carried = segment: if segment.final then names else builtins.filter (carries segment) names;
in
builtins.listToAttrs (
  map (segment: {
    inherit (segment) name;
    value = carried segment;
  }) segments
)
