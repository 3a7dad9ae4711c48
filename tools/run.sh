#!/usr/bin/env bash
# Usage: bash tools/run.sh demo|test|build
#   build: install dependencies (tools/setup.sh), configure and build into build/
#   demo:  build, then run `build/isobar lint corpus/` on the bundled examples
#   test:  build, then run the whole test suite with ctest
set -euo pipefail

usage() { echo "usage: bash tools/run.sh demo|test|build" >&2; exit 2; }
(($# == 1)) || usage
mode=$1
case "$mode" in demo|test|build) ;; *) usage ;; esac

cd "$(dirname "${BASH_SOURCE[0]}")/.."

bash tools/setup.sh
cmake -S . -B build -DCMAKE_BUILD_TYPE=Release
cmake --build build -j"$(nproc)"

case "$mode" in
  build) ;;
  demo) exec ./build/isobar lint corpus/ ;;
  test) cd build && exec ctest --output-on-failure --no-tests=error -j"$(nproc)" ;;
esac
