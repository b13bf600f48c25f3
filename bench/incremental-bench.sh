#!/usr/bin/env bash
# Benchmark: a one-file source change of gawk 5.2.1 (a comment appended to builtin.c), built
# incrementally (`splitPhases { incrementalFrom = base; }`) versus a full split build of the
# changed source. Each run uses a fresh package name, so nothing is reused from earlier runs;
# the base split build is built first and not timed. The incremental build runs first and pays
# for the new source's unpack segment, which the full build then reuses (so the ratio is, if
# anything, unfavourable to the incremental build). Writes bench/results/incremental-bench.md.
# Usage: bash bench/incremental-bench.sh [RUNS]   (default 1; about 4 minutes a run here)
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh >/dev/null
bash scripts/fetch-sources.sh >/dev/null
bash scripts/build.sh >/dev/null
NIX_CONFIG="$(cat fixtures/nix.conf)"
export NIX_CONFIG
runs=${1:-1}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cat >"$work/bench.nix" <<NIX
{ suffix }:
let
  fixtures = import $PWD/fixtures { nameSuffix = suffix; };
  lib = import $PWD/nix-lib {
    phasesplit = builtins.path { path = $PWD/.build/release/phasesplit; name = "phasesplit"; };
  };
  base = lib.splitPhases { } fixtures.gawk;
  changed = fixtures.gawk.overrideAttrs (_: { postPatch = "echo '/* one-file change */' >> builtin.c"; });
in {
  inherit base;
  full = lib.splitPhases { } changed;
  incremental = lib.splitPhases { incrementalFrom = base; } changed;
}
NIX
seconds() { local start=$EPOCHREALTIME; "$@" >/dev/null 2>&1; echo "$EPOCHREALTIME - $start" | bc; }
rows=()
for ((run = 1; run <= runs; run++)); do
  suffix="-bench-$(date +%s%N)"
  nix-build "$work/bench.nix" --argstr suffix "$suffix" -A base --no-out-link >/dev/null 2>&1
  incremental=$(seconds nix-build "$work/bench.nix" --argstr suffix "$suffix" -A incremental --no-out-link)
  full=$(seconds nix-build "$work/bench.nix" --argstr suffix "$suffix" -A full --no-out-link)
  segment=$(nix-instantiate "$work/bench.nix" --argstr suffix "$suffix" -A incremental.segments.build 2>/dev/null)
  compiles=$(nix-store --read-log "$segment" | grep -cE '^(cc|gcc) .* -c ' || true)
  links=$(nix-store --read-log "$segment" | grep -cE '^(cc|gcc) .* -o gawk ' || true)
  ratio=$(echo "scale=3; $incremental / $full" | bc)
  rows+=("| $run | $(printf %.1f "$incremental") s | $(printf %.1f "$full") s | $ratio | $compiles + $links |")
done
{
  echo "# Incremental build benchmark (gawk 5.2.1, one .c file changed)"
  echo
  echo "\`bash bench/incremental-bench.sh $runs\` on $(nproc) cores, $(date -u +%Y-%m-%d)."
  echo
  echo "| run | incremental | full split build | ratio | compiles + links in the incremental build segment |"
  echo "| --- | --- | --- | --- | --- |"
  printf '%s\n' "${rows[@]}"
} >bench/results/incremental-bench.md
cat bench/results/incremental-bench.md
