#!/usr/bin/env bash
# Checks the fixtures: runs the stdenv self-test, builds every package of fixtures/default.nix
# sandboxed, checks that failingInstall fails in its install phase while failingInstallFixed
# builds, that hello, plainMake and the other quick packages rebuild bit-identically
# (`nix-build --check`), and that the set's arguments (nameSuffix, postInstallExtra,
# configureFlagsExtra) edit the packages.
#
# Usage: scripts/check-fixtures.sh [--skip-gawk]
#   --skip-gawk  leave out gawk, whose build takes over a minute
set -euo pipefail
cd "$(dirname "$0")/.."

skip_gawk=
for arg in "$@"; do
  case "$arg" in
    --skip-gawk) skip_gawk=1 ;;
    *)
      echo "check-fixtures: unknown argument '$arg' (usage: $0 [--skip-gawk])" >&2
      exit 2
      ;;
  esac
done

NIX_CONFIG="$(cat fixtures/nix.conf)"
export NIX_CONFIG
bash scripts/fetch-sources.sh

logs="$(mktemp -d "${TMPDIR:-/tmp}/check-fixtures.XXXXXX")"
failures=0

fail() {
  echo "check-fixtures: FAIL: $*" >&2
  failures=$((failures + 1))
}

# build NAME ATTRIBUTE [NIX-BUILD-ARGS…]: builds fixtures ATTRIBUTE, logging to $logs/NAME.log.
build() {
  local name="$1" attribute="$2"
  shift 2
  nix-build fixtures -A "$attribute" --no-out-link "$@" >"$logs/$name.log" 2>&1
}

packages=(hello plainMake cmakeProject cmakeNinjaProject mesonProject customPhases multiOutput
  structuredAttrs failingInstallFixed buildCommandPkg autotoolsMultiOutput customBuilder standInRemnants)
if [ -z "$skip_gawk" ]; then
  packages+=(gawk)
fi

for package in "${packages[@]}"; do
  started=$SECONDS
  if build "$package" "$package"; then
    echo "check-fixtures: built $package ($((SECONDS - started)) s)"
  else
    fail "$package did not build; see $logs/$package.log"
  fi
done

if nix-build fixtures/stdenv/self-test.nix --no-out-link >"$logs/self-test.log" 2>&1; then
  echo "check-fixtures: stdenv self-test passed"
else
  fail "the stdenv self-test failed; see $logs/self-test.log"
fi

if build failingInstall failingInstall; then
  fail "failingInstall built, but its install phase must fail"
elif ! grep -q '^Running phase: installPhase$' "$logs/failingInstall.log" ||
  grep -q '^Running phase: fixupPhase$' "$logs/failingInstall.log"; then
  fail "failingInstall failed outside its install phase; see $logs/failingInstall.log"
else
  echo "check-fixtures: failingInstall fails in its install phase, as it should"
fi

for package in hello plainMake cmakeProject cmakeNinjaProject mesonProject customPhases multiOutput \
  structuredAttrs failingInstallFixed buildCommandPkg autotoolsMultiOutput customBuilder; do
  if build "$package-check" "$package" --check; then
    echo "check-fixtures: $package rebuilds bit-identically"
  else
    fail "$package is not reproducible (nix-build --check); see $logs/$package-check.log"
  fi
done

# The set's arguments: a suffixed plainMake with extra install text, and extra configure
# flags reaching hello's configure script.
suffix="-check$$"
# shellcheck disable=SC2016 # $out is for the build's shell, not this one
if edited="$(nix-build fixtures -A plainMake --no-out-link --argstr nameSuffix "$suffix" \
  --argstr postInstallExtra 'echo edited > "$out/share/edited"' 2>"$logs/edited.log")"; then
  case "$edited" in
    *"-plain-greet$suffix-1.0") ;;
    *) fail "nameSuffix did not reach the name: $edited" ;;
  esac
  if [ "$(cat "$edited/share/edited" 2>/dev/null)" != edited ]; then
    fail "postInstallExtra did not run in $edited"
  fi
else
  fail "the edited plainMake did not build; see $logs/edited.log"
fi
flags="$(nix-instantiate --eval --strict fixtures -A hello.configureFlags \
  --arg configureFlagsExtra '[ "--disable-nls" ]' 2>&1)" || true
if [ "$flags" != '[ "--disable-nls" ]' ]; then
  fail "configureFlagsExtra did not reach hello.configureFlags (got: $flags)"
fi

if [ "$failures" -gt 0 ]; then
  echo "check-fixtures: $failures check(s) failed; logs in $logs" >&2
  exit 1
fi
echo "check-fixtures: all checks passed (logs in $logs)"
