#!/usr/bin/env bash
# Benchmarks `phasesplit pack`/`unpack` against `tar --sort=name ... | zstd -T0` (and back) on
# (1) a configured and built GNU hello 2.10 tree and (2) a generated tree of many small files
# (~1 GiB by default). Prints the median of 3 runs for each and the ratios phasesplit / tar+zstd.
#
# Usage: bash bench/archive-bench.sh [PHASESPLIT [TREE...]]   (default .build/release/phasesplit)
#   TREE...  further directories to measure the same way (e.g. a restored segment build tree).
# Environment: BENCH_DIR (scratch, default a new dir under /tmp), BENCH_TREE_MB (default 1024),
#   BENCH_ONLY_TREES=1 to measure only the TREE arguments.
# Not a test: it needs minutes and ~3x the tree size of free disk space.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
phasesplit=$(realpath "${1:-.build/release/phasesplit}")
extra_trees=("${@:2}")
tree_mb=${BENCH_TREE_MB:-1024}
tarball="$root/.cache/sources/hello_2.10.orig.tar.gz"
[ -x "$phasesplit" ] || { echo "archive-bench: no executable at $phasesplit; run bash scripts/build.sh" >&2; exit 1; }
[ -f "$tarball" ] || { echo "archive-bench: missing $tarball; run scripts/fetch-sources.sh" >&2; exit 1; }

work=${BENCH_DIR:-$(mktemp -d /tmp/archive-bench.XXXXXX)}
mkdir -p "$work"
trap 'rm -rf "$work"' EXIT

# Bash's clock: no process is started to read it, so tiny runs are not skewed.
now() { echo "$EPOCHREALTIME"; }

# median_of_3 COMMAND...: runs COMMAND 3 times (after an untimed `prepare` hook), prints median seconds.
median_of_3() {
  local times=() start end
  for _ in 1 2 3; do
    prepare
    sync
    start=$(now)
    "$@"
    end=$(now)
    times+=("$(echo "$end - $start" | bc -l)")
  done
  printf '%s\n' "${times[@]}" | sort -g | sed -n 2p
}

tar_pack() { tar -C "$1" --sort=name --owner=0 --group=0 --numeric-owner -cf - . | zstd -q -T0 -o "$2" -f; }
tar_unpack() { mkdir -p "$2" && zstd -q -dc "$1" | tar -C "$2" -xf -; }
ps_pack() { "$phasesplit" pack "$1" -o "$2"; }
ps_unpack() { "$phasesplit" unpack "$1" -C "$2"; }

bench_tree() {
  local name=$1 tree=$2
  local files bytes
  files=$(find "$tree" | wc -l)
  bytes=$(du -sb "$tree" | cut -f1)
  prepare() { rm -f "$work/ps.pst" "$work/tar.tar.zst"; }
  local ps_pack_time tar_pack_time ps_unpack_time tar_unpack_time
  ps_pack_time=$(median_of_3 ps_pack "$tree" "$work/ps.pst")
  tar_pack_time=$(median_of_3 tar_pack "$tree" "$work/tar.tar.zst")
  ps_pack "$tree" "$work/ps.pst"
  tar_pack "$tree" "$work/tar.tar.zst"
  prepare() { rm -rf "$work/out"; }
  ps_unpack_time=$(median_of_3 ps_unpack "$work/ps.pst" "$work/out")
  tar_unpack_time=$(median_of_3 tar_unpack "$work/tar.tar.zst" "$work/out")
  rm -rf "$work/out"
  local ps_size tar_size
  ps_size=$(stat -c %s "$work/ps.pst")
  tar_size=$(stat -c %s "$work/tar.tar.zst")
  printf '%s: %s entries, %s bytes\n' "$name" "$files" "$bytes"
  printf '  pack    phasesplit %8.3fs  tar+zstd %8.3fs  ratio %.2f\n' "$ps_pack_time" "$tar_pack_time" \
    "$(echo "$ps_pack_time / $tar_pack_time" | bc -l)"
  printf '  unpack  phasesplit %8.3fs  tar+zstd %8.3fs  ratio %.2f\n' "$ps_unpack_time" "$tar_unpack_time" \
    "$(echo "$ps_unpack_time / $tar_unpack_time" | bc -l)"
  printf '  size    phasesplit %10d  tar+zstd %10d  ratio %.3f\n' "$ps_size" "$tar_size" \
    "$(echo "$ps_size / $tar_size" | bc -l)"
}

for tree in "${extra_trees[@]}"; do
  bench_tree "$tree" "$tree"
done
[ -z "${BENCH_ONLY_TREES:-}" ] || exit 0

echo "archive-bench: building GNU hello 2.10 in $work" >&2
(cd "$work" && tar xzf "$tarball" && cd hello-2.10 && ./configure -q CC=gcc >/dev/null && make -j2 >/dev/null 2>&1)
bench_tree "hello-2.10 build tree" "$work/hello-2.10"
rm -rf "$work/hello-2.10"

echo "archive-bench: generating a ~${tree_mb} MiB tree of small files" >&2
python3 - "$work/generated" "$tree_mb" <<'PY'
import os, random, sys
root, total_mb = sys.argv[1], int(sys.argv[2])
rng = random.Random(42)
words = [bytes(rng.choice(b"abcdefghijklmnopqrstuvwxyz_") for _ in range(rng.randint(2, 12))) for _ in range(5000)]
target, written, index = total_mb << 20, 0, 0
while written < target:
    directory = os.path.join(root, "d%03d" % (index // 500), "s%02d" % (index // 50 % 10))
    os.makedirs(directory, exist_ok=True)
    size = rng.choice([512, 2048, 8192, 16384, 32768, 65536])
    if index % 4 == 3:  # object-file-like: half random, half zero padding
        data = rng.randbytes(size // 2) + bytes(size - size // 2)
    else:  # source-like text
        parts, length = [], 0
        while length < size:
            word = rng.choice(words)
            parts.append(word)
            length += len(word) + 1
        data = b" ".join(parts)[:size]
    with open(os.path.join(directory, "f%06d.%s" % (index, "o" if index % 4 == 3 else "c")), "wb") as out:
        out.write(data)
    written += size
    index += 1
PY
bench_tree "generated tree" "$work/generated"
