# shellcheck shell=bash
# shellcheck disable=SC2154 # the __phasesplit* settings are read by settings.sh
# Restores what an earlier segment archived in its $out (docs/design.md, "Segment archive layout").
# Every restore goes through __phasesplitRestoreSegment, which uses `phasesplit restore` (it
# applies a segment's layer over the layers before it).

# When the tree restore into $NIX_BUILD_TOP ended (this segment's layer holds what changed after
# it), and the segment restored there (the layer's base).
__phasesplitRestoredAt=""
__phasesplitRestoredFrom=""

# __phasesplitRestoreSegment SEGMENT: restores SEGMENT's build tree into $NIX_BUILD_TOP and each
# stand-in output it archived into its stand-in path.
__phasesplitRestoreSegment() {
  local __phasesplitOutput
  __phasesplitRestoredAt=$("$__phasesplitTool" restore "$1" -C "$NIX_BUILD_TOP" --print-time)
  __phasesplitRestoredFrom=$1
  for __phasesplitOutput in "${__phasesplitOutputs[@]}"; do
    if [ -f "$1/output-$__phasesplitOutput.pst" ]; then
      "$__phasesplitTool" unpack "$1/output-$__phasesplitOutput.pst" \
        -C "${__phasesplitStandIn[$__phasesplitOutput]}"
    fi
  done
}

# __phasesplitUnpackPrevious: restores the previous segment.
__phasesplitUnpackPrevious() {
  __phasesplitRestoreSegment "$__phasesplitPrevious"
}
