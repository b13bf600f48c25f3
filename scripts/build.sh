#!/usr/bin/env bash
# Builds .build/release/phasesplit as one fully static, stripped executable: the Swift runtime,
# Foundation (with its ICU data), libarchive, libzstd (threaded, scripts/zstd-mt.sh) and glibc
# linked in, no program interpreter.
# The same file runs on the host and inside segment builds, whose sandbox holds nothing of the
# host (docs/design.md, "The in-build tool"). Extra arguments go to `swift build`.
set -euo pipefail
cd "$(dirname "$0")/.."
# Debian's static libzstd has no threads; link a threaded one built from the same source (its
# pkg-config file names its directory, so the linker finds it before Debian's).
bash scripts/zstd-mt.sh
PKG_CONFIG_PATH="$PWD/.cache/zstd-mt/pkgconfig${PKG_CONFIG_PATH:+:$PKG_CONFIG_PATH}"
export PKG_CONFIG_PATH
# glibc warns at link time about the functions that would need its shared NSS/dlopen modules at run
# time (user and host lookups); the in-build commands use none of them.
# libarchive's gzip, bzip2 and xz filters and its zip reader (the stand-in scan) need zlib,
# libbz2, liblzma and nettle: a shared libarchive brings them itself, the static one does not.
swift build -c release --static-swift-stdlib -Xswiftc -static-executable -Xlinker --strip-all \
  -Xlinker -lnettle -Xlinker -llzma -Xlinker -lbz2 -Xlinker -lz \
  --product phasesplit "$@" 2>&1 |
  { grep -v -e 'in statically linked applications requires at runtime' -e "use of \`mktemp' is dangerous" || true; }
