#!/usr/bin/env bash
# CalfCoach's FIT decoder against Garmin's official FIT JavaScript SDK (@garmin/fitsdk, pinned in
# bench/fit-vs-sdk/package.json), on the same files held in memory, in one run:
#   1. generates the files unlike the shared corpus (CalfCoach.Bench generate-varied: developer fields, many local
#      definitions and message types, compressed timestamps, multisport, pool swims, big-endian cycling),
#   2. times the SDK (Decoder.read() with its defaults, hr merging included) for at least S seconds after warm-up,
#   3. times CalfCoach's importer path (decode, CRC checked, every record column, then conversion) the same way,
#      checks both sides' record counts and heart rate against ../shared/data/real/ORACLE.jsonl and the generator's
#      expected.jsonl, and only then prints both figures and the ratio.
#
#   bench/fit-vs-sdk.sh [SECONDS] [PER_KIND]      (defaults: 5 s per side, 4 generated files of each kind)
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-5}
per_kind=${2:-4}
corpus=../shared/data/real
if [ ! -f "$corpus/ORACLE.jsonl" ]; then
  echo "fit-vs-sdk: skipped: the shared corpus $corpus (with ORACLE.jsonl) is not next to this checkout"
  exit 0
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

(cd bench/fit-vs-sdk && npm ci --no-audit --no-fund > "$work/npm.log" 2>&1) || { cat "$work/npm.log"; exit 1; }
dotnet build -c Release bench/CalfCoach.Bench -v q -nologo > "$work/build.log" || { cat "$work/build.log"; exit 1; }
bench="dotnet bench/CalfCoach.Bench/bin/Release/net10.0/CalfCoach.Bench.dll"

$bench generate-varied "$work/generated" "$per_kind"
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
node bench/fit-vs-sdk/sdk-decode.mjs --seconds "$seconds" "$corpus" "$work/generated" > "$work/sdk.json"
$bench vs-sdk --seconds "$seconds" "$corpus" "$work/generated" "$work/sdk.json"
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
