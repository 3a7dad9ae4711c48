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
  demo)
    # Lint every example with the OpenStack profile that corpus/.isobar.yaml
    # names (CloudFormation ones use the built-in AWS profile); run in
    # corpus/, isobar finds that configuration itself. The templates whose lines carry
    # `# expect:` comments are wrong on purpose, so errors are expected:
    # the demo fails only when isobar itself does (exit status 2), or when
    # the annotations and the report disagree.
    status=0
    ./build/isobar lint --config corpus/.isobar.yaml corpus/ || status=$?
    ((status < 2)) || exit "$status"
    echo
    echo "Checking that every report above is the one annotated in corpus/:"
    exec python3 tools/check_annotated.py --isobar build/isobar --skip children --skip profiles corpus/ ;;
  test) cd build && exec ctest --output-on-failure --no-tests=error -j"$(nproc)" ;;
esac
