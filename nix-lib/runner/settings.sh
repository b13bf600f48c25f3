# shellcheck shell=bash
# Reads the runner's settings (the phasesplit* attributes of the segment derivation) into
# __phasesplit* variables. Without structured attributes they are environment variables
# (lists space-separated, booleans "1" or ""); with structured attributes .attrs.sh
# (__phasesplitStructuredAttrsFile), which the caller sources at top level before this (its
# `declare`s would be local in a function), declares them (lists as arrays).

# __phasesplitReadList TARGET SOURCE: the words of setting SOURCE (scalar or array) into array TARGET.
__phasesplitSegment=""
__phasesplitPackage=""
__phasesplitFinal=""
__phasesplitTool=""
__phasesplitPrevious=""
__phasesplitPreviousSegment=""
__phasesplitBuilder=""
__phasesplitPhases=()
__phasesplitRunPhases=()
__phasesplitOutputs=()
__phasesplitAttributes=()
__phasesplitPreviousAttributes=()
__phasesplitIncrementalBase=""
__phasesplitIncrementalBaseSource=""
__phasesplitIncrementalBaseAttributes=()
__phasesplitIncrementalBuildPhases=()
__phasesplitIncrementalChangedAttributes=()
declare -A __phasesplitStandIn=() __phasesplitOwnOutput=()

__phasesplitReadList() {
  local -n __phasesplitListTarget=$1
  local -n __phasesplitListSource=$2
  read -r -a __phasesplitListTarget <<<"${__phasesplitListSource[*]:-}"
}

# __phasesplitStructuredAttrsFile: prints the .attrs.sh of a build with structured attributes:
# $NIX_ATTRS_SH_FILE (Nix >= 2.17 puts it outside the build directory), or .attrs.sh in the
# build directory (Nix 2.8, and the one phasesplit enter writes); fails without one. The
# runner and enter-shell.sh source it, and __phasesplitSetOutputs appends to it.
__phasesplitStructuredAttrsFile() {
  if [ -f "${NIX_ATTRS_SH_FILE:-}" ]; then
    printf '%s\n' "$NIX_ATTRS_SH_FILE"
  elif [ -f "$NIX_BUILD_TOP/.attrs.sh" ]; then
    printf '%s\n' "$NIX_BUILD_TOP/.attrs.sh"
  else
    return 1
  fi
}

# __phasesplitReadSettings: fills the runner's variables, and remembers the paths Nix gave
# this derivation's outputs before they are replaced by stand-ins.
__phasesplitReadSettings() {
  __phasesplitSegment=${phasesplitSegment:?phasesplit: the segment derivation has no phasesplitSegment attribute}
  __phasesplitPackage=${phasesplitPackage:-unknown}
  __phasesplitFinal=${phasesplitFinal:-}
  __phasesplitTool=${phasesplitTool:?phasesplit: the segment derivation has no phasesplitTool attribute}
  __phasesplitPrevious=${phasesplitPrevious:-}
  __phasesplitPreviousSegment=${phasesplitPreviousSegment:-}
  __phasesplitBuilder=${phasesplitBuilder:-}
  __phasesplitReadList __phasesplitPhases phasesplitPhases
  # what genericBuild runs: the phases, in the final segment with phasesplit's own phases
  __phasesplitReadList __phasesplitRunPhases phasesplitRunPhases
  __phasesplitReadList __phasesplitOutputs phasesplitOutputs
  __phasesplitReadList __phasesplitAttributes phasesplitAttributes
  __phasesplitReadList __phasesplitPreviousAttributes phasesplitPreviousAttributes
  # Only in an incremental segment (docs/design.md, "Incremental builds").
  __phasesplitIncrementalBase=${phasesplitIncrementalBase:-}
  __phasesplitIncrementalBaseSource=${phasesplitIncrementalBaseSource:-}
  __phasesplitReadList __phasesplitIncrementalBaseAttributes phasesplitIncrementalBaseAttributes
  __phasesplitReadList __phasesplitIncrementalBuildPhases phasesplitIncrementalBuildPhases
  __phasesplitReadList __phasesplitIncrementalChangedAttributes phasesplitIncrementalChangedAttributes

  local __phasesplitEntries=() __phasesplitEntry
  __phasesplitReadList __phasesplitEntries phasesplitStandIns
  __phasesplitStandIn=()
  for __phasesplitEntry in "${__phasesplitEntries[@]}"; do
    __phasesplitStandIn[${__phasesplitEntry%%=*}]=${__phasesplitEntry#*=}
  done

  # The paths Nix assigned to this derivation's own outputs: the segment archive directory
  # of an earlier segment, or the package's real outputs in the final one.
  __phasesplitOwnOutput=()
  local __phasesplitName
  if __phasesplitHasStructuredOutputs; then
    for __phasesplitName in "${!outputs[@]}"; do
      __phasesplitOwnOutput[$__phasesplitName]=${outputs[$__phasesplitName]}
    done
  else
    for __phasesplitName in ${outputs:-out}; do
      __phasesplitOwnOutput[$__phasesplitName]=${!__phasesplitName}
    done
  fi
}

# True when `outputs` is the associative array .attrs.sh declares (structured attributes).
__phasesplitHasStructuredOutputs() {
  [[ "$(declare -p outputs 2>/dev/null)" == "declare -A"* ]]
}

# __phasesplitSetOutputs VALUE-ARRAY-NAME: points every original output variable (and
# `outputs`) at the paths in the associative array named by $1 (output name -> path). With
# structured attributes the same assignments are appended to the .attrs.sh Nix wrote
# (__phasesplitStructuredAttrsFile), when it is writable, so a stdenv or builder that sources
# it again keeps them.
__phasesplitSetOutputs() {
  local -n __phasesplitPaths=$1
  local __phasesplitName
  if __phasesplitHasStructuredOutputs; then
    outputs=()
    for __phasesplitName in "${__phasesplitOutputs[@]}"; do
      outputs["$__phasesplitName"]=${__phasesplitPaths[$__phasesplitName]}
    done
    local __phasesplitAttrsFile
    if __phasesplitAttrsFile=$(__phasesplitStructuredAttrsFile) && [ -w "$__phasesplitAttrsFile" ]; then
      {
        declare -p outputs
        for __phasesplitName in "${__phasesplitOutputs[@]}"; do
          printf 'export %s=%q\n' "$__phasesplitName" "${__phasesplitPaths[$__phasesplitName]}"
        done
      } >>"$__phasesplitAttrsFile"
    fi
  else
    # shellcheck disable=SC2178 # without structured attributes outputs is a word list
    export outputs="${__phasesplitOutputs[*]}"
  fi
  for __phasesplitName in "${__phasesplitOutputs[@]}"; do
    export "$__phasesplitName=${__phasesplitPaths[$__phasesplitName]}"
  done
}
