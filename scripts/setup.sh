#!/usr/bin/env bash
# Installs the Debian packages antrian needs (only the missing ones) and builds it.
# Usage: scripts/setup.sh [BUILD_DIR]   (default: build)
set -euo pipefail
cd "$(dirname "$0")/.."
build_dir=${1:-build}
mapfile -t pkgs < <(grep -v '^\s*#' scripts/packages.txt | grep -v '^\s*$')
missing=()
for p in "${pkgs[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
sudo_cmd=""; [ "$(id -u)" -eq 0 ] || sudo_cmd="sudo"
if ((${#missing[@]})); then
  echo "antrian: installing ${missing[*]}"
  $sudo_cmd apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y --no-install-recommends "${missing[@]}"
fi
# nginx's built-in temp folders (/var/lib/nginx/*): its package makes them when its
# service first starts, which never happens on a machine without systemd (a container);
# the web front needs them to exist (packaging/nginx/antrian-web-front).
for d in $("$(command -v nginx || echo /usr/sbin/nginx)" -V 2>&1 | tr ' ' '\n' | sed -n 's/^--http-[a-z-]*-temp-path=//p'); do
  [ -d "$d" ] || $sudo_cmd mkdir -p "$d"
done
cmake -S . -B "$build_dir" -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
cmake --build "$build_dir" -j"$(nproc)"
