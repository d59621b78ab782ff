// The 110 live board's reply (GET /api/v1/dispatch/board, ADRs 0063, 0070) at 200 and at 500 open calls: bytes of
// the reply, wall time per request (loopback) and the server process's CPU time per request (utime + stime from
// /proc, the figure that holds on a loaded machine). A fresh demo server (tests/integration/lib/server.mjs); calls
// are taken at the desk until the open total reaches each mark (the demo county starts with some open already).
//
//   JINGWU_BIN=… JW_BACKEND=sqlite|postgres [JW_TEST_PG_URL=…] node bench/dispatch/board.mjs [marks…]
// Prints one line per mark; nothing is asserted.
import fs from 'node:fs';
import os from 'node:os';
import { startServer, loggedIn } from '../../tests/integration/lib/server.mjs';

const marks = process.argv.slice(2).map(Number).filter((n) => n > 0);
if (!marks.length) marks.push(200, 500);
const ROUNDS = Number(process.env.JW_BENCH_ROUNDS || 30);
const backend = process.env.JW_BACKEND || 'sqlite';

function cpuSeconds(pid) {
  const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100;  // utime + stime, USER_HZ 100
}
const pct = (xs, p) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * p))];

const server = await startServer('bench-board');
try {
  const duty = await loggedIn(server, 'duty');
  const board = async () => {
    const r = await duty.get('/dispatch/board');
    if (r.status !== 200) throw new Error(`board ${r.status} ${r.text.slice(0, 200)}`);
    return r;
  };
  let taken = 0;
  for (const mark of marks) {
    let total = (await board()).json.total;
    // Ten desks at once until the mark is reached.
    while (total < mark) {
      const want = mark - total;
      await Promise.all(Array.from({ length: Math.min(10, want) }, async (_, desk) => {
        for (let i = desk; i < want; i += 10) {
          taken += 1;
          const r = await duty.post('/dispatch/calls', {
            caller_phone: `1390001${String(taken % 10000).padStart(4, '0')}`, caller_name: '韦志强',
            summary: `看板测量警情 ${taken}：路口两车刮擦，双方争执`, place_text: `城关镇解放路${(taken % 300) + 1}号`,
            category: '0201',
          });
          if (r.status !== 201) throw new Error(`intake ${r.status} ${r.text.slice(0, 200)}`);
        }
      }));
      total = (await board()).json.total;
    }
    await board();  // warm
    const wall = [];
    let bytes = 0;
    let shown = 0;
    const cpu0 = cpuSeconds(server.proc.pid);
    for (let i = 0; i < ROUNDS; i += 1) {
      const t0 = performance.now();
      const r = await board();
      wall.push(performance.now() - t0);
      bytes = r.bytes.length;
      shown = r.json.calls.length;
    }
    const cpuMs = ((cpuSeconds(server.proc.pid) - cpu0) * 1000) / ROUNDS;
    console.log(`[${backend}] open ${total} (shown ${shown}): ${bytes} B (${(bytes / 1024).toFixed(0)} KiB), ` +
      `GET p50 ${pct(wall, 0.5).toFixed(1)} ms p95 ${pct(wall, 0.95).toFixed(1)} ms, server CPU ${cpuMs.toFixed(1)} ms/request ` +
      `(${ROUNDS} requests, load ${os.loadavg()[0].toFixed(1)})`);
  }
} finally {
  await server.cleanup();
}
