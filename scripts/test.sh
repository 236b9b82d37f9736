#!/usr/bin/env bash
# Installs what Tinct needs, builds it, and runs the whole test suite on whatever Vulkan device
# there is (Mesa's lavapipe on a machine without a GPU), with the validation layer on.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
scripts/build.sh -DTINCT_TESTS=ON
cd build
ctest --output-on-failure --timeout 600 -j"$(nproc)"
