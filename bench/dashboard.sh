#!/usr/bin/env bash
# Whole-process benchmark of the home page, "today": a generated 10-year history (about 3,000 runs at 1 Hz, written as FIT
# files by `CalfCoach.Bench history`) imported with `calfcoach import`, then `calfcoach serve` on loopback, an assessment
# recorded (so the page shows the programme: its replay, the return-to-run forecast, today's tasks and pain scales, as
# well as the training figures and charts) with a pain score and a task ticked off, and REQUESTS requests for `/`. Reports the server time the app itself measures (its Server-Timing header: request in
# to response start, so page rendering included) and the client's total time, as median, 95th percentile and maximum.
#
# The history database is made once per day in WORKDIR and reused; each run serves a fresh copy of it.
#
#   bench/dashboard.sh [REQUESTS] [WORKDIR]      (defaults: 50, /tmp/calfcoach-dashboard-bench)
set -euo pipefail
cd "$(dirname "$0")/.."
requests=${1:-50}
work=${2:-/tmp/calfcoach-dashboard-bench}
port=${CALFCOACH_BENCH_PORT:-5199}  # another port when 5199 is taken (benchmarks of two worktrees at once)
mkdir -p "$work"

dotnet build -c Release src/CalfCoach.Cli -v q -nologo >/dev/null
dotnet build -c Release bench/CalfCoach.Bench -v q -nologo >/dev/null
cli="dotnet src/CalfCoach.Cli/bin/Release/net10.0/calfcoach.dll"
today=$(date -u +%F)

if [ ! -f "$work/history.db" ] || [ "$(cat "$work/made-on" 2>/dev/null)" != "$today" ]; then
  rm -rf "$work/history" "$work"/history.db*
  dotnet bench/CalfCoach.Bench/bin/Release/net10.0/CalfCoach.Bench.dll history "$work/history" "$today" 10
  $cli import "$work/history" --db "$work/history.db" --json | grep -E '"(imported|failed)"' | tr -d ' ,\n'; echo
  echo "$today" > "$work/made-on"
fi

# Served from a fresh copy, so every run starts from the same history with an empty journal (no assessments, uploads
# or profile changes of earlier runs).
rm -f "$work"/serve.db*
cp "$work/history.db" "$work/serve.db"
$cli serve --db "$work/serve.db" --urls "http://127.0.0.1:$port" > "$work/serve.log" 2>&1 &
server=$!
trap 'kill $server 2>/dev/null || true' EXIT
# Wait for the address to be announced, as a runner does: serve warms up (reads, analyses, renders once) before that.
for _ in $(seq 1 300); do grep -q "CalfCoach is running" "$work/serve.log" 2>/dev/null && break; sleep 0.2; done

# A runner three days into a programme (an assessment recorded three days ago, so the page replays the programme from
# then and analyses both that day and today), with a pain score and a task done today.
started=$(date -u -d "$today - 3 days" +%F)
curl -fs -o /dev/null -H 'Content-Type: application/json' --data-binary @examples/answers-overload.json "http://127.0.0.1:$port/api/assessments?asOf=$started"
curl -fs -o /dev/null -H 'Content-Type: application/json' -d '{"score": 2, "morning": true}' "http://127.0.0.1:$port/api/check-ins/pain"
task=$(curl -fs "http://127.0.0.1:$port/api/plan" | grep -o '"id": *"[^"]*"' | head -1 | sed -E 's/.*"([^"]*)"$/\1/')
curl -fs -o /dev/null -H 'Content-Type: application/json' -d "{\"task\": \"$task\"}" "http://127.0.0.1:$port/api/check-ins/task"
home=$(curl -fs "http://127.0.0.1:$port/")  # read whole: grep -q would stop curl mid-page, and pipefail would call that a failure
case "$home" in *'id="today-tasks"'*) ;; *) echo "the home page shows no programme: nothing of today measured" >&2; exit 1 ;; esac

# The first home page a runner opens after start.
first=$(curl -fs -o /dev/null -D - "http://127.0.0.1:$port/" | grep -i '^server-timing:' | sed -E 's/.*dur=([0-9.]+).*/\1/')

# After a change, with the JIT warm: one FIT file uploaded through the API (a run on a day the history has, so it is
# kept as the richer copy or as a duplicate; either way the inputs change), then the dashboard;
# and a profile change (the analysis and charts again, the runs reused).
[ -d "$work/extra" ] || dotnet bench/CalfCoach.Bench/bin/Release/net10.0/CalfCoach.Bench.dll generate "$work/extra" 10 >/dev/null
: > "$work/imported.txt"
: > "$work/profile.txt"
i=0
for file in "$work"/extra/*.fit; do
  i=$((i + 1))
  curl -fs -o /dev/null -F "files=@$file" "http://127.0.0.1:$port/api/imports"
  curl -fs -o /dev/null -D - "http://127.0.0.1:$port/" | grep -i '^server-timing:' | sed -E 's/.*dur=([0-9.]+).*/\1/' >> "$work/imported.txt"
  curl -fs -o /dev/null -X PATCH -H 'Content-Type: application/json' -d "{\"shoeReviewKm\": $((500 + i))}" "http://127.0.0.1:$port/api/profile"
  curl -fs -o /dev/null -D - "http://127.0.0.1:$port/" | grep -i '^server-timing:' | sed -E 's/.*dur=([0-9.]+).*/\1/' >> "$work/profile.txt"
done

: > "$work/times.txt"
for _ in $(seq 1 "$requests"); do
  curl -fs -o /dev/null -D "$work/headers.txt" -w '%{time_total}' "http://127.0.0.1:$port/" > "$work/total.txt"
  server_ms=$(grep -i '^server-timing:' "$work/headers.txt" | sed -E 's/.*dur=([0-9.]+).*/\1/')
  total_ms=$(awk '{ printf "%.1f", $1 * 1000 }' "$work/total.txt")
  echo "$server_ms $total_ms" >> "$work/times.txt"
done

runs=$(curl -fs "http://127.0.0.1:$port/api/weeks" | grep -o '"runs": *[0-9]*' | grep -o '[0-9]*$' | awk '{ s += $1 } END { print s }')
summary() { sort -n | awk '{ v[NR] = $1 } END { printf "median %.1f ms, p95 %.1f ms, max %.1f ms", v[int((NR + 1) / 2)], v[int(NR * 0.95 + 0.5)], v[NR] }'; }
echo "today (home page with a recorded programme) over $runs runs, $requests requests"
echo "first request after start:    ${first} ms (server time)"
echo "after each upload of one FIT file (x10): $(summary < "$work/imported.txt") (server time)"
echo "after a profile change (x10):      $(summary < "$work/profile.txt") (server time)"
echo "server time (Server-Timing): $(cut -d' ' -f1 "$work/times.txt" | summary)"
echo "client total (curl):         $(cut -d' ' -f2 "$work/times.txt" | summary)"
