# shellcheck shell=bash
# shellcheck disable=SC2154 # the __phasesplit* settings are read by settings.sh
# Restores what the previous segment archived in its $out (docs/design.md, "Segment archive layout").

# __phasesplitUnpackPrevious: restores the previous segment's build tree into $NIX_BUILD_TOP
# (`phasesplit restore` applies its layer over the layers before it) and each stand-in output it
# archived into its stand-in path. __phasesplitRestoredAt is when the tree restore ended: this
# segment's layer holds what changed after it.
__phasesplitRestoredAt=""
__phasesplitUnpackPrevious() {
  local __phasesplitOutput
  __phasesplitRestoredAt=$("$__phasesplitTool" restore "$__phasesplitPrevious" -C "$NIX_BUILD_TOP" --print-time)
  for __phasesplitOutput in "${__phasesplitOutputs[@]}"; do
    if [ -f "$__phasesplitPrevious/output-$__phasesplitOutput.pst" ]; then
      "$__phasesplitTool" unpack "$__phasesplitPrevious/output-$__phasesplitOutput.pst" \
        -C "${__phasesplitStandIn[$__phasesplitOutput]}"
    fi
  done
}
