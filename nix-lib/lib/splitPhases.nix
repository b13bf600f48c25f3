{
  segmentPlan,
  placeAttributes,
  standIns,
  stdenvBuilder,
  phasesplitTool,
  runner,
}:
/**
  Splits a stdenv derivation into a chain of segment derivations, one per group of phases,
  and returns the final segment: a derivation with the same name, outputs and `meta` as
  `drv`, whose outputs are bit-identical to `drv`'s.

  Each earlier segment (`NAME-seg-SEGMENT`, one output `out`) carries every attribute except
  those that provably wait for a later segment (see `placeAttributes`), restores the previous segment's archived build
  tree and shell state, runs its phases with the outputs at stand-in paths (`standIns`), and
  archives the result. The final segment carries every attribute, runs the remaining
  phases, moves the stand-ins to the real outputs before `fixupPhase`, and runs fixup.
  An edit of an attribute read only by late phases (`postInstall`, `installFlags`, or an
  attribute declared in `lateAttributes`) therefore rebuilds only late segments.

  Inputs:
    `boundaries` — where to cut (default [ "unpack" "configure" "build" "check" ]; see
      `segmentPlan`);
    `contentAddressed` — make earlier segments floating content-addressed derivations
      (needs the `ca-derivations` experimental feature), so a rebuilt segment with the same
      archive does not rebuild later ones;
    `lateAttributes` — attributes the author knows are first read in a later segment: a
      list of names (first read by the final segment) or an attrset `NAME = SEGMENT`. Only
      attributes the shared table does not list can be declared; a script of an earlier
      segment that names one still brings it there (see `placeAttributes`);
    `allowStandInRemnants` — let the final segment succeed when its outputs still name a
      stand-in path in a form relocation cannot rewrite (compressed, archived, UTF-16: an
      earlier segment wrote it); the outputs then differ from the unsplit build. Off by
      default: the final segment fails naming each file and form. The log lists what it let
      through;
    `drv` — a stdenv derivation (it must have `drvAttrs`, run `genericBuild` through
      `default-builder.sh` or a custom builder sourced by `source-stdenv.sh` (see
      `stdenvBuilder`), and not use `buildCommand`).
  `passthru.segments` is an attrset of the segment derivations by name (the final one
  included) and `passthru.segmentNames` their order.

  Type: splitPhases :: { boundaries :: [String]; contentAddressed :: Bool;
          lateAttributes :: [String] | AttrSet String; allowStandInRemnants :: Bool; }
          -> Derivation -> Derivation

  Example:
    hello' = splitPhases { } hello
    hello'.segmentNames                  => [ "unpack" "configure" "build" "install" ]
    hello'.segments.configure.name       => "hello-2.10-seg-configure"
    splitPhases { lateAttributes = [ "desktopItem" ]; } app   # edits of desktopItem rebuild install only
*/
{
  boundaries ? [
    "unpack"
    "configure"
    "build"
    "check"
  ],
  contentAddressed ? false,
  lateAttributes ? [ ],
  allowStandInRemnants ? false,
}:
drv:
let
  attrs =
    drv.drvAttrs
      or (throw "phasesplit: splitPhases expects a derivation (an attrset with drvAttrs), got ${builtins.typeOf drv}");
  packageName = attrs.name;
  outputs = attrs.outputs or [ "out" ];
  segments = segmentPlan { inherit boundaries; } attrs;
  carried = placeAttributes { inherit segments lateAttributes; } attrs;
  outputStandIns = standIns {
    name = packageName;
    inherit outputs;
  };

  # a custom builder script (sourced after the setup, as source-stdenv.sh does) or none
  builderShape = stdenvBuilder (attrs.args or null);
  customBuilder =
    if builderShape != null && builderShape.custom then
      { phasesplitBuilder = builderShape.builder; }
    else
      { };

  runnerArgs = [
    "-e"
    "${runner}/segment-runner.sh"
  ];

  contentAddressedAttrs = {
    __contentAddressed = true;
    outputHashMode = "recursive";
    outputHashAlgo = "sha256";
  };

  # what the runner reads (env vars, or .attrs.sh with structured attrs)
  runnerSettings = segment: previous: {
    phasesplitSegment = segment.name;
    phasesplitPhases = segment.phases;
    phasesplitFinal = segment.final;
    phasesplitPackage = packageName;
    phasesplitOutputs = outputs;
    phasesplitStandIns = map (output: "${output}=${outputStandIns.${output}}") outputs;
    phasesplitAttributes = carried.${segment.name};
    phasesplitTool = phasesplitTool;
    phasesplitPreviousSegment = if previous == null then "" else previous.segment.name;
    phasesplitPrevious = if previous == null then "" else previous.derivation;
    phasesplitPreviousAttributes = if previous == null then [ ] else carried.${previous.segment.name};
  }
  // customBuilder;

  carriedAttrs =
    segment:
    builtins.listToAttrs (
      map (name: {
        inherit name;
        value = attrs.${name};
      }) carried.${segment.name}
    );

  segmentDerivation =
    segment: previous:
    if segment.final then
      derivation (
        attrs
        // { args = runnerArgs; }
        // runnerSettings segment previous
        // (if allowStandInRemnants then { phasesplitAllowStandInRemnants = true; } else { })
      )
    else
      derivation (
        carriedAttrs segment
        // {
          name = "${packageName}-seg-${segment.name}";
          outputs = [ "out" ];
          args = runnerArgs;
        }
        // runnerSettings segment previous
        // (if contentAddressed then contentAddressedAttrs else { })
      );

  # each element: { segment; derivation; }, built in order so each sees its predecessor
  chain = builtins.foldl' (
    built: segment:
    let
      previous = if built == [ ] then null else builtins.elemAt built (builtins.length built - 1);
    in
    built
    ++ [
      {
        inherit segment;
        derivation = segmentDerivation segment previous;
      }
    ]
  ) [ ] segments;

  segmentNames = map (link: link.segment.name) chain;
  segmentsByName = builtins.listToAttrs (
    map (link: {
      inherit (link.segment) name;
      value = link.derivation;
    }) chain
  );
  final = (builtins.elemAt chain (builtins.length chain - 1)).derivation;
  passthru = (drv.passthru or { }) // {
    segments = segmentsByName;
    inherit segmentNames;
  };
in
final
// passthru
// {
  meta = drv.meta or { };
  inherit passthru;
}
