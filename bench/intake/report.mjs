// Percentiles, the printed table and the JSON file of the intake benchmark.
import fs from 'node:fs';
import path from 'node:path';

// Nearest-rank percentile of an unsorted array (null when empty).
export function percentile(values, p) {
  if (!values.length) return null;
  const sorted = Float64Array.from(values).sort();
  const rank = Math.min(sorted.length, Math.max(1, Math.ceil((p / 100) * sorted.length)));
  return sorted[rank - 1];
}

const fmt = (v, digits = 1) => (v === null || v === undefined ? 'n/a' : Number(v).toFixed(digits));

// Prints the result table to stdout.
export function printTable(r) {
  const rows = [
    ['passes posted', String(r.passes.posted)],
    ['passes accepted', String(r.passes.accepted)],
    ['passes rejected', `${r.passes.rejected}${Object.keys(r.passes.rejected_codes).length ? ` ${JSON.stringify(r.passes.rejected_codes)}` : ''}`],
    ['posts (100 passes each)', `${r.http.posts} over ${r.config.connections} connections`],
    ['wall time (s)', fmt(r.seconds, 2)],
    ['accepted passes/s', `${fmt(r.passes_per_s, 0)}  (target ≥ ${r.targets.passes_per_s})  ${r.verdict.throughput}`],
    ['HTTP per post p50 / p99 / max (ms)', `${fmt(r.http.p50_ms)} / ${fmt(r.http.p99_ms)} / ${fmt(r.http.max_ms)}`],
    ['watch-listed passes sent', String(r.alerts.hits_sent)],
    ['alerts seen on the duty desk', `${r.alerts.received}${r.alerts.missing ? ` (${r.alerts.missing} missing)` : ''}`],
    ['pass → duty desk p50 / p99 / max (ms)',
      `${fmt(r.alerts.p50_ms)} / ${fmt(r.alerts.p99_ms)} / ${fmt(r.alerts.max_ms)}  (target p99 < ${r.targets.alert_p99_ms})  ${r.verdict.latency}`],
    ['server CPU (s) / client CPU (s)', `${fmt(r.cpu.server_s, 1)} / ${fmt(r.cpu.client_s, 1)} of ${fmt(r.cpu.available_s, 1)} available`],
    ['server CPU per pass (µs) → one idle core', `${fmt(r.cpu.server_us_per_pass, 2)} → ${fmt(r.cpu.one_core_passes_per_s, 0)} passes/s`],
    ['load average (1 / 5 / 15 min, at the end)', r.cpu.load_average.join(' / ')],
  ];
  const w = Math.max(...rows.map(([k]) => k.length));
  console.log(`\nGA/T 1400 intake benchmark — ${r.label}${r.binary ? ` (${r.binary})` : ''}`);
  console.log('-'.repeat(w + 40));
  for (const [k, v] of rows) console.log(`${k.padEnd(w)}  ${v}`);
  if (r.cpu.server_threads.length) {
    console.log('\nserver CPU by thread (s): '
      + r.cpu.server_threads.slice(0, 8).map((t) => `${t.thread} ${t.seconds}`).join(', '));
  }
  for (const n of r.notes) console.log(`note: ${n}`);
}

// Writes bench/out/intake-<date>.json (the date in UTC); returns its path.
export function writeJson(outDir, result) {
  fs.mkdirSync(outDir, { recursive: true });
  const date = new Date().toISOString().slice(0, 10);
  const suffix = result.label && result.label !== 'jingwu' ? `-${result.label}` : '';
  const file = path.join(outDir, `intake-${date}${suffix}.json`);
  fs.writeFileSync(file, `${JSON.stringify(result, null, 2)}\n`);
  return file;
}
