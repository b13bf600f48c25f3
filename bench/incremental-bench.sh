#!/usr/bin/env bash
# Benchmark: a one-file source change (a comment appended to FILE of PACKAGE; default gawk 5.2.1's
# builtin.c), built incrementally (`splitPhases { incrementalFrom = base; }`) versus a full split
# build of the changed source. Each run uses fresh package names, so nothing is reused from
# earlier runs; the base split build is built first and not timed. Both timed builds start from
# nothing: the full build is of the same change under another name, so it pays for its own unpack
# segment as the incremental build does. Each run also checks that the incremental outputs are
# identical to the full split build's (NARs compared with the output hash and name rewritten) and
# counts the compiler invocations in the incremental build segment's log (`cc … -c`/`CC x.o`
# lines as compiles, other `cc` lines and `CCLD x` lines as links).
# Nix's build directories are under $TMPDIR (default /tmp, on disk here; TMPDIR=/dev/shm puts
# both sides on tmpfs). Writes PACKAGE's section for that file system to
# bench/results/incremental-bench.md (other sections stay). This machine's root file system is
# ext4 without a journal; for a journaled ext4 on the same disk (as most machines have):
#   truncate -s 8G /var/tmp/ext4j.img && mkfs.ext4 -q /var/tmp/ext4j.img && mkdir -p /mnt/ext4j &&
#   mount -o loop /var/tmp/ext4j.img /mnt/ext4j && TMPDIR=/mnt/ext4j bash bench/incremental-bench.sh
# Usage: [TMPDIR=DIR] bash bench/incremental-bench.sh [RUNS [PACKAGE FILE]]
#   (default 1 gawk builtin.c, about 2 minutes a run here; coreutils src/tac.c takes about 13)
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-1}
package=${2:-gawk}
file=${3:-builtin.c}
results=bench/results/incremental-bench.md
bash scripts/setup.sh >/dev/null
bash scripts/fetch-sources.sh >/dev/null
bash scripts/build.sh >/dev/null
NIX_CONFIG="$(cat fixtures/nix.conf)"
export NIX_CONFIG
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cat >"$work/bench.nix" <<NIX
{ suffix, package, file }:
let
  lib = import $PWD/nix-lib {
    phasesplit = builtins.path { path = $PWD/.build/release/phasesplit; name = "phasesplit"; };
  };
  changed = nameSuffix: (import $PWD/fixtures { inherit nameSuffix; }).\${package}.overrideAttrs (_: {
    postPatch = "echo '/* one-file change */' >> \${file}";
  });
  base = lib.splitPhases { } (import $PWD/fixtures { nameSuffix = "\${suffix}-i"; }).\${package};
in {
  inherit base;
  full = lib.splitPhases { } (changed "\${suffix}-f");
  incremental = lib.splitPhases { incrementalFrom = base; } (changed "\${suffix}-i");
}
NIX
build() { # build ATTRIBUTE: nix-build of the benchmark's ATTRIBUTE, prints the output paths
  nix-build "$work/bench.nix" --argstr suffix "$suffix" --argstr package "$package" --argstr file "$file" \
    -A "$1" --no-out-link 2>>"$work/nix.log"
}
# The compiler invocations of a build log: "compile TARGET" and "link TARGET" lines.
compilerInvocations() {
  awk '
    /^ +CC +[^ ]+$/ { print "compile", $2; next }
    /^ +CCLD +[^ ]+$/ { print "link", $2; next }
    /^(cc|gcc) / {
      target = "?"
      for (i = 2; i < NF; i++) if ($i == "-o") target = $(i + 1)
      print (/ -c / ? "compile" : "link"), target
    }'
}
# identical A B: the NAR of store path A (incremental), with A's hash and name suffix replaced by
# B's (full; the suffixes -i and -f have the same length), equals B's NAR.
identical() {
  local fromHash toHash
  fromHash=$(basename "$1" | cut -c1-32)
  toHash=$(basename "$2" | cut -c1-32)
  cmp -s <(nix-store --dump "$1" | LC_ALL=C sed "s/$fromHash/$toHash/g; s/$suffix-i-/$suffix-f-/g") \
    <(nix-store --dump "$2")
}
rows=() ratios=()
filesystem=$(df --output=fstype "${TMPDIR:-/tmp}" | tail -n 1)
if [ "$filesystem" = ext4 ]; then
  # ext4 without a journal allocates inodes slowly right after many deletions (as Nix makes
  # when it removes the previous segment's build directory): say which kind this is
  device=$(basename "$(df --output=source "${TMPDIR:-/tmp}" | tail -n 1)")
  if [ "$(cat "/sys/fs/ext4/$device/journal_task" 2>/dev/null)" = "<none>" ]; then
    filesystem="ext4 without a journal"
  else
    filesystem="ext4 with a journal"
  fi
fi
[ "$filesystem" = tmpfs ] || filesystem="disk ($filesystem)"
for ((run = 1; run <= runs; run++)); do
  suffix="-bench-$(date +%s%N)"
  build base >/dev/null
  # alternate which build goes first (the disk's write-back of the other's files)
  for side in $( ((run % 2)) && echo incremental full || echo full incremental); do
    start=$EPOCHREALTIME
    if [ "$side" = incremental ]; then
      mapfile -t incrementalOutputs < <(build incremental)
      incremental=$(echo "$EPOCHREALTIME - $start" | bc)
    else
      mapfile -t fullOutputs < <(build full)
      full=$(echo "$EPOCHREALTIME - $start" | bc)
    fi
  done
  if [ ${#incrementalOutputs[@]} -eq 0 ] || [ ${#incrementalOutputs[@]} -ne ${#fullOutputs[@]} ]; then
    echo "incremental-bench: a build failed (log: $work/nix.log kept in /tmp/incremental-bench-nix.log)" >&2
    cp "$work/nix.log" /tmp/incremental-bench-nix.log
    exit 1
  fi
  same=yes
  for i in "${!fullOutputs[@]}"; do
    identical "${incrementalOutputs[$i]}" "${fullOutputs[$i]}" || same=NO
  done
  segment=$(nix-instantiate "$work/bench.nix" --argstr suffix "$suffix" --argstr package "$package" \
    --argstr file "$file" -A incremental.segments.build 2>/dev/null)
  nix-store --read-log "$segment" | compilerInvocations >"$work/invocations"
  compiles=$(grep -c '^compile ' "$work/invocations" || true)
  links=$(grep -c '^link ' "$work/invocations" || true)
  targets=$(awk '{ print $2 }' "$work/invocations" | paste -sd ' ' -)
  ratio=$(echo "scale=3; $incremental / $full" | bc)
  ratios+=("$ratio")
  rows+=("| $run | $(printf %.1f "$incremental") s | $(printf %.1f "$full") s | $ratio | $compiles + $links ($targets) | $same |")
done
version=$(nix-instantiate --eval fixtures -A "$package.version" | tr -d '"')
median=$(printf '%s\n' "${ratios[@]}" | sort -n | awk '{ r[NR] = $1 } END { print r[int((NR + 1) / 2)] }')
title="## $package $version, $file changed, build directories on $filesystem"
{
  echo "$title"
  echo
  echo "\`${TMPDIR:+TMPDIR=$TMPDIR }bash bench/incremental-bench.sh $runs $package $file\` on $(nproc) cores," \
    "$(date -u +%Y-%m-%d) (load average at the end $(cut -d' ' -f1-3 /proc/loadavg)). Median ratio: **$median**."
  echo
  echo "| run | incremental | full split build | ratio | compiles + links in the incremental build segment | outputs identical |"
  echo "| --- | --- | --- | --- | --- | --- |"
  printf '%s\n' "${rows[@]}"
  echo
} >"$work/section.md"
# Keep the other sections; replace this one.
{
  echo "# Incremental build benchmark (one source file changed)"
  echo
  if [ -f "$results" ]; then
    awk -v own="$title" '
      /^## / { keep = ($0 != own) }
      /^## / || started { started = 1; if (keep) print }' "$results"
  fi
  cat "$work/section.md"
} >"$work/results.md"
mv "$work/results.md" "$results"
cat "$results"
