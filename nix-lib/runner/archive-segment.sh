# shellcheck shell=bash
# shellcheck disable=SC2154 # the __phasesplit* settings are read by settings.sh
# Archives an earlier segment into its $out (docs/design.md, "Segment archive layout").

# __phasesplitArchiveSegment DIR: writes state.sh, the tree's layer (tree.pst, tree.index and,
# after the first segment, `previous`: a symlink to the segment restored (the previous one), so Nix sees the
# reference and the closure carries the layers below), output-NAME.pst for each stand-in output
# that exists, and segment.json into DIR.
__phasesplitArchiveSegment() {
  local __phasesplitArchive=$1 __phasesplitOutput __phasesplitStandInPath __phasesplitBase=()
  mkdir -p "$__phasesplitArchive"
  __phasesplitWriteState "$__phasesplitArchive/state.sh"
  # the layer's base is the segment restored into the tree: the previous one, or the base
  # build of an incremental segment (docs/design.md, "Incremental builds")
  if [ -n "$__phasesplitRestoredFrom" ] && [ -f "$__phasesplitRestoredFrom/tree.index" ]; then
    __phasesplitBase=(--previous-index "$__phasesplitRestoredFrom/tree.index"
      --changed-since "$__phasesplitRestoredAt")
    ln -s "$__phasesplitRestoredFrom" "$__phasesplitArchive/previous"
  fi
  "$__phasesplitTool" pack "$NIX_BUILD_TOP" -o "$__phasesplitArchive/tree.pst" \
    --index "$__phasesplitArchive/tree.index" "${__phasesplitBase[@]}" \
    --exclude .attrs.sh --exclude .attrs.json --exclude env-vars
  for __phasesplitOutput in "${__phasesplitOutputs[@]}"; do
    __phasesplitStandInPath=${__phasesplitStandIn[$__phasesplitOutput]}
    if [ -d "$__phasesplitStandInPath" ]; then
      "$__phasesplitTool" pack "$__phasesplitStandInPath" \
        -o "$__phasesplitArchive/output-$__phasesplitOutput.pst"
    elif [ -e "$__phasesplitStandInPath" ]; then
      echo "phasesplit: output $__phasesplitOutput is a single file before the final segment;" \
        "only directories can be carried between segments: move the phase that creates it into" \
        "the final segment (choose fewer boundaries)" >&2
      return 1
    fi
  done
  __phasesplitWriteSegmentJson >"$__phasesplitArchive/segment.json"
}

# __phasesplitJsonList NAME…: a JSON array of the given strings (names: no quotes or backslashes).
__phasesplitJsonList() {
  local __phasesplitSeparator="" __phasesplitItem
  printf '['
  for __phasesplitItem in "$@"; do
    printf '%s"%s"' "$__phasesplitSeparator" "$__phasesplitItem"
    __phasesplitSeparator=", "
  done
  printf ']'
}

# __phasesplitWriteSegmentJson: { "segment": NAME, "phases": [...], "attributes": [...] }.
__phasesplitWriteSegmentJson() {
  printf '{ "segment": "%s", "phases": %s, "attributes": %s }\n' "$__phasesplitSegment" \
    "$(__phasesplitJsonList "${__phasesplitPhases[@]}")" \
    "$(__phasesplitJsonList "${__phasesplitAttributes[@]}")"
}
