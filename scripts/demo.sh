#!/usr/bin/env bash
# The main job on the embedded default: installs what is missing, builds, analyses Kaunas
# (datasets/kaunas/kaunas.toml) into out/kaunas/ and draws its council report,
# out/kaunas-report.pdf.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh
bash scripts/build.sh
./build/release/app/apreptis analyze datasets/kaunas/kaunas.toml --out out/kaunas
./build/release/app/apreptis report datasets/kaunas/kaunas.toml --out out/kaunas-report.pdf
