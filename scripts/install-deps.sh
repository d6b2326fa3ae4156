#!/usr/bin/env bash
# Installs the Debian 12 packages Aprėptis builds and tests with. Skips apt when every
# package is already installed. Needs root (or sudo).
set -euo pipefail
PKGS=(build-essential cmake ninja-build pkg-config git
      libgdal-dev libsqlite3-dev gdal-bin libgeos-dev libproj-dev proj-data
      libtomlplusplus-dev nlohmann-json3-dev libcli11-dev libssl-dev libglpk-dev liblemon-dev libboost-graph-dev
      libgtest-dev libbenchmark-dev clang libclang-rt-14-dev
      libcairo2-dev poppler-utils libosmium2-dev osmium-tool python3
      postgresql-15 postgresql-15-postgis-3
      libimgui-dev libglfw3-dev libgl1-mesa-dev libgl1-mesa-dri xvfb xauth fonts-dejavu-core)
missing=()
for p in "${PKGS[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -eq 0 ]; then
  echo "install-deps: all ${#PKGS[@]} packages present"
  exit 0
fi
SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
echo "install-deps: installing ${missing[*]}"
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
echo "install-deps: done"
