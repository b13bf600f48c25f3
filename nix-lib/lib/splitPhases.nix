{
  segmentPlan,
  placeAttributes,
  standIns,
  stdenvBuilder,
  attributePhases,
  segmentContract,
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
    `incrementalFrom` — a previous split build of the package (what `splitPhases` returned
      for an older source, default boundaries). The segments after `unpack` up to and
      including `build` become one segment, `NAME-incremental-seg-build`, that restores that
      build's `build` segment, brings its source up to the new one (only changed files get
      new mtimes) and reruns the build phases, so make or ninja rebuild only what the change
      affects; later segments are named `NAME-incremental-seg-SEGMENT`, the final one keeps
      the package's name. It configures and builds from scratch instead when an attribute
      other than the source ones (the table's unpack and patch attributes: `src`, `patches`,
      `postPatch`, …) differs, or when a make tree's build description changed or lost files
      (docs/design.md, "Incremental builds"). `passthru.incremental` has `from` and
      `changedAttributes`;
    `drv` — a stdenv derivation (it must have `drvAttrs`, run `genericBuild` through
      `default-builder.sh` or a custom builder sourced by `source-stdenv.sh` (see
      `stdenvBuilder`), and not use `buildCommand`).
  `passthru.packageAttrs` are `drv`'s attributes; `passthru.segments` is an attrset of the
  segment derivations by name (the final one
  included) and `passthru.segmentNames` their order.

  Type: splitPhases :: { boundaries :: [String]; contentAddressed :: Bool;
          lateAttributes :: [String] | AttrSet String; allowStandInRemnants :: Bool;
          incrementalFrom :: Derivation | Null; }
          -> Derivation -> Derivation

  Example:
    hello' = splitPhases { } hello
    hello'.segmentNames                  => [ "unpack" "configure" "build" "install" ]
    hello'.segments.configure.name       => "hello-2.10-seg-configure"
    splitPhases { lateAttributes = [ "desktopItem" ]; } app   # edits of desktopItem rebuild install only
    splitPhases { incrementalFrom = splitPhases { } oldHello; } hello   # rebuild what the edit affects
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
  incrementalFrom ? null,
}:
drv:
let
  attrs =
    drv.drvAttrs
      or (throw "phasesplit: splitPhases expects a derivation (an attrset with drvAttrs), got ${builtins.typeOf drv}");
  packageName = attrs.name;
  outputs = attrs.outputs or [ "out" ];
  plannedSegments = segmentPlan { inherit boundaries; } attrs;
  carried = placeAttributes {
    segments = plannedSegments;
    inherit lateAttributes;
  } attrs;
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
  # Incremental builds (docs/design.md): the segments after unpack up to and including build
  # become one segment that starts from incrementalFrom's build segment.
  incremental = incrementalFrom != null;
  plannedNames = map (segment: segment.name) plannedSegments;
  indexed = builtins.genList (index: {
    inherit index;
    segment = builtins.elemAt plannedSegments index;
  }) (builtins.length plannedSegments);
  positionOf =
    name: (builtins.head (builtins.filter (entry: entry.segment.name == name) indexed)).index;
  hasUnpackAndBuild = names: builtins.elem "unpack" names && builtins.elem "build" names;
  base =
    if !(builtins.isAttrs incrementalFrom && incrementalFrom ? segments && incrementalFrom ? packageAttrs) then
      throw "phasesplit: incrementalFrom must be a package returned by splitPhases (it has passthru.segments)"
    else if !(hasUnpackAndBuild plannedNames && hasUnpackAndBuild incrementalFrom.segmentNames) then
      throw "phasesplit: incrementalFrom needs both packages split with segments unpack and build (the new one has ${builtins.concatStringsSep ", " plannedNames}, the old one ${builtins.concatStringsSep ", " incrementalFrom.segmentNames}); use the default boundaries"
    else
      {
        build = incrementalFrom.segments.build;
        source = incrementalFrom.segments.unpack;
        attributes = incrementalFrom.segments.build.drvAttrs.phasesplitAttributes;
      };
  # the attributes only unpackPhase and patchPhase read make the source, which the segment syncs
  sourceAttributes = attributePhases.phases.unpackPhase ++ attributePhases.phases.patchPhase;
  comparable = value: builtins.unsafeDiscardStringContext (builtins.toJSON value);
  changedAttributes =
    let
      newNames = carried.build;
      oldAttrs = incrementalFrom.packageAttrs;
      names = builtins.filter (name: !(builtins.elem name sourceAttributes)) (
        newNames ++ builtins.filter (name: !(builtins.elem name newNames)) base.attributes
      );
    in
    builtins.filter (
      name: !(attrs ? ${name}) || !(oldAttrs ? ${name}) || comparable attrs.${name} != comparable oldAttrs.${name}
    ) names;
  segments =
    if !incremental then
      plannedSegments
    else
      let
        unpackAt = positionOf "unpack";
        buildAt = positionOf "build";
        merged = builtins.filter (entry: entry.index > unpackAt && entry.index <= buildAt) indexed;
      in
      map (entry: entry.segment) (builtins.filter (entry: entry.index <= unpackAt) indexed)
      ++ [
        {
          name = "build";
          phases = builtins.concatLists (map (entry: entry.segment.phases) merged);
          buildPhases = (builtins.elemAt plannedSegments buildAt).phases;
          final = false;
          incrementalBase = true;
        }
      ]
      ++ map (entry: entry.segment) (builtins.filter (entry: entry.index > buildAt) indexed);
  # earlier segments are named NAME-seg-SEGMENT (the contract's earlierSegmentInfix), those from
  # the incremental one on NAME-incremental-seg-SEGMENT
  segmentPrefix =
    previous: segment:
    if incremental && (segment.incrementalBase or false || previous.incremental or false) then
      "${packageName}-incremental"
    else
      packageName;

  # The phases the runner hands to genericBuild: the segment's phases, and in the final segment
  # the relocate phase before fixupPhase (at the end when there is none) and the stand-in scan
  # after the last phase (the contract's finalSegmentRun).
  runPhases =
    segment:
    let
      rule = segmentContract.finalSegmentRun;
      relocated = builtins.concatMap (
        phase: if phase == rule.relocateBefore then [ rule.relocatePhase phase ] else [ phase ]
      ) segment.phases;
      withRelocate =
        if builtins.elem rule.relocateBefore segment.phases then relocated else relocated ++ [ rule.relocatePhase ];
    in
    if segment.final then withRelocate ++ rule.lastPhases else segment.phases;
  incrementalSettings = segment: {
    phasesplitIncrementalBase = base.build;
    phasesplitIncrementalBaseSource = base.source;
    phasesplitIncrementalBaseAttributes = base.attributes;
    phasesplitIncrementalBuildPhases = segment.buildPhases;
    phasesplitIncrementalChangedAttributes = changedAttributes;
  };

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
    phasesplitRunPhases = runPhases segment;
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
          name = "${segmentPrefix previous segment}${segmentContract.earlierSegmentInfix}${segment.name}";
          outputs = [ "out" ];
          args = runnerArgs;
        }
        // runnerSettings segment previous
        // (if segment.incrementalBase or false then incrementalSettings segment else { })
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
        incremental = incremental && (segment.incrementalBase or false || previous.incremental or false);
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
  passthru =
    (drv.passthru or { })
    // {
      segments = segmentsByName;
      inherit segmentNames;
      packageAttrs = attrs;
    }
    // (
      if incremental then
        {
          incremental = {
            from = incrementalFrom;
            inherit changedAttributes;
          };
        }
      else
        { }
    );
in
final
// passthru
// {
  meta = drv.meta or { };
  inherit passthru;
}
