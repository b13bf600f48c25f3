# shellcheck shell=bash
# shellcheck disable=SC2154 # the __phasesplit* settings are read by settings.sh
# The final segment's last phase, phasesplitStandInScanPhase: fails the build when a
# relocated output still names a stand-in path in a form relocation cannot rewrite
# (compressed, archived, UTF-16). With the package's allowStandInRemnants (the
# phasesplitAllowStandInRemnants attribute) it lists what it lets through instead.

# (relocate-phase.sh, sourced before this, defines __phasesplitStandInArguments)
phasesplitStandInScanPhase() {
  local __phasesplitArguments=()
  __phasesplitStandInArguments
  if [ -n "${phasesplitAllowStandInRemnants:-}" ]; then
    __phasesplitArguments+=(--allow-remnants)
  fi
  "$__phasesplitTool" scan-stand-ins "${__phasesplitArguments[@]}"
}
