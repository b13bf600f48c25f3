# shellcheck shell=bash
# shellcheck disable=SC2154 # the __phasesplit* settings are read by settings.sh
# The final segment's phasesplitRelocatePhase: moves the outputs from their stand-in paths
# to the real ones and rewrites the stand-ins everywhere the rest of the build can see them.

# Hash part (the 32 characters after the store directory) of a store path.
__phasesplitHashPart() {
  local __phasesplitBase=${1##*/}
  printf '%s' "${__phasesplitBase:0:32}"
}

# __phasesplitRewriteVariables: replaces every stand-in hash part with the real one in every
# shell variable (scalars, indexed and associative arrays); readonly ones are left alone.
__phasesplitRewriteVariables() {
  local __phasesplitName __phasesplitOriginal __phasesplitChanged
  local __phasesplitOutput __phasesplitFrom __phasesplitTo
  for __phasesplitName in $(compgen -v); do
    case $__phasesplitName in
      BASH* | FUNCNAME | PIPESTATUS | __phasesplit*) continue ;;
    esac
    __phasesplitOriginal=$(__phasesplitDeclaration "$__phasesplitName") || continue
    __phasesplitChanged=$__phasesplitOriginal
    for __phasesplitOutput in "${__phasesplitOutputs[@]}"; do
      __phasesplitFrom=$(__phasesplitHashPart "${__phasesplitStandIn[$__phasesplitOutput]}")
      __phasesplitTo=$(__phasesplitHashPart "${__phasesplitOwnOutput[$__phasesplitOutput]}")
      __phasesplitChanged=${__phasesplitChanged//"$__phasesplitFrom"/"$__phasesplitTo"}
    done
    if [ "$__phasesplitChanged" != "$__phasesplitOriginal" ]; then
      eval "$__phasesplitChanged"
    fi
  done
}

phasesplitRelocatePhase() {
  local __phasesplitOutput __phasesplitArguments=()
  for __phasesplitOutput in "${__phasesplitOutputs[@]}"; do
    __phasesplitArguments+=(
      --store-path "${__phasesplitStandIn[$__phasesplitOutput]}=${__phasesplitOwnOutput[$__phasesplitOutput]}"
    )
  done
  echo "phasesplit: moving outputs from their stand-in paths to ${__phasesplitOwnOutput[*]}"
  "$__phasesplitTool" relocate "${__phasesplitArguments[@]}" --in "$NIX_BUILD_TOP"
  __phasesplitRewriteVariables
  __phasesplitSetOutputs __phasesplitOwnOutput
}
