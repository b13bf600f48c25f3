# shellcheck shell=bash
# shellcheck disable=SC2154 # the __phasesplit* settings are read by settings.sh
# The incremental segment (docs/design.md, "Incremental builds"): instead of configuring and
# building the new source from scratch, restore the base build segment (a previous split build
# of the package), bring its source up to the new source, and rebuild only what changed.

__phasesplitIncrementalScratch=".phasesplit-incremental"
__phasesplitIncrementalDeleted=".phasesplit-deleted"
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
  # deleted files of a make tree are settled by the build phase's make (see below), so only
  # when the build phase is the stdenv's, which runs make once
  local __phasesplitKeepDeleted=()
  if [ -z "${buildPhase:-}" ] && [ -z "${preBuildPhases:-}" ]; then
    __phasesplitKeepDeleted=(--keep-deleted "$NIX_BUILD_TOP/$__phasesplitIncrementalDeleted")
  fi
  __phasesplitRestoreSegment "$__phasesplitIncrementalBase"
  # the two source trees are compared in their archives; only changed entries are extracted
  __phasesplitIncrementalMode=$(
    "$__phasesplitTool" sync-source --old "$__phasesplitIncrementalBaseSource" --new "$__phasesplitPrevious" \
      --into "$NIX_BUILD_TOP" --scratch "$__phasesplitScratch" --report "$__phasesplitReport" \
      --exclude "$__phasesplitIncrementalScratch" --exclude "$__phasesplitIncrementalDeleted" \
      --exclude .attrs.sh --exclude .attrs.json --exclude env-vars \
      "${__phasesplitStandIns[@]}" "${__phasesplitKeepDeleted[@]}"
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
    if [ -f "$NIX_BUILD_TOP/$__phasesplitIncrementalDeleted" ]; then
      __phasesplitInstallMakeSettler
      __phasesplitPhases+=(phasesplitDeletionsSettledPhase)
    fi
    # an earlier segment: genericBuild runs just these phases
    __phasesplitRunPhases=("${__phasesplitPhases[@]}")
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

# Deleted files of a make tree (docs/design.md, "Deleted files in a make tree"): sync-source
# kept them, with new mtimes as if changed, and listed them. The build phase's first `make`
# runs once more as `make -t` with the same arguments, which in the previous build's graph
# touches every target that depends on them (or on another changed file); those targets and
# the deleted files are removed, then make builds for real.
__phasesplitInstallMakeSettler() {
  # shellcheck disable=SC2317 # called by the build phase
  make() {
    unset -f make
    __phasesplitSettleDeletions "$@" && make "$@"
  }
}

__phasesplitSettleDeletions() {
  local __phasesplitScratch="$NIX_BUILD_TOP/$__phasesplitIncrementalScratch" __phasesplitPath
  mkdir "$__phasesplitScratch"
  touch "$__phasesplitScratch/stamp" "$__phasesplitScratch/probe"
  # file times are coarse: wait until a file written now is newer than the stamp
  until [ "$__phasesplitScratch/probe" -nt "$__phasesplitScratch/stamp" ]; do
    touch "$__phasesplitScratch/probe"
  done
  echo "phasesplit: marking what depends on the deleted files: make -t $*" >&2
  if ! command make -t "$@"; then
    echo "phasesplit: make -t failed, so what depends on the deleted files is unknown: build" \
      "without --from (incrementalFrom) for a clean build" >&2
    return 1
  fi
  echo "phasesplit: removing the targets make -t marked and the deleted files:" >&2
  find "$NIX_BUILD_TOP" -path "$__phasesplitScratch" -prune -o ! -type d \
    -newer "$__phasesplitScratch/stamp" -print -exec rm -f -- {} + >&2
  while IFS= read -r -d '' __phasesplitPath; do
    echo "$NIX_BUILD_TOP/$__phasesplitPath" >&2
    rm -rf -- "${NIX_BUILD_TOP:?}/$__phasesplitPath"
  done <"$NIX_BUILD_TOP/$__phasesplitIncrementalDeleted"
  rm -rf "${NIX_BUILD_TOP:?}/$__phasesplitIncrementalDeleted" "$__phasesplitScratch"
}

# phasesplitDeletionsSettledPhase: after the build phases, fails when no make ran to settle
# the deleted files (a setup hook replaced the build phase): the result could differ from a
# clean build.
phasesplitDeletionsSettledPhase() {
  unset -f make
  if [ -f "$NIX_BUILD_TOP/$__phasesplitIncrementalDeleted" ]; then
    echo "phasesplit: the build phases ran no make, so what depends on the deleted files is" \
      "unknown: build without --from (incrementalFrom) for a clean build" >&2
    return 1
  fi
}
