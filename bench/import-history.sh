#!/usr/bin/env bash
# Whole-process import benchmark: a generated 10-year history (about 3,000 runs at 1 Hz, roughly
# 550 MB of FIT) in one zip, imported into a fresh SQLite database, then imported again.
# Prints wall time and peak memory (max RSS) of each run, measured by /usr/bin/time.
#
#   bench/import-history.sh [RUNS] [WORKDIR]      (defaults: 3000, /tmp/calfcoach-bench)
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-3000}
work=${2:-/tmp/calfcoach-bench}
mkdir -p "$work"

dotnet build -c Release src/CalfCoach.Cli -v q -nologo >/dev/null
dotnet build -c Release bench/CalfCoach.Bench -v q -nologo >/dev/null
cli="dotnet src/CalfCoach.Cli/bin/Release/net10.0/calfcoach.dll"

if [ ! -f "$work/history-$runs.zip" ]; then
  rm -rf "$work/history-$runs"
  dotnet bench/CalfCoach.Bench/bin/Release/net10.0/CalfCoach.Bench.dll generate "$work/history-$runs" "$runs"
  (cd "$work/history-$runs" && zip -q -r "../history-$runs.zip" .)
fi
fit_bytes=$(du -sb "$work/history-$runs" | cut -f1)
zip_bytes=$(stat -c %s "$work/history-$runs.zip")
echo "history: $runs runs, $((fit_bytes / 1000000)) MB of FIT, zip $((zip_bytes / 1000000)) MB"

rm -f "$work/history.db"*
for pass in first again; do
  /usr/bin/time -f "%e %M" -o "$work/time.txt" $cli import "$work/history-$runs.zip" --db "$work/history.db" --json > "$work/import-$pass.json"
  read -r seconds rss_kb < "$work/time.txt"
  imported=$(grep -o '"imported": [0-9]*' "$work/import-$pass.json" | grep -o '[0-9]*$')
  duplicates=$(grep -o '"duplicates": [0-9]*' "$work/import-$pass.json" | grep -o '[0-9]*$')
  echo "import ($pass): ${seconds} s wall, peak RSS $((rss_kb / 1024)) MB, imported=$imported duplicates=$duplicates"
done
echo "database: $(( $(stat -c %s "$work/history.db") / 1000000 )) MB"
