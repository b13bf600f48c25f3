#!/usr/bin/env bash
# The README's main job: set up the machine, build phasesplit, then build GNU hello 2.10 (Debian's
# upstream tarball, fixture stdenv) split into segments, with live progress and a summary of the
# segments. Run it twice: the second run reuses every segment from the store.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
bash scripts/fetch-sources.sh
bash scripts/build.sh >&2
NIX_CONFIG="$(cat fixtures/nix.conf)"
export NIX_CONFIG
.build/release/phasesplit analyze -f fixtures -A hello
.build/release/phasesplit build -f fixtures -A hello --out-link .cache/result-hello
echo
echo "hello, built split: $(.cache/result-hello/bin/hello)"
