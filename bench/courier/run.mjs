// make bench-courier: the bulk intake on SQLite and PostgreSQL side by side (issue 17, ADR 0062). Runs bulk.mjs
// once per backend (PostgreSQL when JW_TEST_PG_URL is set), prints records/s, CPU per 1,000 records and the ratio.
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const backends = process.env.JW_TEST_PG_URL ? ['sqlite', 'postgres'] : ['sqlite'];
const results = {};
for (const b of backends) {
  const out = execFileSync('node', [path.join(here, 'bulk.mjs')], { env: { ...process.env, JW_BACKEND: b }, encoding: 'utf8' });
  results[b] = JSON.parse(out.trim().split('\n').pop());
}
const f = (x) => (x < 0 ? '–' : x.toFixed(0));
console.log('backend    posts  records  overall/s  median/s  min/s  max/s  held  server CPU s  db CPU s  CPU ms/1000  load');
for (const [b, r] of Object.entries(results)) {
  console.log(`${b.padEnd(10)} ${String(r.posts).padStart(5)} ${String(r.records).padStart(8)} ${f(r.overall).padStart(10)} ${f(r.median).padStart(9)} ${f(r.min).padStart(6)} ${f(r.max).padStart(6)} ${String(r.held).padStart(5)} ${r.server_cpu_s.toFixed(2).padStart(13)} ${(r.pg_cpu_s > 0 ? r.pg_cpu_s.toFixed(2) : '(in server)').padStart(9)} ${f(r.cpu_ms_per_1000).padStart(12)} ${String(r.load).padStart(5)}`);
}
if (results.postgres) console.log(`PostgreSQL / SQLite (median records/s): ${(results.postgres.median / results.sqlite.median).toFixed(2)}`);
console.log('target: ≥ 2,000 records/s per post of 1,000 (issue 17)');
