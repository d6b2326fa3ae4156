#!/usr/bin/env bash
# The main job on the embedded default: installs what is missing, builds, and analyses
# Kaunas (datasets/kaunas/kaunas.toml), writing out/kaunas/.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh
bash scripts/build.sh
./build/release/app/apreptis analyze datasets/kaunas/kaunas.toml --out out/kaunas
