# shellcheck shell=bash
# shellcheck disable=SC2154 # the __phasesplit* settings are read by settings.sh
# The final segment's phasesplitRelocatePhase: moves the outputs from their stand-in paths
# to the real ones and rewrites the stand-ins everywhere the rest of the build can see them.

# Hash part (the 32 characters after the store directory) of a store path.
__phasesplitHashPart() {
  local base=${1##*/}
  printf '%s' "${base:0:32}"
}

# __phasesplitRewriteVariables: replaces every stand-in hash part with the real one in every
# shell variable (scalars, indexed and associative arrays); readonly ones are left alone.
__phasesplitRewriteVariables() {
  local name declaration output from to changed
  for name in $(compgen -v); do
    case $name in
      BASH* | FUNCNAME | PIPESTATUS | __phasesplit*) continue ;;
    esac
    declaration=$(__phasesplitDeclaration "$name") || continue
    changed=$declaration
    for output in "${__phasesplitOutputs[@]}"; do
      from=$(__phasesplitHashPart "${__phasesplitStandIn[$output]}")
      to=$(__phasesplitHashPart "${__phasesplitOwnOutput[$output]}")
      changed=${changed//"$from"/"$to"}
    done
    if [ "$changed" != "$declaration" ]; then
      eval "$changed"
    fi
  done
}

phasesplitRelocatePhase() {
  local output arguments=()
  for output in "${__phasesplitOutputs[@]}"; do
    arguments+=(--store-path "${__phasesplitStandIn[$output]}=${__phasesplitOwnOutput[$output]}")
  done
  echo "phasesplit: moving outputs from their stand-in paths to ${__phasesplitOwnOutput[*]}"
  "$__phasesplitTool" relocate "${arguments[@]}" --in "$NIX_BUILD_TOP"
  __phasesplitRewriteVariables
  __phasesplitSetOutputs __phasesplitOwnOutput
}
