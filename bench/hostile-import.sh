#!/usr/bin/env bash
# Whole-process hostile-import benchmark (issue 12): the real `calfcoach import` on
#   lying.zip        20 nested zips whose headers claim 1,000,000,000 bytes each (57 KB)
#   bomb.zip         the error bomb: 200 entries of unclosed 1 MB element names (about 200 KB)
#   random-500mb.fit 500 MB of random bytes named .fit
#   gpx-400mb/       four 400 MB GPX runs in one import
# each into a fresh database. Prints the peak resident size (VmHWM, polled from /proc/PID/status every
# 50 ms; the kernel's high-water mark) and the wall time. The inputs come from the tests' generators
# (tests/Shared/HostileArchives.cs) and are kept in WORKDIR between runs.
#
#   bench/hostile-import.sh [WORKDIR] [GPX_MB] [FIT_MB]   (defaults: /tmp/calfcoach-hostile, 400, 500)
#   CALFCOACH_IMPORT_MEMORY_MB=256 bench/hostile-import.sh   (the budget applies as in any import)
set -euo pipefail
cd "$(dirname "$0")/.."
work=${1:-/tmp/calfcoach-hostile}
gpx_mb=${2:-400}
fit_mb=${3:-500}
mkdir -p "$work"

dotnet build -c Release src/CalfCoach.Cli -v q -nologo >/dev/null
dotnet build -c Release bench/CalfCoach.Bench -v q -nologo >/dev/null
dotnet bench/CalfCoach.Bench/bin/Release/net10.0/CalfCoach.Bench.dll hostile "$work" "$gpx_mb" "$fit_mb"
cli=src/CalfCoach.Cli/bin/Release/net10.0/calfcoach.dll

# measure NAME PATH: runs the import, polls VmHWM until it exits, prints one line.
measure() {
  local name=$1 input=$2 db="$work/$1.db"
  rm -f "$db" "$db"-*
  local start end pid hwm=0 now
  start=$(date +%s.%N)
  dotnet "$cli" import "$input" --db "$db" --json > "$work/$name.json" 2> "$work/$name.err" &
  pid=$!
  while kill -0 "$pid" 2>/dev/null; do
    now=$(awk '/^VmHWM:/ { print $2 }' "/proc/$pid/status" 2>/dev/null || true)
    if [ -n "$now" ] && [ "$now" -gt "$hwm" ]; then hwm=$now; fi
    sleep 0.05
  done
  local code=0
  wait "$pid" || code=$?
  end=$(date +%s.%N)
  local imported failed not_counted json_kb
  imported=$(grep -o '"imported": [0-9]*' "$work/$name.json" | grep -o '[0-9]*$' || echo "?")
  failed=$(grep -o '"failedCount": [0-9]*' "$work/$name.json" | grep -o '[0-9]*$' || echo "?")
  not_counted=$(grep -c '"reason":' "$work/$name.json" || true)
  json_kb=$(( $(stat -c %s "$work/$name.json") / 1024 ))
  printf '%-18s VmHWM %5d MB  wall %6.1f s  exit %d  imported %s  failed %s  stored-not-counted %s  JSON %d KB\n' \
    "$name" $((hwm / 1024)) "$(echo "$end - $start" | bc)" "$code" "$imported" "$failed" "$not_counted" "$json_kb"
}

echo "calfcoach import, CALFCOACH_IMPORT_MEMORY_MB=${CALFCOACH_IMPORT_MEMORY_MB:-unset (1024)}, $(nproc) cores"
measure lying-zip "$work/lying.zip"
measure error-bomb "$work/bomb.zip"
measure random-fit "$work/random-${fit_mb}mb.fit"
measure gpx-4x${gpx_mb}mb "$work/gpx-${gpx_mb}mb"
