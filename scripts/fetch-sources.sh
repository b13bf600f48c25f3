#!/usr/bin/env bash
# Fetches the upstream tarballs the fixtures build, from Debian's source packages, into
# .cache/sources (ignored by git), and adds each to the Nix store as a fixed-output path.
set -euo pipefail
cd "$(dirname "$0")/.."
cache=.cache/sources
# The project's Nix settings (single-user, sandboxed, no substituters) unless the caller set its own.
NIX_CONFIG="${NIX_CONFIG:-$(cat fixtures/nix.conf)}"
export NIX_CONFIG
mkdir -p "$cache"

# NAME VERSION TARBALL
sources=(
  "hello 2.10 hello_2.10.orig.tar.gz"
  "gawk 1:5.2.1 gawk_5.2.1.orig.tar.xz"
  "coreutils 9.1 coreutils_9.1.orig.tar.xz"
)

for entry in "${sources[@]}"; do
  read -r name _version tarball <<<"$entry"
  if [ ! -f "$cache/$tarball" ]; then
    echo "fetch-sources: apt-get source $name" >&2
    (cd "$cache" && apt-get source --download-only "$name" >/dev/null 2>&1) || {
      echo "fetch-sources: could not fetch $name with apt-get source (is the deb-src entry set up? run scripts/setup.sh)" >&2
      exit 1
    }
  fi
  nix-store --add-fixed sha256 "$cache/$tarball" >/dev/null
done
