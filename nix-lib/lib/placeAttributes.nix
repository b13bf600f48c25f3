{
  attributePhases,
  attributeMatches,
  segmentContract,
}:
/**
  Which attributes each segment's derivation carries.

  Every derivation attribute is an environment variable of every process of the build
  (configure, make, compilers, setup hooks, `printenv`), so an attribute reaches every segment
  from the first one on, unless something says it can wait:

  - the shared table `attribute-phases.json` lists it under the phases whose stdenv code reads
    it (`phases`): it first appears in the segment of the earliest such phase;
  - the package author declares it late (`lateAttributes`): it first appears in the named
    segment (the final one for a plain list entry).

  Either way it appears earlier when an earlier segment's scripts may read it: the text of the
  segment's script attributes (its phases' code and pre/post hooks, `unpackCmd`,
  `setSourceRoot`, `preHook`, `postHook`) holds its name (or `NAMEPath` for a `passAsFile`
  attribute) or the name of a standard phase whose table list holds it, as a word of
  `[A-Za-z0-9_]` characters. A script with `eval`, `source`, `substituteAll`,
  `substituteAllInPlace`, `printenv` or `${!` may read anything, so its segment carries every
  attribute. This check is textual and over-approximates; `phasesplit` applies the same rule,
  so the CLI and this library give the same segment derivations.

  From its first segment on, an attribute is carried by every later segment (a later segment
  depends on the earlier ones anyway, so this costs no reuse). `everywhere` attributes start in
  the first segment; `finalOnly` ones (output checks, fixed-output hashes) are only in the final
  segment, which carries every attribute.

  Inputs: `{ segments, lateAttributes ? [ ] }` (`segments` from `segmentPlan`;
  `lateAttributes` a list of names, each first read in the final segment, or an attrset
  `NAME = SEGMENT`), then `attrs`.

  Type: placeAttributes :: { segments :: [Segment];
          lateAttributes :: [String] | AttrSet String; } -> AttrSet -> AttrSet [String]

  Example:
    (placeAttributes { inherit segments; } helloAttrs).configure
      => [ "args" "builder" "configureFlags" "name" "src" ... ]   # no postInstall
    (placeAttributes { inherit segments; lateAttributes = [ "desktopItem" ]; } attrs).build
      => [ ... ]   # no desktopItem, unless a script of unpack/configure/build names it
*/
{
  segments,
  lateAttributes ? [ ],
}:
attrs:
let
  table = attributePhases;
  names = builtins.attrNames attrs;
  packageName = attrs.name or "<unnamed>";
  segmentCount = builtins.length segments;
  finalIndex = segmentCount - 1;
  finalName = (builtins.elemAt segments finalIndex).name;
  segmentNames = map (segment: segment.name) segments;
  indexOf =
    name:
    let
      go = i: if i >= segmentCount then null else if builtins.elemAt segmentNames i == name then i else go (i + 1);
    in
    go 0;

  isFinalOnly = attributeMatches (table.finalOnly or [ ]);
  isEverywhere = attributeMatches table.everywhere;
  tablePhaseNames = builtins.attrNames table.phases;
  listedInPhases = name: builtins.any (phase: builtins.elem name table.phases.${phase}) tablePhaseNames;

  fail = message: throw "phasesplit: ${packageName}: ${message}";

  declared =
    if builtins.isList lateAttributes then
      builtins.listToAttrs (
        map (name: {
          inherit name;
          value = finalName;
        }) lateAttributes
      )
    else if builtins.isAttrs lateAttributes then
      lateAttributes
    else
      fail "lateAttributes must be a list of attribute names or an attrset NAME = SEGMENT, not a ${builtins.typeOf lateAttributes}";

  lateIndexOf =
    name:
    let
      segment = declared.${name};
      index = indexOf segment;
    in
    if !(attrs ? ${name}) then
      fail "lateAttributes names ${name}, which is not an attribute of the package"
    else if builtins.match "[A-Za-z_][A-Za-z0-9_]*" name == null then
      fail "lateAttributes names ${name}, which is not a shell variable name; only those can be declared late"
    else if isEverywhere name || isFinalOnly name || listedInPhases name then
      fail "lateAttributes names ${name}, which the shared table attribute-phases.json already places; declare only attributes it does not list"
    else if !(builtins.isString segment) || index == null then
      fail "lateAttributes gives ${name} the segment ${builtins.toJSON segment}; the segments are ${builtins.concatStringsSep ", " segmentNames}"
    else
      index;

  # a standard phase's pre/post hooks and other scripts (segment-contract.json)
  standardScripts = builtins.listToAttrs (
    map (rule: {
      name = rule.phase;
      value = rule.hooks ++ rule.otherScripts;
    }) segmentContract.standardPhases
  );
  scriptAttributes =
    segment:
    segmentContract.everySegmentScripts
    ++ builtins.concatMap (phase: [ phase ] ++ (standardScripts.${phase} or [ ])) segment.phases;
  scriptText =
    segment:
    builtins.concatStringsSep "\n" (
      map (
        name:
        let
          value = attrs.${name} or null;
        in
        if builtins.isString value then value else ""
      ) (scriptAttributes segment)
    );

  # the words of an earlier segment's scripts, as an attrset for fast lookup
  wordsOf =
    text:
    builtins.listToAttrs (
      map (match: {
        name = builtins.head match;
        value = true;
      }) (builtins.filter builtins.isList (builtins.split "([A-Za-z0-9_]+)" text))
    );
  readsAnything =
    words: text:
    builtins.any (word: words ? ${word}) [
      "eval"
      "source"
      "substituteAll"
      "substituteAllInPlace"
      "printenv"
    ]
    || builtins.length (builtins.split "[$][{]!" text) > 1;
  passedAsFile = builtins.filter builtins.isString (
    if builtins.isList (attrs.passAsFile or null) then attrs.passAsFile else [ ]
  );
  earlierScripts = builtins.genList (
    index:
    let
      text = scriptText (builtins.elemAt segments index);
      words = wordsOf text;
    in
    {
      inherit index words;
      anything = readsAnything words text;
    }
  ) finalIndex;
  mentions =
    script: name:
    script.anything
    || script.words ? ${name}
    || (builtins.elem name passedAsFile && script.words ? "${name}Path")
    || builtins.any (phase: script.words ? ${phase} && builtins.elem name table.phases.${phase}) tablePhaseNames;

  phaseSegmentIndices =
    name:
    builtins.filter (index: index != null) (
      builtins.genList (
        index:
        if
          builtins.any (phase: builtins.elem name (table.phases.${phase} or [ ])) (builtins.elemAt segments index).phases
        then
          index
        else
          null
      ) segmentCount
    );

  minimum = builtins.foldl' (a: b: if b < a then b else a) finalIndex;

  firstIndex =
    name:
    let
      default =
        if declared ? ${name} then
          lateIndices.${name}
        else if isEverywhere name then
          0
        else if listedInPhases name then
          finalIndex
        else
          0;
      readers = map (script: script.index) (builtins.filter (script: mentions script name) earlierScripts);
    in
    minimum ([ default ] ++ phaseSegmentIndices name ++ readers);

  first = builtins.listToAttrs (
    map (name: {
      inherit name;
      value = if isFinalOnly name then finalIndex else firstIndex name;
    }) names
  );

  lateIndices = builtins.mapAttrs (name: _: lateIndexOf name) declared;
  carried =
    index:
    if index == finalIndex then names else builtins.filter (name: !(isFinalOnly name) && first.${name} <= index) names;
in
builtins.deepSeq lateIndices (
  builtins.listToAttrs (
    builtins.genList (index: {
      name = builtins.elemAt segmentNames index;
      value = carried index;
    }) segmentCount
  )
)
