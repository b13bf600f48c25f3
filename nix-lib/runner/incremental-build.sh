# shellcheck shell=bash
# shellcheck disable=SC2154 # the __phasesplit* settings are read by settings.sh
# The incremental segment (docs/design.md, "Incremental builds"): instead of configuring and
# building the new source from scratch, restore the base build segment (a previous split build
# of the package), bring its source up to the new source, and rebuild only what changed.

__phasesplitIncrementalScratch=".phasesplit-incremental"
__phasesplitIncrementalMode=""
__phasesplitIncrementalReport=""

# __phasesplitRestoreIncremental: restores the tree this segment builds on and sets
# __phasesplitIncrementalMode: `incremental` (the base build tree with the new source synced
# in; its shell state is restored by __phasesplitRestoreIncrementalState) or `clean` (the new
# source as the previous segment left it, configured and built from scratch).
__phasesplitRestoreIncremental() {
  # This runs before the stdenv is set up: no tools but bash and phasesplit.
  local __phasesplitScratch="$NIX_BUILD_TOP/$__phasesplitIncrementalScratch" __phasesplitOutput
  local __phasesplitReport="${__phasesplitOwnOutput[out]}/incremental.json" __phasesplitStandIns=()
  for __phasesplitOutput in "${__phasesplitOutputs[@]}"; do
    __phasesplitStandIns+=(--remove-on-clean "${__phasesplitStandIn[$__phasesplitOutput]}")
  done
  if [ ${#__phasesplitIncrementalChangedAttributes[@]} -gt 0 ]; then
    __phasesplitIncrementalMode=clean
    echo "phasesplit: attributes changed (${__phasesplitIncrementalChangedAttributes[*]}):" \
      "configuring and building the new source from scratch" >&2
    __phasesplitRestoreSegment "$__phasesplitPrevious"
    __phasesplitIncrementalReport="{ \"mode\": \"clean\", \"reason\": \"attributes changed: ${__phasesplitIncrementalChangedAttributes[*]}\","
    __phasesplitIncrementalReport+=' "added": [], "changed": [], "deleted": [] }'
    return
  fi
  __phasesplitRestoreTree "$__phasesplitIncrementalBaseSource" "$__phasesplitScratch/old"
  __phasesplitRestoreTree "$__phasesplitPrevious" "$__phasesplitScratch/new"
  __phasesplitRestoreSegment "$__phasesplitIncrementalBase"
  __phasesplitIncrementalMode=$(
    "$__phasesplitTool" sync-source --old "$__phasesplitScratch/old" --new "$__phasesplitScratch/new" \
      --into "$NIX_BUILD_TOP" --exclude "$__phasesplitIncrementalScratch" \
      --exclude .attrs.sh --exclude .attrs.json --exclude env-vars --report "$__phasesplitReport" \
      --remove-sources "${__phasesplitStandIns[@]}"
  )
  # in clean mode sync-source emptied the tree and removed the stand-in outputs
  if [ "$__phasesplitIncrementalMode" = clean ]; then
    __phasesplitRestoreSegment "$__phasesplitPrevious"
  fi
}

# __phasesplitRestoreIncrementalState: the shell state to continue from, and the phases to
# run: in `incremental` mode the base build segment's state and only the build phases; in
# `clean` mode the previous segment's state and all of this segment's phases.
__phasesplitRestoreIncrementalState() {
  if [ "$__phasesplitIncrementalMode" = incremental ]; then
    __phasesplitPreviousAttributes=("${__phasesplitIncrementalBaseAttributes[@]}")
    __phasesplitRestoreState "$__phasesplitIncrementalBase/state.sh"
    __phasesplitPhases=("${__phasesplitIncrementalBuildPhases[@]}")
    echo "phasesplit: rebuilding incrementally from ${__phasesplitIncrementalBase}:" \
      "${__phasesplitPhases[*]}" >&2
  else
    __phasesplitRestoreState "$__phasesplitPrevious/state.sh"
  fi
  if [ -n "$__phasesplitIncrementalReport" ]; then
    mkdir -p "${__phasesplitOwnOutput[out]}"
    printf '%s\n' "$__phasesplitIncrementalReport" >"${__phasesplitOwnOutput[out]}/incremental.json"
  fi
}
