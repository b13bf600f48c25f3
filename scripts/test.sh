#!/usr/bin/env bash
# The README's test command: sets up the machine (idempotently), checks formatting and shell
# scripts, builds phasesplit in release mode and runs every test, including the integration
# tests that run real sandboxed nix-build on the fixtures.
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/setup.sh
bash scripts/fetch-sources.sh

echo "== swift format lint" >&2
swift format lint --strict -r Sources Tests Package.swift

echo "== shellcheck" >&2
mapfile -t shell_files < <(git ls-files '*.sh' 'nix-lib/**.sh' 'fixtures/**.sh' '.ci/run' | sort -u)
shellcheck -x "${shell_files[@]}"

echo "== build (release, static Swift runtime)" >&2
swift build -c release --static-swift-stdlib --product phasesplit

echo "== tests" >&2
export PHASESPLIT_TEST_TOOL="$PWD/.build/release/phasesplit"
swift test --parallel
