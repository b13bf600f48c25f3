#!/usr/bin/env bash
# Builds the libFuzzer targets in fuzz/ (the archive reader and the .drv reader, instrumented with
# -sanitize=fuzzer) and runs each for a bounded time from the seeds in fuzz/seeds/ plus the crash
# regressions in fuzz/regressions/. A crash, a timeout or running out of memory fails the script
# and leaves the input in fuzz/.build/findings/.
#
#   bash scripts/fuzz.sh [SECONDS]     # each target for SECONDS (default 30)
#   FUZZ_RUNS=1000000 bash scripts/fuzz.sh   # instead: exactly that many executions per target
set -euo pipefail
cd "$(dirname "$0")/../fuzz"
seconds="${1:-30}"
build=.build/release

echo "== fuzz: build (instrumented)" >&2
swift build -c release -Xswiftc -sanitize=fuzzer >&2
# SwiftPM's executable link renames `main` to TARGET_main, which clashes with libFuzzer's `main`:
# the targets are libraries, linked here, from the objects of each module's current sources
# (SwiftPM lists them in MODULE.build/sources; the object of a removed or renamed file stays in
# the directory and must not be linked).
objects() {
  local module source
  for module in "$@"; do
    while IFS= read -r source; do
      printf '%s\n' "$build/$module.build/${source##*/}.o"
    done <"$build/$module.build/sources"
  done
}
mapfile -t archive_objects < <(objects ArchiveReaderFuzzer BuildArchive Basics)
mapfile -t derivation_objects < <(objects DerivationReaderFuzzer Derivations Basics)
swiftc -sanitize=fuzzer -emit-executable -o "$build/archive-reader-fuzzer" "${archive_objects[@]}" \
  -larchive -lzstd -lnettle
swiftc -sanitize=fuzzer -emit-executable -o "$build/derivation-reader-fuzzer" "${derivation_objects[@]}"

findings="$build/findings"
mkdir -p "$findings"
PHASESPLIT_FUZZ_SCRATCH=$(mktemp -d /dev/shm/phasesplit-fuzz-XXXXXX)
export PHASESPLIT_FUZZ_SCRATCH
corpus=$(mktemp -d)
trap 'chmod -R u+rwx "$PHASESPLIT_FUZZ_SCRATCH"; rm -rf "$PHASESPLIT_FUZZ_SCRATCH" "$corpus"' EXIT
for target in archive derivation; do
  rm -rf "${corpus:?}"/*
  cp seeds/"$target"/* "$corpus"/
  limit=(-max_total_time="$seconds")
  label="$seconds s"
  if [ -n "${FUZZ_RUNS:-}" ]; then
    limit=(-runs="$FUZZ_RUNS")
    label="$FUZZ_RUNS runs"
  fi
  echo "== fuzz: $target reader ($label)" >&2
  # Regressions first: every earlier crash input must run clean.
  "$build/$target-reader-fuzzer" -runs=0 regressions/"$target" 2>&1 | grep -E '^Done|ERROR|SUMMARY' >&2
  set +e
  "$build/$target-reader-fuzzer" "${limit[@]}" -max_len=65536 -timeout=20 -rss_limit_mb=2048 \
    -print_final_stats=1 -artifact_prefix="$findings/$target-" "$corpus" 2>&1 |
    grep -E '^(#[0-9]+[[:space:]]+DONE|stat::number_of_executed_units|stat::peak_rss_mb|==[0-9]+== ERROR|SUMMARY|Done )|artifact|crash|Fatal' >&2
  status=${PIPESTATUS[0]}
  set -e
  if [ "$status" -ne 0 ]; then
    echo "fuzz: the $target reader failed; the input is in fuzz/$findings" >&2
    exit "$status"
  fi
done
