// The person check's latency over HTTP (issue 15 target: < 300 ms p95 on the server). A demo county, then person
// checks through POST /api/v1/personwatch/check by the demo officer, leader and duty desk (each within the route's
// per-user limit): misses (random synthetic numbers), master-index people and the demo's wanted persons (hits, each
// raising an alert). Measured at the client, so the figure includes HTTP and the durable commit of the audit record
// and alert: the server's own time is below it. Run:
//   JINGWU_BIN=$PWD/build/release/src/app/jingwu [JW_BACKEND=postgres JW_TEST_PG_URL=…] node bench/personwatch/check_latency.mjs
import { startServer, loggedIn, execSql } from '../../tests/integration/lib/server.mjs';

function id18(first17) {
  const w = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = [...first17].reduce((s, ch, i) => s + Number(ch) * w[i], 0);
  return first17 + '10X98765432'[sum % 11];
}

const server = await startServer('bench_personwatch');
try {
  const caseNo = execSql(server.db, 'SELECT case_no FROM cases ORDER BY id LIMIT 1').trim();
  const purpose = { 'x-purpose': encodeURIComponent('核查在逃人员身份'), 'x-case-no': encodeURIComponent(caseNo) };
  const leader = await loggedIn(server, 'leader');
  const wanted = [];
  for (const e of (await leader.get('/personwatch/entries?status=active&page_size=50')).json.items) {
    wanted.push((await leader.get(`/personwatch/entries/${e.id}/record`, { headers: purpose })).json.id_number);
  }
  const times = { hit: [], miss: [] };
  let n = 0;
  for (const name of ['officer', 'leader', 'duty']) {
    const c = await loggedIn(server, name);
    for (let i = 0; i < 55; i++) {
      const hit = i % 5 === 0;
      const number = hit ? wanted[i % wanted.length]
        : id18(`519901${1950 + (i * 7) % 50}${String(1 + (i % 12)).padStart(2, '0')}${String(1 + (i % 28)).padStart(2, '0')}${String(100 + n++).slice(-3)}`);
      const t0 = process.hrtime.bigint();
      const res = await c.post('/personwatch/check', { id_number: number, purpose: '性能测试', latitude: 30.6, longitude: 104.07 });
      const ms = Number(process.hrtime.bigint() - t0) / 1e6;
      if (res.status !== 200) throw new Error(`${res.status} ${res.text}`);
      times[res.json.hit ? 'hit' : 'miss'].push(ms);
    }
  }
  const pct = (a, p) => a.slice().sort((x, y) => x - y)[Math.min(a.length - 1, Math.floor(a.length * p))];
  for (const [k, a] of Object.entries(times)) {
    console.log(`${k}: n=${a.length} p50=${pct(a, 0.5).toFixed(1)} ms p95=${pct(a, 0.95).toFixed(1)} ms max=${Math.max(...a).toFixed(1)} ms`);
  }
} finally {
  await server.cleanup();
}
