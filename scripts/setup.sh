#!/usr/bin/env bash
# Installs what phasesplit's build, tests and demo need on Debian 12, idempotently:
# Debian packages (Nix, libarchive, zstd, build tools for the fixtures) and a deb-src entry
# so that scripts/fetch-sources.sh can fetch upstream tarballs with `apt-get source`.
set -euo pipefail

packages=(
  nix-bin libarchive-dev libzstd-dev pkg-config zstd shellcheck busybox-static
  make gcc g++ meson ninja-build cmake dpkg-dev tmux python3 bc gawk
  openssh-server openssh-client jq nettle-dev
)

as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi
}

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done

src_list=/etc/apt/sources.list.d/phasesplit-deb-src.sources
if [ ! -f "$src_list" ]; then
  as_root tee "$src_list" >/dev/null <<'SRC'
Types: deb-src
URIs: http://deb.debian.org/debian
Suites: bookworm
Components: main
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg
SRC
  need_update=1
fi

if [ ${#missing[@]} -gt 0 ] || [ -n "${need_update:-}" ]; then
  as_root apt-get update -qq
fi
if [ ${#missing[@]} -gt 0 ]; then
  echo "setup: installing ${missing[*]}" >&2
  DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

# Single-user Nix as root: the store must exist and be writable.
as_root mkdir -p /nix/store /nix/var/nix
