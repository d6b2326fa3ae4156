#!/usr/bin/env bash
# Installs what is missing, builds, and runs the whole test suite: the release build (GCC) with
# the GUI tests under Xvfb, then the same tests under AddressSanitizer, UndefinedBehaviorSanitizer
# and float-cast-overflow (clang: the unit suites, the bad-input catalogue through the CLI, every
# public header compiled on its own), and each reader's fuzz target for 10 s.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh
bash scripts/build.sh
ctest --preset release -j"$(nproc)"
cmake --preset sanitize >/dev/null
cmake --build --preset sanitize -- -j"$(nproc)"
ctest --preset sanitize -j"$(nproc)"
bash scripts/fuzz.sh 10
