#!/usr/bin/env bash
# Builds a multithreaded static libzstd into .cache/zstd-mt/libzstd.a (once), with a pkg-config
# file for it in .cache/zstd-mt/pkgconfig, from the Debian source
# of the installed libzstd-dev (same version as its headers). Debian's own libzstd.a is built
# without threads, so a fully static phasesplit linked with it would compress segment archives in
# one thread and write other bytes than a threaded (dynamic or Nix-built) phasesplit does.
set -euo pipefail
cd "$(dirname "$0")/.."
out=.cache/zstd-mt
[ -f "$out/libzstd.a" ] && [ -f "$out/pkgconfig/libzstd.pc" ] && exit 0
version=$(dpkg-query -W -f='${source:Version}' libzstd-dev)
upstream=${version%-*}
sources=.cache/sources
mkdir -p "$sources" "$out"
tarball="$sources/libzstd_${upstream}.orig.tar.xz"
if [ ! -f "$tarball" ]; then
  # Only the upstream tarball is used. A stable update's own source (bookworm-security) may not
  # be served; its upstream tarball is the one of the bookworm release with the same upstream
  # version, so that one is fetched when the exact version is not to be had.
  echo "zstd-mt: apt-get source libzstd=$version" >&2
  (cd "$sources" && apt-get source --download-only "libzstd=$version" >/dev/null 2>&1) ||
    (cd "$sources" && apt-get source --download-only libzstd/bookworm >/dev/null 2>&1) || true
  if [ ! -f "$tarball" ]; then
    echo "zstd-mt: could not fetch $tarball with apt-get source (run scripts/setup.sh for the deb-src entry)" >&2
    exit 1
  fi
fi
mkdir -p "$out/pkgconfig"
cat >"$out/pkgconfig/libzstd.pc" <<PC
Name: zstd
Description: zstd $upstream with threads (scripts/zstd-mt.sh)
Version: ${upstream%+*}
Libs: -L$PWD/$out -lzstd -pthread
Cflags:
PC
[ -f "$out/libzstd.a" ] && exit 0
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
tar -xJf "$tarball" -C "$work"
echo "zstd-mt: building libzstd.a with threads" >&2
make -C "$work"/zstd-*/lib -j"$(nproc)" libzstd.a-mt >/dev/null
cp "$work"/zstd-*/lib/libzstd.a "$out/libzstd.a.tmp"
mv "$out/libzstd.a.tmp" "$out/libzstd.a"
