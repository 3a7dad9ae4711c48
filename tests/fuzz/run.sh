#!/usr/bin/env bash
# Runs isobar_frontend_fuzzer from build-fuzz for SECONDS (default 300) on
# one worker, seeded from corpus/ and ../shared/corpus/ (copied to a temp
# directory; the copies are never committed). Keeps the growing corpus and
# any crash in WORK_DIR (default /tmp/isobar-fuzz) between runs.
#
#   tests/fuzz/run.sh            five minutes
#   tests/fuzz/run.sh 600 -use_value_profile=1
#
# Extra arguments go to libFuzzer. Build first; see docs/fuzzing.md.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
fuzzer="${ISOBAR_FUZZ_BUILD_DIR:-$root/build-fuzz}/tests/fuzz/isobar_frontend_fuzzer"
work="${WORK_DIR:-/tmp/isobar-fuzz}"
seconds="${1:-300}"
shift || true

if [[ ! -x "$fuzzer" ]]; then
  echo "no fuzzer at $fuzzer; build it as docs/fuzzing.md says" >&2
  exit 1
fi
mkdir -p "$work/seeds" "$work/corpus" "$work/artifacts"
if [[ -z "$(ls -A "$work/seeds")" ]]; then
  i=0
  for dir in "$root/corpus" "$root/../shared/corpus"; do
    [[ -d "$dir" ]] || continue
    while IFS= read -r -d '' file; do
      i=$((i + 1))
      cp "$file" "$work/seeds/$(printf '%04d' "$i")-$(basename "$file")"
    done < <(find "$dir" -type f \( -name '*.yaml' -o -name '*.yml' \
               -o -name '*.json' -o -name '*.template' \) -print0 | sort -z)
  done
  echo "seeded $i files into $work/seeds"
fi
cd "$work/artifacts"
exec "$fuzzer" -max_total_time="$seconds" -max_len=4096 -timeout=10 \
  -rss_limit_mb=2048 -dict="$root/tests/fuzz/yaml.dict" \
  -artifact_prefix="$work/artifacts/" -print_final_stats=1 "$@" \
  "$work/corpus" "$work/seeds"
