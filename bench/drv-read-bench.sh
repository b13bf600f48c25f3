#!/usr/bin/env bash
# Times whole processes on one .drv: `phasesplit show-drv DRV --json` (start-up, read, parse,
# print) and `phasesplit analyze DRV --json` (also the phase plan, segments, script analysis of
# every phase attribute, placement). Goal: at most 50 ms per process.
#
# Usage: bench/drv-read-bench.sh [DRV_PATH] [RUNS]
#   DRV_PATH  the .drv to read; default: the hello fixture's derivation (fixtures/default.nix).
#   RUNS      number of timed runs (default 50).
# The tool is $PHASESPLIT_TOOL, or .build/release/phasesplit (built if missing).
set -euo pipefail
cd "$(dirname "$0")/.."

NIX_CONFIG="$(cat fixtures/nix.conf)"
export NIX_CONFIG

tool="${PHASESPLIT_TOOL:-$PWD/.build/release/phasesplit}"
if [ ! -x "$tool" ]; then
  echo "drv-read-bench: building $tool" >&2
  bash scripts/build.sh >&2
fi

drv="${1:-}"
runs="${2:-50}"
if [ -z "$drv" ]; then
  # A typical stdenv package: the hello fixture (fixtures/default.nix).
  drv="$(nix-instantiate --no-gc-warning fixtures/default.nix -A hello)"
fi

bytes="$(wc -c <"$drv")"
to_ms() { printf '%d.%03d' $(($1 / 1000)) $(($1 % 1000)); }
status=0

# time_process ARGS...: runs `$tool ARGS` $runs times and prints min/median/max.
time_process() {
  local times=() start end sorted median
  "$tool" "$@" >/dev/null # warm the page cache
  for _ in $(seq "$runs"); do
    start=$(date +%s%N)
    "$tool" "$@" >/dev/null
    end=$(date +%s%N)
    times+=($(((end - start) / 1000)))
  done
  mapfile -t sorted < <(printf '%s\n' "${times[@]}" | sort -n)
  median=${sorted[$((runs / 2))]}
  printf '%-10s process ms: min %s  median %s  max %s  (goal <= 50)\n' "$1" "$(to_ms "${sorted[0]}")" \
    "$(to_ms "$median")" "$(to_ms "${sorted[$((runs - 1))]}")"
  if [ "$median" -gt 50000 ]; then
    echo "drv-read-bench: $1: median above the 50 ms goal" >&2
    status=1
  fi
}

echo "drv: $drv ($bytes bytes), $runs runs each, tool $tool"
time_process show-drv "$drv" --json
time_process analyze "$drv" --json
exit "$status"
