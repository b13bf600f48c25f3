# shellcheck shell=bash
# The builder script of every phasesplit segment derivation (`bash -e segment-runner.sh`).
# It restores the previous segment (build tree, stand-in outputs, shell state), runs this
# segment's phases with the stdenv's own genericBuild, then, in an earlier segment, archives
# the result into $out (tree.pst, output-NAME.pst, state.sh, segment.json); in the final
# segment it moves the outputs to their real paths before fixupPhase. docs/design.md is the
# contract.
__phasesplitRunnerDir=${BASH_SOURCE[0]%/*}
# shellcheck source=nix-lib/runner/settings.sh
source "$__phasesplitRunnerDir/settings.sh"
# shellcheck source=nix-lib/runner/failure-report.sh
source "$__phasesplitRunnerDir/failure-report.sh"
# shellcheck source=nix-lib/runner/shell-state.sh
source "$__phasesplitRunnerDir/shell-state.sh"
# shellcheck source=nix-lib/runner/relocate-phase.sh
source "$__phasesplitRunnerDir/relocate-phase.sh"

# Structured attributes: the settings and outputs are in .attrs.sh.
if [ -f "${NIX_ATTRS_SH_FILE:-}" ]; then
  # shellcheck disable=SC1090 # written by Nix for this build
  source "$NIX_ATTRS_SH_FILE"
elif [ -f "$NIX_BUILD_TOP/.attrs.sh" ]; then
  # shellcheck disable=SC1091 # written by Nix for this build
  source "$NIX_BUILD_TOP/.attrs.sh"
fi

__phasesplitReadSettings
__phasesplitInstallFailureTrap

__phasesplitStep="setting the outputs to their stand-in paths"
__phasesplitSetOutputs __phasesplitStandIn

if [ -n "$__phasesplitPrevious" ]; then
  __phasesplitStep="restoring segment $__phasesplitPreviousSegment"
  "$__phasesplitTool" unpack "$__phasesplitPrevious/tree.pst" -C "$NIX_BUILD_TOP"
  for __phasesplitOutput in "${__phasesplitOutputs[@]}"; do
    if [ -f "$__phasesplitPrevious/output-$__phasesplitOutput.pst" ]; then
      "$__phasesplitTool" unpack "$__phasesplitPrevious/output-$__phasesplitOutput.pst" \
        -C "${__phasesplitStandIn[$__phasesplitOutput]}"
    fi
  done
fi

__phasesplitStep="sourcing the stdenv setup"
# shellcheck disable=SC1091,SC2154 # the stdenv's setup script, a build input
source "$stdenv/setup"
__phasesplitInstallFailureTrap
__phasesplitSnapshot

if [ -n "$__phasesplitPrevious" ]; then
  __phasesplitStep="restoring the shell state of segment $__phasesplitPreviousSegment"
  __phasesplitRestoreState "$__phasesplitPrevious/state.sh"
  __phasesplitInstallFailureTrap
fi

# This segment's phases; the final segment moves the outputs to their real paths right
# before fixupPhase (or at its end when it has none).
__phasesplitRunPhases=()
__phasesplitRelocateQueued=
for __phasesplitPhase in "${__phasesplitPhases[@]}"; do
  if [ -n "$__phasesplitFinal" ] && [ "$__phasesplitPhase" = fixupPhase ]; then
    __phasesplitRunPhases+=(phasesplitRelocatePhase)
    __phasesplitRelocateQueued=1
  fi
  __phasesplitRunPhases+=("$__phasesplitPhase")
done
if [ -n "$__phasesplitFinal" ] && [ -z "$__phasesplitRelocateQueued" ]; then
  __phasesplitRunPhases+=(phasesplitRelocatePhase)
fi
unset phases
# shellcheck disable=SC2034 # read by the stdenv's genericBuild
phases="${__phasesplitRunPhases[*]}"

__phasesplitStep=phases
genericBuild

if [ -z "$__phasesplitFinal" ]; then
  __phasesplitStep="archiving the segment"
  __phasesplitArchive=${__phasesplitOwnOutput[out]}
  mkdir -p "$__phasesplitArchive"
  __phasesplitWriteState "$__phasesplitArchive/state.sh"
  "$__phasesplitTool" pack "$NIX_BUILD_TOP" -o "$__phasesplitArchive/tree.pst" --exact-mtimes \
    --exclude .attrs.sh --exclude .attrs.json --exclude env-vars
  for __phasesplitOutput in "${__phasesplitOutputs[@]}"; do
    __phasesplitStandInPath=${__phasesplitStandIn[$__phasesplitOutput]}
    if [ -d "$__phasesplitStandInPath" ]; then
      "$__phasesplitTool" pack "$__phasesplitStandInPath" --exact-mtimes \
        -o "$__phasesplitArchive/output-$__phasesplitOutput.pst"
    elif [ -e "$__phasesplitStandInPath" ]; then
      echo "phasesplit: output $__phasesplitOutput is a single file before the final segment;" \
        "only directories can be carried between segments: move the phase that creates it into" \
        "the final segment (choose fewer boundaries)" >&2
      exit 1
    fi
  done
  {
    printf '{ "segment": "%s", "phases": [' "$__phasesplitSegment"
    __phasesplitSeparator=
    for __phasesplitPhase in "${__phasesplitPhases[@]}"; do
      printf '%s"%s"' "$__phasesplitSeparator" "$__phasesplitPhase"
      __phasesplitSeparator=", "
    done
    printf '], "attributes": ['
    __phasesplitSeparator=
    for __phasesplitAttribute in "${__phasesplitAttributes[@]}"; do
      printf '%s"%s"' "$__phasesplitSeparator" "$__phasesplitAttribute"
      __phasesplitSeparator=", "
    done
    printf '] }\n'
  } >"$__phasesplitArchive/segment.json"
fi
__phasesplitStep=finished
