// The courier companies' bulk intake (issue 17, ADR 0062) on one backend: a fresh demo server (JW_BACKEND), then
// JW_BENCH_POSTS signed posts of 1,000 new records each (HMAC-SM3 as docs/api/courier.md, one company, four
// outlets, ~0.5 % senders on the person watch list, ~1 % prohibited items) sent one after the other as a company's
// system does. Prints one JSON line: records/s per post (median, min, max) and overall, checked against the
// answers (every record has its status; the stored count matches). Run by bench/courier/run.mjs.
import crypto from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { spawn, execFileSync } from 'node:child_process';
import fs from 'node:fs';
import { startServer, rawRequest, execSql, BACKEND } from '../../tests/integration/lib/server.mjs';

// The demo's wanted person (personwatch demo, as tests/integration/courier.test.mjs): 5 senders in each post.
const WANTED = id18('51990119810303777');
const POSTS = Number(process.env.JW_BENCH_POSTS || 10);
const PER_POST = 1000;

function id18(first17) {
  const w = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = [...first17].reduce((s, ch, i) => s + Number(ch) * w[i], 0);
  return first17 + '10X98765432'[sum % 11];
}

function signed(body, company = 'SDKD', key = 'jingwu-demo-SDKD') {
  const text = JSON.stringify(body);
  const ts = String(Math.floor(Date.now() / 1000));
  const nonce = crypto.randomBytes(12).toString('hex');
  const base = ['POST', '/api/v1/courier/bulk', ts, nonce, crypto.createHash('sm3').update(text).digest('hex')].join('\n');
  const sig = crypto.createHmac('sm3', key).update(base).digest('hex');
  return { text, headers: { 'content-type': 'application/json', 'x-courier-company': company, 'x-timestamp': ts, 'x-nonce': nonce, 'x-signature': sig } };
}

// CPU seconds of a process from /proc/<pid>/stat (utime + stime [+ reaped children's]), -1 when not readable.
function procCpu(pid, withReaped = false) {
  try {
    const line = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    const v = line.slice(line.lastIndexOf(')') + 2).split(' ').map(Number);
    return (v[11] + v[12] + (withReaped ? v[13] + v[14] : 0)) / 100;  // USER_HZ 100
  } catch { return -1; }
}
// A local PostgreSQL's CPU seconds so far: the postmaster with its reaped children plus the live ones (backends,
// WAL writer); -1 for a remote server or SQLite.
function postgresCpu(postmaster) {
  if (!postmaster || procCpu(postmaster, true) < 0) return -1;
  let total = procCpu(postmaster, true);
  for (const pid of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(pid)) continue;
    try {
      const line = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
      if (line.slice(line.lastIndexOf(')') + 2).split(' ')[1] === String(postmaster)) total += Math.max(0, procCpu(pid));
    } catch { /* gone */ }
  }
  return total;
}
function postmasterPid(db) {
  if (!db.pgUrl) return null;
  try {
    const backend = execFileSync('psql', [db.pgUrl, '-Atc', 'SELECT pg_backend_pid()'], { encoding: 'utf8' }).trim();
    const line = fs.readFileSync(`/proc/${backend}/stat`, 'utf8');
    return line.slice(line.lastIndexOf(')') + 2).split(' ')[1];
  } catch { return null; }
}

const server = await startServer('courier_bench');
try {
  // Senders on the person watch list (the demo's active entries with a resident ID): the intake must find them.
  const watched = execSql(server.db, "SELECT COUNT(*) FROM personwatch_entries WHERE status = 'active' AND id_kind = 'resident_id'").trim();
  const now = Math.floor(Date.now() / 1000);
  // JW_BENCH_PERF=file: perf record of the server during the posts (call graphs), for `perf report -i file`.
  const perf = process.env.JW_BENCH_PERF ? spawn('perf', ['record', '-g', '-o', process.env.JW_BENCH_PERF, '-p', String(server.proc.pid)], { stdio: 'ignore' }) : null;
  if (perf) await new Promise((r) => setTimeout(r, 500));  // perf attaching (a tool's start, not a test's wait)
  const postmaster = postmasterPid(server.db);
  const cpu0 = procCpu(server.proc.pid), pg0 = postgresCpu(postmaster), load0 = fs.readFileSync('/proc/loadavg', 'utf8').split(' ')[0];
  const rates = [];
  let records = 0, ms = 0, held = 0;
  for (let p = 0; p < POSTS; p += 1) {
    const list = Array.from({ length: PER_POST }, (_, i) => {
      const n = p * PER_POST + i;
      return {
        outlet_code: 'SDKD-' + (1 + (i % 4)), waybill_no: `BENCH${process.pid}${String(n).padStart(7, '0')}`,
        sender_doc_type: 'resident_id', sender_name: '测试' + (n % 97), sender_id: i % 200 === 13 ? WANTED : id18('4413' + String(22 + (n % 3)).padStart(2, '0') + '1985' + String(1 + (n % 12)).padStart(2, '0') + '1' + String(n % 9) + String(n % 1000).padStart(3, '0')),
        sender_phone: '138' + String(10000000 + n).slice(-8), receiver_name: '收件' + (n % 89), receiver_phone: '139' + String(20000000 + n).slice(-8),
        receiver_address: `广东省惠州市惠东县平山街道示例路${n % 500}号`, category: i % 100 === 7 ? 'explosive' : 'clothing',
        declared_content: '衣服', declared_value_cents: 5000, inspected: true, accepted_at: now - 600,
      };
    });
    const req = signed({ records: list });
    const t0 = performance.now();
    const res = await rawRequest(server.port, 'POST', '/api/v1/courier/bulk', { headers: req.headers, body: req.text });
    const took = performance.now() - t0;
    if (res.status !== 200) throw new Error(`post ${p}: ${res.status} ${res.text.slice(0, 300)}`);
    const answers = JSON.parse(res.text).ResponseStatusListObject.ResponseStatusObject;
    if (answers.length !== PER_POST) throw new Error(`post ${p}: ${answers.length} answers`);
    rates.push(PER_POST / took * 1000);
    records += PER_POST;
    ms += took;
  }
  const serverCpu = procCpu(server.proc.pid) - cpu0, pgCpu = postmaster ? postgresCpu(postmaster) - pg0 : 0;
  if (perf) { perf.kill('SIGINT'); await new Promise((r) => perf.on('exit', r)); }
  const stored = Number(execSql(server.db, "SELECT COUNT(*) FROM courier_records WHERE waybill_no LIKE 'BENCH%'").trim());
  held = Number(execSql(server.db, "SELECT COUNT(*) FROM courier_records WHERE waybill_no LIKE 'BENCH%' AND status = 'held'").trim());
  if (stored !== records) throw new Error(`stored ${stored} of ${records}`);
  rates.sort((a, b) => a - b);
  console.log(JSON.stringify({
    backend: BACKEND, posts: POSTS, records, seconds: ms / 1000, overall: records / ms * 1000,
    median: rates[Math.floor(rates.length / 2)], min: rates[0], max: rates[rates.length - 1], held, watched: Number(watched),
    server_cpu_s: serverCpu, pg_cpu_s: pgCpu, cpu_ms_per_1000: (serverCpu + Math.max(0, pgCpu)) / records * 1e6, load: Number(load0),
  }));
} finally {
  await server.cleanup();
}
