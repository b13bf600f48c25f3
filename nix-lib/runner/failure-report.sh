# shellcheck shell=bash
# Reports a failed segment on stderr, naming the segment, the phase and how to resume, and
# keeps the original exit status. Chains to the EXIT trap the stdenv installed, if any.

__phasesplitStep="starting"
__phasesplitChainedExitTrap=""
__phasesplitFailedPhase=""

# __phasesplitInstallFailureTrap: installs the report as the EXIT trap, keeping any other
# EXIT trap (the stdenv's exit handler) to run after it, and an ERR trap (inherited by
# functions) that notes the phase a command failed in: the stdenv's `curPhase` is local to
# its phase runner, gone by the time the EXIT trap runs. Safe to call more than once.
__phasesplitInstallFailureTrap() {
  set -o errtrace
  # shellcheck disable=SC2154 # curPhase is the stdenv's
  trap '__phasesplitFailedPhase=${curPhase:-}' ERR
  local __phasesplitExisting __phasesplitWords=()
  __phasesplitExisting=$(trap -p EXIT)
  if [ -n "$__phasesplitExisting" ]; then
    eval "__phasesplitWords=($__phasesplitExisting)"
    if [ "${__phasesplitWords[2]:-}" != __phasesplitOnExit ]; then
      __phasesplitChainedExitTrap=${__phasesplitWords[2]:-}
    fi
  fi
  trap __phasesplitOnExit EXIT
}

__phasesplitOnExit() {
  local __phasesplitStatus=$?
  if [ "$__phasesplitStatus" -ne 0 ]; then
    local __phasesplitWhere=$__phasesplitStep
    if [ "$__phasesplitWhere" = phases ]; then
      __phasesplitWhere=${__phasesplitFailedPhase:-${curPhase:-genericBuild}}
    fi
    {
      echo "phasesplit: segment ${__phasesplitSegment:-?} failed in $__phasesplitWhere" \
        "(package ${__phasesplitPackage:-?})"
      if [ -n "${__phasesplitPreviousSegment:-}" ]; then
        echo "phasesplit: the segments before it are built and stay cached: fix the cause and rebuild,"
        echo "phasesplit: only segment ${__phasesplitSegment:-?} and later ones run again; to inspect the state"
        echo "phasesplit: it started from: phasesplit enter <the package's .drv> --segment ${__phasesplitPreviousSegment}"
      else
        echo "phasesplit: this is the first segment: fix the cause and rebuild"
      fi
    } >&2
  fi
  if [ -n "$__phasesplitChainedExitTrap" ]; then
    (exit "$__phasesplitStatus")
    eval "$__phasesplitChainedExitTrap"
  fi
  exit "$__phasesplitStatus"
}
