#!/usr/bin/env bash
# Builds a split package through a Nix remote builder on this machine and checks what issue 13
# asks: the segments are built on the builder, a failure in install is resumed by building only
# the final segment, and `phasesplit enter` works on a segment built remotely.
#
# The builder: Debian's openssh-server listening on 127.0.0.1 only (a random port), with a host
# key and a client key made for this run in a temporary directory (no change to ~/.ssh), and a
# nix-daemon on a chroot store (`local?root=DIR`) as its remote program: Nix cannot build
# "remotely" into the /nix/store it builds from (the output lock deadlocks). Needs root,
# /usr/sbin/sshd (apt-get install openssh-server) and jq. Everything is removed at exit.
#
#   bash bench/remote-builder.sh [PHASESPLIT]      # default: .build/release/phasesplit
set -euo pipefail
cd "$(dirname "$0")/.."
export NIX_CONFIG
NIX_CONFIG="$(cat fixtures/nix.conf)"
tool=${1:-$PWD/.build/release/phasesplit}
for needed in /usr/sbin/sshd ssh ssh-keygen jq "$tool"; do
  if ! command -v "$needed" >/dev/null; then
    echo "remote-builder: $needed is missing (openssh-server, openssh-client, jq, bash scripts/build.sh)" >&2
    exit 2
  fi
done

work=$(mktemp -d /tmp/phasesplit-remote-XXXXXX)
sshdPid=""
cleanUp() {
  if [ -n "$sshdPid" ]; then kill "$sshdPid" 2>/dev/null || true; fi
  chmod -R u+w "$work" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanUp EXIT

step() { printf '\n== %s\n' "$*"; }

step "sshd on 127.0.0.1 with keys made for this run"
ssh-keygen -q -N '' -t ed25519 -f "$work/host-key"
ssh-keygen -q -N '' -t ed25519 -f "$work/client-key"
cp "$work/client-key.pub" "$work/authorized-keys"
port=$((20000 + RANDOM % 20000))
mkdir -p /run/sshd
cat >"$work/sshd-config" <<EOF
Port $port
ListenAddress 127.0.0.1
HostKey $work/host-key
PidFile $work/sshd.pid
AuthorizedKeysFile $work/authorized-keys
PermitRootLogin prohibit-password
PasswordAuthentication no
KbdInteractiveAuthentication no
UsePAM no
StrictModes no
EOF
/usr/sbin/sshd -f "$work/sshd-config" -E "$work/sshd.log"
for _ in $(seq 50); do [ -s "$work/sshd.pid" ] && break; sleep 0.1; done
sshdPid=$(cat "$work/sshd.pid")
echo "sshd pid $sshdPid listening on 127.0.0.1:$port"

# The builder's remote program: a nix-daemon on the chroot store, with the project's settings.
remoteRoot=$work/remote-root
cat >"$work/remote-nix-daemon" <<EOF
#!/bin/sh
export NIX_CONFIG='$NIX_CONFIG
store = local?root=$remoteRoot'
exec /usr/bin/nix-daemon "\$@"
EOF
chmod +x "$work/remote-nix-daemon"
export NIX_SSHOPTS="-p $port -o StrictHostKeyChecking=no -o UserKnownHostsFile=/dev/null -o LogLevel=ERROR"
builders="ssh-ng://root@127.0.0.1?remote-program=$work/remote-nix-daemon x86_64-linux $work/client-key 2"
echo "builders = $builders"
remote=(--option max-jobs 0 --option builders "$builders")
suffix=remote$RANDOM$RANDOM
package=(-f fixtures/default.nix --argstr nameSuffix "$suffix" --no-out-link --no-segment-roots)

# The output paths of the earlier segments of a `build --json` report.
earlierOutputs() {
  jq -r '.segments[:-1][].derivation' "$1" | while read -r drv; do nix-store --query --outputs "$drv"; done
}

step "phasesplit build -A failingInstall (every segment on the remote builder; install fails)"
status=0
"$tool" build "${package[@]}" -A failingInstall --json "${remote[@]}" >"$work/failed.json" || status=$?
jq -r '.segments[] | "\(.segment)\t\(.status)\t\(.failedPhase // "")"' "$work/failed.json"
if [ "$status" -eq 0 ] || [ "$(jq -r .success "$work/failed.json")" != false ]; then
  echo "FAIL: the failing install did not fail" >&2
  exit 1
fi
while read -r output; do
  if [ -d "$remoteRoot$output" ] && [ -d "$output" ]; then
    echo "built on the builder and copied back: $output"
  else
    echo "FAIL: $output is not in the builder's store and the local one" >&2
    exit 1
  fi
done < <(earlierOutputs "$work/failed.json")
check=$(jq -r '.segments[-2].segment' "$work/failed.json")

step "phasesplit enter --segment $check (the archive came back from the builder as a store path)"
# shellcheck disable=SC2016 # expanded in the restored shell
"$tool" enter -f fixtures/default.nix --argstr nameSuffix "$suffix" -A failingInstall --segment "$check" \
  --command 'echo "restored in $PWD, next phases: $phases"; ./plain-greet remote' | tee "$work/enter.txt"
grep -q ", remote!" "$work/enter.txt" || { echo "FAIL: enter did not run the built program" >&2; exit 1; }

step "phasesplit build -A failingInstallFixed (only the final segment builds, remotely)"
"$tool" build "${package[@]}" -A failingInstallFixed --json "${remote[@]}" >"$work/fixed.json"
jq -r '.segments[] | "\(.segment)\t\(.status)"' "$work/fixed.json"
if [ "$(jq -r '[.segments[:-1][] | select(.status != "reused")] | length' "$work/fixed.json")" != 0 ] ||
  [ "$(jq -r '.segments[-1].status' "$work/fixed.json")" != built ]; then
  echo "FAIL: more than the final segment was built" >&2
  exit 1
fi
finalOutput=$(jq -r '.outputs.out' "$work/fixed.json")
[ -d "$remoteRoot$finalOutput" ] || { echo "FAIL: the final segment was not built remotely" >&2; exit 1; }
echo "final segment built on the builder: $finalOutput"
step "remote builder: all checks passed"
