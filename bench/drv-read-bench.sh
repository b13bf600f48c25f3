#!/usr/bin/env bash
# Times the whole `phasesplit show-drv DRV --json` process (start-up, read, parse, print).
# Goal: at most 50 ms per process.
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
  swift build -c release -j 2 --product phasesplit >&2
fi

drv="${1:-}"
runs="${2:-50}"
if [ -z "$drv" ]; then
  # A typical stdenv package: the hello fixture (fixtures/default.nix).
  drv="$(nix-instantiate --no-gc-warning fixtures/default.nix -A hello)"
fi

bytes="$(wc -c <"$drv")"
"$tool" show-drv "$drv" --json >/dev/null  # warm the page cache

times=()
for _ in $(seq "$runs"); do
  start=$(date +%s%N)
  "$tool" show-drv "$drv" --json >/dev/null
  end=$(date +%s%N)
  times+=($(((end - start) / 1000)))
done

mapfile -t sorted < <(printf '%s\n' "${times[@]}" | sort -n)
median=${sorted[$((runs / 2))]}
min=${sorted[0]}
max=${sorted[$((runs - 1))]}
to_ms() { printf '%d.%03d' $(($1 / 1000)) $(($1 % 1000)); }
echo "drv: $drv ($bytes bytes), $runs runs of: $tool show-drv DRV --json"
echo "process time ms: min $(to_ms "$min")  median $(to_ms "$median")  max $(to_ms "$max")  (goal <= 50)"
if [ "$median" -gt 50000 ]; then
  echo "drv-read-bench: median above the 50 ms goal" >&2
  exit 1
fi
