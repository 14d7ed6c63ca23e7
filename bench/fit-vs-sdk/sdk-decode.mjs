// The Garmin half of bench/fit-vs-sdk.sh: decodes the benchmark's files with Garmin's FIT JavaScript SDK
// (@garmin/fitsdk, pinned in package.json) and prints one JSON document with the throughput and, per file, what the
// SDK decoded (records, records with heart rate, heart-rate sum) and the time it took over all timed passes.
//
//   node sdk-decode.mjs [--seconds S] CORPUS_DIR GENERATED_DIR
//
// The files are ORACLE.jsonl's in its order, then GENERATED_DIR/expected.jsonl's: the same list, in the same order,
// as `CalfCoach.Bench vs-sdk` builds. All are read (and .gz gunzipped) into memory first. Each decode is what the
// corpus oracle (shared/tools/fit-oracle.mjs) does: new Decoder(stream).read() with the SDK's default options, which
// give the full decode (scale and offset applied, components and subfields expanded, types and dates converted,
// heart rates from hr messages merged into records) and check the file CRC.
import fs from "node:fs";
import path from "node:path";
import zlib from "node:zlib";
import { Decoder, Stream } from "@garmin/fitsdk";

const args = process.argv.slice(2);
let seconds = 5;
if (args[0] === "--seconds") {
  seconds = Number(args[1]);
  args.splice(0, 2);
}

if (args.length !== 2) {
  console.error("usage: node sdk-decode.mjs [--seconds S] CORPUS_DIR GENERATED_DIR");
  process.exit(2);
}

const [corpus, generated] = args;
const jsonLines = (file) => fs.readFileSync(file, "utf8").split("\n").filter((line) => line.length > 0).map((line) => JSON.parse(line));
const names = [
  ...jsonLines(path.join(corpus, "ORACLE.jsonl")).map((entry) => path.join(corpus, entry.file)),
  ...jsonLines(path.join(generated, "expected.jsonl")).map((entry) => path.join(generated, entry.file)),
];
const labels = [
  ...jsonLines(path.join(corpus, "ORACLE.jsonl")).map((entry) => entry.file),
  ...jsonLines(path.join(generated, "expected.jsonl")).map((entry) => entry.file),
];

// Each file as its own ArrayBuffer, so a decode wraps it without copying.
const files = names.map((name) => {
  let bytes = fs.readFileSync(name);
  if (name.endsWith(".gz")) bytes = zlib.gunzipSync(bytes);
  return bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength);
});
const totalBytes = files.reduce((sum, file) => sum + file.byteLength, 0);

function decode(buffer) {
  const decoder = new Decoder(Stream.fromArrayBuffer(buffer));
  return decoder.read();
}

const nanos = new Array(files.length).fill(0n);
function pass(timed) {
  for (let i = 0; i < files.length; i++) {
    const started = process.hrtime.bigint();
    decode(files[i]);
    if (timed) nanos[i] += process.hrtime.bigint() - started;
  }
}

// Warm-up: about two seconds (at least one pass), so V8 has optimised the decoder's hot paths.
const warmStart = process.hrtime.bigint();
let warmupPasses = 0;
do {
  pass(false);
  warmupPasses++;
} while (Number(process.hrtime.bigint() - warmStart) / 1e9 < 2);

let passes = 0;
const cpuStart = process.cpuUsage();
const timedStart = process.hrtime.bigint();
do {
  pass(true);
  passes++;
} while (Number(process.hrtime.bigint() - timedStart) / 1e9 < seconds);
const elapsed = Number(process.hrtime.bigint() - timedStart) / 1e9;
const cpu = process.cpuUsage(cpuStart);

// What each file decoded to (one more, untimed, decode per file).
const results = files.map((buffer, i) => {
  const { messages, errors } = decode(buffer);
  const records = messages.recordMesgs ?? [];
  let withHeartRate = 0;
  let heartRateSum = 0;
  for (const record of records) {
    if (typeof record.heartRate === "number") {
      withHeartRate++;
      heartRateSum += record.heartRate;
    }
  }

  return {
    file: labels[i],
    bytes: buffer.byteLength,
    ok: errors.length === 0,
    errors: errors.map((error) => String(error.message ?? error)),
    records: records.length,
    recordsWithHeartRate: withHeartRate,
    heartRateSum,
    nanos: Number(nanos[i]),
  };
});

const sdkPackage = JSON.parse(fs.readFileSync(new URL("./node_modules/@garmin/fitsdk/package.json", import.meta.url), "utf8"));
console.log(JSON.stringify({
  sdkVersion: sdkPackage.version,
  node: process.version,
  bytes: totalBytes,
  passes,
  warmupPasses,
  seconds: elapsed,
  // CPU time of the whole process (its helper threads included) over the timed passes: less disturbed than the
  // wall time when other work shares the cores.
  cpuSeconds: (cpu.user + cpu.system) / 1e6,
  files: results,
}));
