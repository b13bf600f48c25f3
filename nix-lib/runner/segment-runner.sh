# shellcheck shell=bash
# The builder script of every phasesplit segment derivation (`bash -e segment-runner.sh`).
# It restores the previous segment (build tree, stand-in outputs, shell state), runs this
# segment's phases with the stdenv's own genericBuild, then, in an earlier segment, archives
# the result into $out (tree.pst, output-NAME.pst, state.sh, segment.json); in the final
# segment it moves the outputs to their real paths before fixupPhase and, after all its
# phases, checks that no output still names a stand-in. docs/design.md is the contract.
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
# shellcheck source=nix-lib/runner/variable-edits.sh
source "$__phasesplitRunnerDir/variable-edits.sh"
# shellcheck source=nix-lib/runner/relocate-phase.sh
source "$__phasesplitRunnerDir/relocate-phase.sh"
# shellcheck source=nix-lib/runner/generic-build.sh
source "$__phasesplitRunnerDir/generic-build.sh"
# shellcheck source=nix-lib/runner/stand-in-scan.sh
source "$__phasesplitRunnerDir/stand-in-scan.sh"
# shellcheck source=nix-lib/runner/incremental-build.sh
source "$__phasesplitRunnerDir/incremental-build.sh"

# Structured attributes: the settings and outputs are in .attrs.sh.
if __phasesplitAttrsFile=$(__phasesplitStructuredAttrsFile); then
  # shellcheck disable=SC1090 # written by Nix for this build
  source "$__phasesplitAttrsFile"
fi

__phasesplitReadSettings
__phasesplitInstallFailureTrap

__phasesplitStep="setting the outputs to their stand-in paths"
__phasesplitSetOutputs __phasesplitStandIn

if [ -n "$__phasesplitIncrementalBase" ]; then
  __phasesplitStep="restoring the base build and syncing the new source"
  __phasesplitRestoreIncremental
elif [ -n "$__phasesplitPrevious" ]; then
  __phasesplitStep="restoring segment $__phasesplitPreviousSegment"
  __phasesplitUnpackPrevious
fi

__phasesplitStep="sourcing the stdenv setup"
if [ -n "$__phasesplitBuilder" ]; then
  # a builder that sources $stdenv/setup again gets the segment's genericBuild back
  postHooks+=(__phasesplitInstallGenericBuild __phasesplitTrackEdits)
fi
# shellcheck disable=SC1091,SC2154 # the stdenv's setup script, a build input
source "$stdenv/setup"
__phasesplitInstallFailureTrap
__phasesplitTrackEdits

# __phasesplitBuildSegment: restores the previous segment's shell state on top of the fresh
# setup, runs this segment's phases with the stdenv's own genericBuild and, in an earlier
# segment, archives the result; the final segment moves the outputs to their real paths
# right before fixupPhase (or at its end when it has none) and scans them after its last phase.
__phasesplitBuildSegment() {
  __phasesplitSnapshot
  if [ -n "$__phasesplitIncrementalBase" ]; then
    __phasesplitStep="restoring the shell state of the base build"
    __phasesplitRestoreIncrementalState
    __phasesplitInstallFailureTrap
  elif [ -n "$__phasesplitPrevious" ]; then
    __phasesplitStep="restoring the shell state of segment $__phasesplitPreviousSegment"
    __phasesplitRestoreState "$__phasesplitPrevious/state.sh"
    __phasesplitInstallFailureTrap
  fi
  __phasesplitSnapshotStart

  unset phases
  # shellcheck disable=SC2034 # read by the stdenv's genericBuild
  phases="${__phasesplitRunPhases[*]}"

  __phasesplitStep=phases
  __phasesplitStdenvGenericBuild

  if [ -z "$__phasesplitFinal" ]; then
    __phasesplitStep="archiving the segment"
    __phasesplitArchiveSegment "${__phasesplitOwnOutput[out]}"
  else
    __phasesplitStep="checking the outputs for stand-in traces"
    __phasesplitCheckStandInTraces
  fi
}

if [ -z "$__phasesplitBuilder" ]; then
  __phasesplitInstallGenericBuild
  __phasesplitBuildSegment
else
  # A custom builder, sourced after the setup as nixpkgs' source-stdenv.sh does: its call of
  # genericBuild runs this segment. An earlier segment ends there (what the builder does
  # after genericBuild belongs to the end of the build, the final segment).
  __phasesplitStep="running the builder $__phasesplitBuilder"
  # shellcheck disable=SC1090 # the package's builder script
  source "$__phasesplitBuilder"
  if [ -z "$__phasesplitGenericBuildCalled" ]; then
    echo "phasesplit: the builder $__phasesplitBuilder finished without calling genericBuild, so" \
      "this segment ran none of its phases; a builder that does not run genericBuild cannot be" \
      "split: build the package unsplit" >&2
    exit 1
  fi
fi
__phasesplitStep=finished
