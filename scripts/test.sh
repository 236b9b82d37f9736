#!/usr/bin/env bash
# Installs what Tinct needs, builds it, and runs the whole test suite on whatever Vulkan device
# there is (Mesa's lavapipe on a machine without a GPU), with the validation layer on.
#
#   scripts/test.sh             the Release build in build/
#   scripts/test.sh --sanitize  the same suite built with AddressSanitizer and UndefinedBehaviorSanitizer
#                               in build-sanitize/: a use after free, an overflow or undefined
#                               behaviour fails the test that reached it
set -euo pipefail
cd "$(dirname "$0")/.."
sanitize=0
for arg in "$@"; do
  case "$arg" in
    --sanitize) sanitize=1 ;;
    *) echo "usage: scripts/test.sh [--sanitize]" >&2; exit 2 ;;
  esac
done
scripts/setup.sh
if [ "$sanitize" = 1 ]; then
  # Optimised with debug information, so the reports name lines and the suite still runs in minutes.
  TINCT_BUILD_DIR=build-sanitize scripts/build.sh -DTINCT_TESTS=ON -DTINCT_BENCH=OFF -DTINCT_SANITIZE=ON \
    -DCMAKE_BUILD_TYPE=RelWithDebInfo
  cd build-sanitize
  # Every report ends the process, so a test that reached one fails. Leaks are not checked: the Vulkan
  # loader and the drivers keep allocations until exit by design.
  export ASAN_OPTIONS="detect_leaks=0:abort_on_error=1:strict_string_checks=1:check_initialization_order=1"
  export UBSAN_OPTIONS="halt_on_error=1:print_stacktrace=1"
else
  scripts/build.sh -DTINCT_TESTS=ON
  cd build
fi
ctest --output-on-failure --timeout 900 -j"$(nproc)"
