# shellcheck shell=bash
# shellcheck disable=SC2154 # the __phasesplit* settings are read by settings.sh
# The final segment's phasesplitRelocatePhase: moves the outputs from their stand-in paths
# to the real ones and rewrites the stand-ins everywhere the rest of the build can see them.

# __phasesplitRewriteVariables: replaces every stand-in hash part with the real one in every
# shell variable (scalars, indexed and associative arrays); readonly ones are left alone.
__phasesplitRewriteVariables() {
  local __phasesplitName __phasesplitText __phasesplitChanged __phasesplitOutput __phasesplitIndex
  local __phasesplitFrom=() __phasesplitTo=() __phasesplitBase
  for __phasesplitOutput in "${__phasesplitOutputs[@]}"; do
    __phasesplitBase=${__phasesplitStandIn[$__phasesplitOutput]##*/}
    __phasesplitFrom+=("${__phasesplitBase:0:32}")
    __phasesplitBase=${__phasesplitOwnOutput[$__phasesplitOutput]##*/}
    __phasesplitTo+=("${__phasesplitBase:0:32}")
  done
  for __phasesplitName in $(compgen -v); do
    case $__phasesplitName in
      BASH* | FUNCNAME | PIPESTATUS | __phasesplit*) continue ;;
    esac
    __phasesplitVariableText "$__phasesplitName" || continue
    __phasesplitChanged=$__phasesplitText
    for __phasesplitIndex in "${!__phasesplitFrom[@]}"; do
      __phasesplitChanged=${__phasesplitChanged//"${__phasesplitFrom[__phasesplitIndex]}"/"${__phasesplitTo[__phasesplitIndex]}"}
    done
    if [ "$__phasesplitChanged" != "$__phasesplitText" ]; then
      __phasesplitChanged=$(__phasesplitGlobalDeclaration "$__phasesplitChanged") || continue
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
