# shellcheck shell=bash
# `phasesplit enter`: a shell in the state a segment starts from. Run by the phasesplit CLI as
#   unshare --mount --propagation private env -i <the segment's environment> \
#     bash --noprofile --norc enter-shell.sh mount
# In the private mount namespace it bind-mounts $PHASESPLIT_ENTER_DIR/build at /build (the
# sandbox's build directory, which the archived tree expects) and lays a writable overlay on
# /nix/store (for the stand-in outputs), then starts bash with this file as its rc file: it
# restores the previous segment exactly as segment-runner.sh does, and either runs
# $PHASESPLIT_ENTER_COMMAND or gives an interactive prompt. On exit the mounts go away with the
# namespace and the scratch directory is removed.

if [ "${1:-}" = mount ]; then
  set -eu
  scratch=${PHASESPLIT_ENTER_DIR:?phasesplit enter: PHASESPLIT_ENTER_DIR is not set}
  # The segment's PATH is the sandbox's (/path-not-set); the mounting runs with the host's.
  segmentPath=$PATH
  PATH=/usr/sbin:/usr/bin:/sbin:/bin
  # shellcheck disable=SC2317 # run by the EXIT trap
  cleanUp() {
    cd /
    umount /nix/store /build 2>/dev/null || true
    rm -rf "$scratch"
  }
  trap cleanUp EXIT
  trap 'exit 129' HUP
  trap 'exit 143' TERM
  mount --bind "$scratch/build" /build
  mount -t overlay overlay \
    -o "lowerdir=/nix/store,upperdir=$scratch/store-upper,workdir=$scratch/store-work" /nix/store
  cd /build
  status=0
  if [ -n "${PHASESPLIT_ENTER_COMMAND:-}" ]; then
    # shellcheck disable=SC2016 # expanded by the inner shell
    PATH=$segmentPath /bin/bash --noprofile --norc -c 'source "$1" && eval "$PHASESPLIT_ENTER_COMMAND"' \
      enter-shell "$0" || status=$?
  else
    PATH=$segmentPath /bin/bash --noprofile --rcfile "$0" -i || status=$?
  fi
  exit "$status"
fi

# rc mode: restore the segment's starting state in this shell.
__phasesplitRunnerDir=${BASH_SOURCE[0]%/*}
# shellcheck source=nix-lib/runner/settings.sh
source "$__phasesplitRunnerDir/settings.sh"
# shellcheck source=nix-lib/runner/shell-state.sh
source "$__phasesplitRunnerDir/shell-state.sh"
# shellcheck source=nix-lib/runner/variable-edits.sh
source "$__phasesplitRunnerDir/variable-edits.sh"
# shellcheck source=nix-lib/runner/previous-segment.sh
source "$__phasesplitRunnerDir/previous-segment.sh"
# shellcheck source=nix-lib/runner/relocate-phase.sh
source "$__phasesplitRunnerDir/relocate-phase.sh"
# shellcheck source=nix-lib/runner/incremental-build.sh
source "$__phasesplitRunnerDir/incremental-build.sh"
# shellcheck source=nix-lib/runner/stand-in-scan.sh
source "$__phasesplitRunnerDir/stand-in-scan.sh"

# Structured attributes: phasesplit enter wrote .attrs.sh as Nix does; it declares the settings.
if __phasesplitAttrsFile=$(__phasesplitStructuredAttrsFile); then
  # shellcheck disable=SC1090 # written by phasesplit enter for this shell
  source "$__phasesplitAttrsFile"
fi
__phasesplitReadSettings
__phasesplitSetOutputs __phasesplitStandIn
# an incremental segment starts as the runner starts it: the base build with the new source
if [ -n "$__phasesplitIncrementalBase" ]; then
  __phasesplitRestoreIncremental
else
  __phasesplitUnpackPrevious
fi
# shellcheck disable=SC1091,SC2154 # the stdenv's setup script, a build input
source "$stdenv/setup"
__phasesplitTrackEdits
if [ -n "$__phasesplitIncrementalBase" ]; then
  __phasesplitRestoreIncrementalState
else
  __phasesplitRestoreState "$__phasesplitPrevious/state.sh"
fi
# genericBuild in this shell runs this segment's phases as the runner does (the run list the
# segment derivation carries: in the final segment with phasesplit's own phases; in an
# incremental segment the one __phasesplitRestoreIncrementalState chose); curPhase names the
# next phase.
unset phases
# shellcheck disable=SC2034 # read by the stdenv's genericBuild and the user
phases="${__phasesplitRunPhases[*]}" curPhase=${__phasesplitRunPhases[0]:-}

if [ -n "$__phasesplitBuilder" ]; then
  echo "phasesplit: this package has its own builder script ($__phasesplitBuilder); this shell did" \
    "not run it, so what it does before genericBuild (variables, functions) is not here" >&2
fi
if [ -z "${PHASESPLIT_ENTER_COMMAND:-}" ]; then
  # An interactive shell must survive failing commands.
  set +eu +o pipefail
  PS1="[phasesplit ${PHASESPLIT_ENTER_LABEL:-$__phasesplitPackage} @$__phasesplitPreviousSegment] \$ "
  # The banner shows the package's phases, not phasesplit's own (genericBuild runs those too).
  echo "phasesplit: segment $__phasesplitPreviousSegment of $__phasesplitPackage restored in $PWD;" \
    "next phases: ${__phasesplitPhases[*]} (run one with: runPhase NAME; all: genericBuild)" >&2
fi
