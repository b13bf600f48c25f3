# shellcheck shell=bash
# shellcheck disable=SC2154 # the __phasesplit* settings are read by settings.sh
# Restores what the previous segment archived in its $out (docs/design.md, "Segment archive layout").

# __phasesplitUnpackPrevious: restores the previous segment's archives: its build tree into
# $NIX_BUILD_TOP and each stand-in output it archived into its stand-in path.
__phasesplitUnpackPrevious() {
  local __phasesplitOutput
  "$__phasesplitTool" unpack "$__phasesplitPrevious/tree.pst" -C "$NIX_BUILD_TOP"
  for __phasesplitOutput in "${__phasesplitOutputs[@]}"; do
    if [ -f "$__phasesplitPrevious/output-$__phasesplitOutput.pst" ]; then
      "$__phasesplitTool" unpack "$__phasesplitPrevious/output-$__phasesplitOutput.pst" \
        -C "${__phasesplitStandIn[$__phasesplitOutput]}"
    fi
  done
}
