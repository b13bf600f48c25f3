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
# shellcheck source=nix-lib/runner/previous-segment.sh
source "$__phasesplitRunnerDir/previous-segment.sh"
# shellcheck source=nix-lib/runner/archive-segment.sh
source "$__phasesplitRunnerDir/archive-segment.sh"
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
  __phasesplitUnpackPrevious
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
  __phasesplitArchiveSegment "${__phasesplitOwnOutput[out]}"
fi
__phasesplitStep=finished
