#!/usr/bin/env bash
# Benchmark: split versus unsplit builds of GNU hello (3 runs) and GNU gawk (1 run), in one run.
# Writes bench/results/split-bench.md and bench/results/timeline-*.svg. Takes about 30 minutes.
# Usage: bash bench/split-bench.sh [PACKAGE[:RUNS]]...
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
bash scripts/fetch-sources.sh
bash scripts/build.sh
NIX_CONFIG="$(cat fixtures/nix.conf)"
export NIX_CONFIG
# The benchmark's many freshly named packages keep their segment GC roots (and the timing of
# registering them) in a directory of their own, removed at the end, not in the user's state.
PHASESPLIT_STATE_DIR="$(mktemp -d)"
export PHASESPLIT_STATE_DIR
trap 'rm -rf "$PHASESPLIT_STATE_DIR"' EXIT
packages=("$@")
[ ${#packages[@]} -gt 0 ] || packages=(hello:3 gawk:1)
args=()
for p in "${packages[@]}"; do args+=(--package "$p"); done
python3 bench/split_bench.py --tool "$PWD/.build/release/phasesplit" "${args[@]}"
