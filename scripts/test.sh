#!/usr/bin/env bash
# The README's test command: sets up the machine (idempotently), checks formatting and shell
# scripts, builds phasesplit in release mode and runs every test, including the integration
# tests that run real sandboxed nix-build on the fixtures.
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/setup.sh
bash scripts/fetch-sources.sh

echo "== swift format lint" >&2
swift format lint --strict -r Sources Tests Package.swift fuzz/Sources fuzz/Package.swift

echo "== shellcheck" >&2
mapfile -t shell_files < <(git ls-files '*.sh' 'nix-lib/**.sh' 'fixtures/**.sh' '.ci/run' | sort -u)
shellcheck -x "${shell_files[@]}"

echo "== build (release, fully static and stripped)" >&2
bash scripts/build.sh

echo "== fixture toolchain" >&2
# The stdenv and tool hooks are builders that finish within moments, the kind Nix now and then
# kills as they exit under load (NixOS/nix#2176). Build them once, serially, with a retry, before
# the parallel tests all need them at the same time.
NIX_CONFIG="${NIX_CONFIG:-$(cat fixtures/nix.conf)}"
export NIX_CONFIG
for attempt in 1 2 3; do
  if nix-build fixtures --no-out-link -A stdenv -A tools.cmake -A tools.ninja -A tools.meson -A tools.noteHook >/dev/null; then
    break
  fi
  [ "$attempt" -lt 3 ] || exit 1
done

echo "== fuzz (bounded: 30 s per target)" >&2
bash scripts/fuzz.sh 30

echo "== tests" >&2
export PHASESPLIT_TEST_TOOL="$PWD/.build/release/phasesplit"
# Every test runs here: none of the tests that need Nix may skip.
unset PHASESPLIT_TEST_SKIP_NIX
swift test --parallel
