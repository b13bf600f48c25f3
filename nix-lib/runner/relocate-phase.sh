# shellcheck shell=bash
# shellcheck disable=SC2154 # the __phasesplit* settings are read by settings.sh
# The final segment's phasesplitRelocatePhase: moves the outputs from their stand-in paths
# to the real ones and rewrites the stand-ins everywhere the rest of the build can see them.

# How many leading characters of an output's hash part a value derived from the output path
# at setup time keeps: nixpkgs' reproducible-builds hook passes `-frandom-seed=` with the
# first 10 characters of $out's base name to every compilation.
__phasesplitSeedLength=10

# __phasesplitRewriteVariables: replaces every stand-in hash part with the real one in every
# shell variable (scalars, indexed and associative arrays), then every remaining
# seed-length prefix of a stand-in hash (a value derived from the stand-in path at setup,
# such as the compiler's -frandom-seed) with the real one's, so the phases after the move
# see what the unsplit build of this derivation sees; readonly ones are left alone.
__phasesplitRewriteVariables() {
  local __phasesplitName __phasesplitText __phasesplitChanged __phasesplitOutput __phasesplitIndex
  local __phasesplitFrom=() __phasesplitTo=() __phasesplitBase __phasesplitRealBase
  for __phasesplitOutput in "${__phasesplitOutputs[@]}"; do
    __phasesplitBase=${__phasesplitStandIn[$__phasesplitOutput]##*/}
    __phasesplitRealBase=${__phasesplitOwnOutput[$__phasesplitOutput]##*/}
    __phasesplitFrom+=("${__phasesplitBase:0:32}")
    __phasesplitTo+=("${__phasesplitRealBase:0:32}")
  done
  for __phasesplitOutput in "${__phasesplitOutputs[@]}"; do
    __phasesplitBase=${__phasesplitStandIn[$__phasesplitOutput]##*/}
    __phasesplitRealBase=${__phasesplitOwnOutput[$__phasesplitOutput]##*/}
    __phasesplitFrom+=("${__phasesplitBase:0:__phasesplitSeedLength}")
    __phasesplitTo+=("${__phasesplitRealBase:0:__phasesplitSeedLength}")
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

# __phasesplitStandInArguments: sets the caller's __phasesplitArguments to
# `--store-path STANDIN=REAL` for every output (for `phasesplit relocate` and `scan-stand-ins`).
__phasesplitStandInArguments() {
  local __phasesplitOutput
  __phasesplitArguments=()
  for __phasesplitOutput in "${__phasesplitOutputs[@]}"; do
    __phasesplitArguments+=(
      --store-path "${__phasesplitStandIn[$__phasesplitOutput]}=${__phasesplitOwnOutput[$__phasesplitOutput]}"
    )
  done
}

phasesplitRelocatePhase() {
  local __phasesplitArguments=()
  __phasesplitStandInArguments
  echo "phasesplit: moving outputs from their stand-in paths to ${__phasesplitOwnOutput[*]}"
  "$__phasesplitTool" relocate "${__phasesplitArguments[@]}" --in "$NIX_BUILD_TOP"
  __phasesplitRewriteVariables
  __phasesplitSetOutputs __phasesplitOwnOutput
}

# __phasesplitOutputPaths: sets __phasesplitPaths to the real output paths that exist.
__phasesplitOutputPaths() {
  local __phasesplitOutput
  __phasesplitPaths=()
  for __phasesplitOutput in "${__phasesplitOutputs[@]}"; do
    [ -e "${__phasesplitOwnOutput[$__phasesplitOutput]}" ] &&
      __phasesplitPaths+=("${__phasesplitOwnOutput[$__phasesplitOutput]}")
  done
  return 0
}

# __phasesplitCheckStandInTraces: fails when an output still holds a seed-length prefix of a
# stand-in hash at the end of the build. Relocation rewrites whole hash parts and hash tails,
# and the compiler's recorded `-frandom-seed=…`; any other such prefix is a value derived from
# the stand-in path at setup time in an earlier segment, which the unsplit build derived from
# its own path: the outputs would differ from it. docs/design.md, "Values derived from output
# paths".
__phasesplitCheckStandInTraces() {
  local __phasesplitOutput __phasesplitPrefix __phasesplitFiles=() __phasesplitPaths=()
  __phasesplitOutputPaths
  [ "${#__phasesplitPaths[@]}" -gt 0 ] || return 0
  for __phasesplitOutput in "${__phasesplitOutputs[@]}"; do
    __phasesplitPrefix=${__phasesplitStandIn[$__phasesplitOutput]##*/}
    __phasesplitPrefix=${__phasesplitPrefix:0:__phasesplitSeedLength}
    local __phasesplitFound="" __phasesplitStatus=0
    __phasesplitFound=$(grep -rlaF -e "$__phasesplitPrefix" -- "${__phasesplitPaths[@]}") ||
      __phasesplitStatus=$?
    if [ "$__phasesplitStatus" -gt 1 ]; then
      echo "phasesplit: searching the outputs for stand-in traces failed (grep status" \
        "$__phasesplitStatus); the stdenv must provide grep" >&2
      return 1
    fi
    mapfile -t __phasesplitFiles <<<"$__phasesplitFound"
    if [ -n "$__phasesplitFound" ]; then
      {
        echo "phasesplit: output files hold $__phasesplitPrefix, the first" \
          "$__phasesplitSeedLength characters of the stand-in for output $__phasesplitOutput: a value" \
          "derived from a piece of the stand-in path (as nixpkgs' reproducible-builds hook derives the" \
          "compiler's -frandom-seed at setup time) reached the outputs, where the unsplit build has" \
          "one derived from its own path: ${__phasesplitFiles[*]}"
        echo "phasesplit: set NIX_OUTPATH_USED_AS_RANDOM_SEED in the package (the seed then does not" \
          "depend on the output path), choose boundaries that compile in the final segment, or" \
          "build the package unsplit"
      } >&2
      return 1
    fi
  done
}
