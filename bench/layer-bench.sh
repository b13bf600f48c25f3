#!/usr/bin/env bash
# Benchmark of layered segment trees (issue 13): for each package, builds it split (reusing the
# store), then compares
#   - the store size of the chain of earlier segments (the sum of their NAR sizes: every layer,
#     index, state.sh) with the largest full tree archive of the chain (each segment's tree
#     restored and packed whole with `phasesplit pack`, as segments stored it before layers);
#   - the time `phasesplit restore` takes for the last earlier segment (all its layers) with the
#     time `phasesplit unpack` takes for one full archive of the same tree (median of RUNS,
#     alternating, each into a fresh directory; nothing is removed before the runs of a package
#     end, since file creation stalls right after a large deletion on this machine, see the README).
# The trees are restored and unpacked under $TMPDIR (default /tmp; TMPDIR=/dev/shm measures both
# sides on tmpfs). Writes $RESULTS (default bench/results/layer-bench.md).
# Usage: [TMPDIR=DIR] [RESULTS=FILE] [RUNS=N] bash bench/layer-bench.sh [PACKAGE]... (default: hello gawk;
# coreutils, the bigger package, builds for several minutes the first time)
set -euo pipefail
cd "$(dirname "$0")/.."
NIX_CONFIG="$(cat fixtures/nix.conf)"
export NIX_CONFIG
tool=${PHASESPLIT:-$PWD/.build/release/phasesplit}
runs=${RUNS:-9}
packages=("$@")
[ ${#packages[@]} -gt 0 ] || packages=(hello gawk)
work=$(mktemp -d "${TMPDIR:-/tmp}/phasesplit-layer-bench-XXXXXX")
trap 'chmod -R u+w "$work" 2>/dev/null; rm -rf "$work"' EXIT
results=${RESULTS:-bench/results/layer-bench.md}

kib() { echo "$((($1 + 512) / 1024)) KiB"; }
median() { sort -n | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
seconds() { # seconds COMMAND...: wall-clock seconds of one run
  local start end
  start=$(date +%s%N)
  "$@" >/dev/null
  end=$(date +%s%N)
  echo "scale=4; ($end - $start) / 1000000000" | bc
}

{
  echo "# Layered segment trees"
  echo
  echo "\`bash bench/layer-bench.sh ${packages[*]}\` ($(date -u +%Y-%m-%d), $(nproc) cores, $runs restore runs each;"
  echo "trees written under ${TMPDIR:-/tmp} ($(stat -f -c %T "$work")); load average at the start $(cut -d' ' -f1-3 /proc/loadavg))."
  echo
  echo "| package | segment layers (tree.pst) | chain in the store | largest full tree archive | chain / largest [≤ 1.3] | restore last segment | unpack one full archive | restore / unpack [≤ 1.2] |"
  echo "| --- | --- | --- | --- | --- | --- | --- | --- |"
} >"$work/table.md"

for package in "${packages[@]}"; do
  echo "== $package" >&2
  "$tool" build -f fixtures/default.nix -A "$package" --no-out-link --json >"$work/$package.json"
  mapfile -t segments < <(jq -r '.segments[:-1][].derivation' "$work/$package.json" |
    while read -r drv; do nix-store --query --outputs "$drv"; done)
  last=${segments[-1]}
  # The segments' own store paths (their closure also holds the source tarball, which state.sh
  # names and the unsplit build has in the store anyway).
  chainBytes=$(nix path-info --json "${segments[@]}" | jq '[.[].narSize] | add')
  largest=0
  layers=()
  for segment in "${segments[@]}"; do
    layers+=("$(stat -c %s "$segment/tree.pst")")
    tree=$work/tree-$(basename "$segment")
    "$tool" restore "$segment" -C "$tree"
    "$tool" pack "$tree" -o "$work/full.pst"
    size=$(stat -c %s "$work/full.pst")
    if [ "$size" -gt "$largest" ]; then largest=$size; fi
  done
  "$tool" restore "$last" -C "$work/reference"
  "$tool" pack "$work/reference" -o "$work/last-full.pst"
  restoreTimes=()
  unpackTimes=()
  for run in $(seq "$runs"); do
    restoreTimes+=("$(seconds "$tool" restore "$last" -C "$work/r-$package-$run")")
    unpackTimes+=("$(seconds "$tool" unpack "$work/last-full.pst" -C "$work/u-$package-$run")")
  done
  restoreMedian=$(printf '%s\n' "${restoreTimes[@]}" | median)
  unpackMedian=$(printf '%s\n' "${unpackTimes[@]}" | median)
  echo "$package restore runs: ${restoreTimes[*]}; unpack runs: ${unpackTimes[*]}" >&2
  layerText=$(for size in "${layers[@]}"; do kib "$size"; done | paste -sd '+' - | sed 's/+/ + /g')
  printf '| %s | %s | %s | %s | %s | %.3f s | %.3f s | %s |\n' "$package" "$layerText" "$(kib "$chainBytes")" \
    "$(kib "$largest")" "$(echo "scale=3; $chainBytes / $largest" | bc)" "$restoreMedian" "$unpackMedian" \
    "$(echo "scale=3; $restoreMedian / $unpackMedian" | bc)" >>"$work/table.md"
  # The chain in a file:// binary cache: the sum of the narinfos' FileSize per cache compression.
  cacheText=""
  for compression in none zstd xz; do
    start=$(date +%s%N)
    nix copy --to "file://$work/cache-$package-$compression?compression=$compression" "$last"
    elapsed=$(echo "scale=2; ($(date +%s%N) - $start) / 1000000000" | bc)
    fileBytes=$(cat "$work/cache-$package-$compression"/*.narinfo | awk -v segments="${segments[*]}" '
      BEGIN { split(segments, list, " "); for (i in list) wanted[list[i]] = 1 }
      /^StorePath:/ { counted = ($2 in wanted) }
      /^FileSize:/ && counted { total += $2 }
      END { print total }')
    cacheText+="${cacheText:+, }$compression $(kib "$fileBytes") (${elapsed} s)"
  done
  echo "| $package | $cacheText |" >>"$work/cache.md"
  chmod -R u+w "$work"/r-* "$work"/u-* "$work"/tree-* "$work/reference" 2>/dev/null || true
  rm -rf "$work"/r-* "$work"/u-* "$work"/tree-* "$work/reference"
done
{
  cat "$work/table.md"
  echo
  echo "The chain of earlier segments copied with \`nix copy --to 'file://DIR?compression=C'\` (sum of the"
  echo "segments' narinfo FileSize, and the time of the copy, which also copies the source tarball):"
  echo
  echo "| package | FileSize by cache compression |"
  echo "| --- | --- |"
  cat "$work/cache.md"
} >"$results"
cat "$results"
