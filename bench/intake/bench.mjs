// The GA/T 1400 intake benchmark (issue 6), run by bench/intake/run.sh against a fresh demo server.
// Sets up: a duty-desk WebSocket (user `duty`), watch orders on a few plates (officer applies, leader
// approves), Digest registration of the VIID client. Then posts MotorVehicleListObject envelopes of
// JW_BENCH_BATCH passes over JW_BENCH_CONNECTIONS keep-alive connections until JW_BENCH_PASSES are sent, about
// JW_BENCH_HIT_RATE of them watch-listed (at most one per post), and measures:
//   passes/s accepted, HTTP time per post (p50/p99), and pass → duty desk alert latency: from sending the post
//   that carries a hit to the WebSocket message naming that plate (matched first in, first out per plate).
// Environment: JW_BENCH_URL (required), JW_BENCH_VIID_ID / JW_BENCH_VIID_PASSWORD (the client run.sh added),
// JW_BENCH_SERVER_PID (for per-thread CPU), JW_BENCH_OUT (default bench/out).
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { openWebSocket } from '../../tests/integration/lib/websocket.mjs';
import { machineCpu, threadCpu, threadCpuDelta, writtenBytes } from './cpu.mjs';
import { chinaTime14, listEnvelope, motorVehicleJson, ordinaryPlate, rng, watchPlates } from './passes.mjs';
import { percentile, printTable, writeJson } from './report.mjs';
import { approvedWatchOrders, checkpoints, login, unitId } from './setup.mjs';
import { ViidClient } from './viid_client.mjs';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const env = process.env;
const num = (name, dflt) => (env[name] !== undefined && env[name] !== '' ? Number(env[name]) : dflt);

const cfg = {
  url: env.JW_BENCH_URL,
  passes: num('JW_BENCH_PASSES', 1_000_000),
  batch: num('JW_BENCH_BATCH', 100),
  connections: num('JW_BENCH_CONNECTIONS', 4),
  hitRate: num('JW_BENCH_HIT_RATE', 0.002),
  watchPlates: num('JW_BENCH_WATCH_PLATES', 10),
  fleet: num('JW_BENCH_FLEET', 300_000),
  viidId: env.JW_BENCH_VIID_ID || '51990100002000000099',
  viidPassword: env.JW_BENCH_VIID_PASSWORD || 'Bench@2026viid',
  serverPid: num('JW_BENCH_SERVER_PID', 0),
  out: env.JW_BENCH_OUT || path.join(HERE, '..', 'out'),
  drainMs: num('JW_BENCH_DRAIN_MS', 15_000),
};
if (!cfg.url) throw new Error('JW_BENCH_URL is not set: run bench/intake/run.sh');

const notes = [];
const log = (m) => console.log(`bench-intake: ${m}`);

// ---- set-up through the JSON API -------------------------------------------------------------------------
const duty = await login(cfg.url, 'duty');
const officer = await login(cfg.url, 'officer');
const leader = await login(cfg.url, 'leader');

const viid = new ViidClient(cfg.url, { id: cfg.viidId, password: cfg.viidPassword, connections: cfg.connections });
await viid.register();
log(`registered VIID client ${cfg.viidId} with Digest`);

let cps = [];
try {
  cps = await checkpoints(duty);
} catch (e) {
  notes.push(`checkpoint list unavailable (${e.message.split('\n')[0]})`);
}
if (!cps.length) {
  // No demo checkpoints: register 40 of our own through GA/T 1400 (TollgateObject, type 121 = checkpoint).
  const own = Array.from({ length: 40 }, (_, i) => ({
    TollgateID: `5199010000121${String(i + 1).padStart(7, '0')}`, Name: `性能测试卡口${i + 1}`,
    Longitude: 104.2 + i * 0.005, Latitude: 30.8, PlaceCode: '519901', TollgateCat: '40', LaneNum: 3, Status: '1',
  }));
  const r = await viid.postTollgates(own);
  if (r.status !== 200) throw new Error(`POST /VIID/Tollgates → ${r.status} ${r.text.slice(0, 300)}`);
  cps = own.map((t) => ({ tollgateId: t.TollgateID, apeId: t.TollgateID, name: t.Name }));
  notes.push('used 40 tollgates registered by the bench (no demo checkpoints found)');
}
log(`${cps.length} checkpoints`);

const plates = watchPlates(cfg.watchPlates);
let watching = cfg.hitRate > 0;
if (watching) {
  try {
    const station = await unitId(duty, '城关派出所');
    await approvedWatchOrders(officer, leader, plates, {
      caseNo: 'A5199012026110001', colour: 'red', priority: 1, unitIds: [station],
    });
    log(`${plates.length} red watch orders approved: ${plates.join(' ')}`);
  } catch (e) {
    watching = false;
    notes.push(`watch orders could not be set up, latency not measured: ${e.message.split('\n')[0]}`);
  }
}

// ---- the duty desk's WebSocket -----------------------------------------------------------------------------
const pending = new Map(plates.map((p) => [p, []]));  // plate → send times (performance.now()) of unanswered hits
const latencies = [];
let unmatched = 0;
let wsMessages = 0;
const port = Number(new URL(cfg.url).port);
const ws = await openWebSocket(port, '/api/v1/ws', { cookie: `jw_session=${duty.cookie('jw_session')}` });
if (ws.status !== 101) throw new Error(`WebSocket /api/v1/ws → ${ws.status} ${ws.body()}`);
const platePattern = new RegExp(plates.map((p) => p.replace(/[^\w\u4e00-\u9fff]/g, '')).join('|'), 'g');
const listening = (async () => {
  for (;;) {
    let text;
    try { text = await ws.nextText(24 * 3600_000); } catch { return; }
    const at = performance.now();
    wsMessages += 1;
    let msg;
    try { msg = JSON.parse(text); } catch { continue; }
    if (msg.type !== 'notification' || msg.data?.kind !== 'alert') continue;
    const found = new Set(`${msg.data.title ?? ''} ${msg.data.body ?? ''}`.match(platePattern) ?? []);
    if (!found.size) { unmatched += 1; continue; }
    for (const plate of found) {
      const q = pending.get(plate);
      if (q?.length) latencies.push(at - q.shift());
      else unmatched += 1;
    }
  }
})();

// ---- posting ------------------------------------------------------------------------------------------------
const batches = Math.ceil(cfg.passes / cfg.batch);
const hitEvery = watching ? Math.max(1, Math.round(1 / (cfg.hitRate * cfg.batch))) : 0;
const rand = rng(20261127);
const httpMs = [];
const rejectedCodes = {};
let posted = 0;
let accepted = 0;
let rejected = 0;
let hitsSent = 0;
let httpErrors = 0;
let firstError = null;
let nextBatch = 0;
let lastT14Second = -1;
let lastT14 = '';
const time14 = (ms) => {
  const s = Math.floor(ms / 1000);
  if (s !== lastT14Second) { lastT14Second = s; lastT14 = chinaTime14(ms); }
  return lastT14;
};

async function postBatch(b) {
  const size = Math.min(cfg.batch, cfg.passes - b * cfg.batch);
  const t14 = time14(Date.now());
  const hitAt = hitEvery && b > 0 && b % hitEvery === 0 ? (b * 37) % size : -1;
  let hitPlate = null;
  const objs = new Array(size);
  for (let i = 0; i < size; i += 1) {
    const serial = b * cfg.batch + i;
    let cp = cps[(serial * 7 + b) % cps.length];
    let plate;
    if (i === hitAt) {
      // Every hit a different (plate, checkpoint) pair: the same plate at the same checkpoint in the same second
      // is the same pass, and the server rightly raises one alert for it.
      hitPlate = plates[hitsSent % plates.length];
      cp = cps[Math.floor(hitsSent / plates.length) % cps.length];
      plate = hitPlate;
    } else {
      plate = ordinaryPlate(Math.floor(rand() * cfg.fleet));
    }
    objs[i] = motorVehicleJson(cp, plate, t14, serial);
  }
  const body = listEnvelope(objs);
  if (hitPlate) { hitsSent += 1; pending.get(hitPlate).push(performance.now()); }
  let r;
  try {
    r = await viid.postMotorVehicles(body);
  } catch (e) {
    httpErrors += 1;
    firstError ??= e.message;
    return;
  }
  posted += size;
  httpMs.push(r.ms);
  if (r.status !== 200) { httpErrors += 1; firstError ??= `${r.status} ${r.text.slice(0, 300)}`; }
  accepted += r.accepted;
  rejected += size - r.accepted;
  for (const [code, n] of Object.entries(r.codes)) if (code !== '0') rejectedCodes[code] = (rejectedCodes[code] || 0) + n;
  if (r.firstError && !firstError) firstError = JSON.stringify(r.firstError);
}

// One post first: if nothing is accepted, say why instead of posting a million refusals.
await postBatch(nextBatch++);
if (accepted === 0) {
  await ws.close();
  throw new Error(`the first post was not accepted: ${firstError}`);
}

const keepalive = setInterval(() => { viid.keepalive().catch(() => undefined); }, 30_000);
const cpuBefore = cfg.serverPid ? threadCpu(cfg.serverPid) : {};
const ioBefore = cfg.serverPid ? writtenBytes(cfg.serverPid) : null;
const machineBefore = machineCpu();
const clientBefore = process.cpuUsage();
const acceptedBefore = accepted;
const t0 = performance.now();
let progressAt = t0;

async function worker() {
  for (;;) {
    const b = nextBatch++;
    if (b >= batches) return;
    await postBatch(b);
    const now = performance.now();
    if (now - progressAt > 5000) {
      progressAt = now;
      log(`${accepted} accepted, ${Math.round((accepted - acceptedBefore) / ((now - t0) / 1000))} passes/s`);
    }
  }
}
await Promise.all(Array.from({ length: cfg.connections }, worker));
const seconds = (performance.now() - t0) / 1000;
const clientCpu = process.cpuUsage(clientBefore);
const machineAfter = machineCpu();
const cpuAfter = cfg.serverPid ? threadCpu(cfg.serverPid) : {};
const ioAfter = cfg.serverPid ? writtenBytes(cfg.serverPid) : null;
clearInterval(keepalive);

// Wait for the alerts still under way.
const outstanding = () => [...pending.values()].reduce((n, q) => n + q.length, 0);
const drainUntil = performance.now() + cfg.drainMs;
while (outstanding() > 0 && performance.now() < drainUntil) await new Promise((r) => setTimeout(r, 100));
await viid.unregister().catch(() => undefined);
viid.close();
await ws.close();
await listening;

const serverThreads = threadCpuDelta(cpuBefore, cpuAfter);
const serverCpu = serverThreads.reduce((s, t) => s + t.seconds, 0);
const os = await import('node:os');
const usPerPass = accepted - acceptedBefore > 0 ? (serverCpu * 1e6) / (accepted - acceptedBefore) : null;
const result = {
  benchmark: 'intake',
  label: env.JW_BENCH_LABEL || 'jingwu',
  binary: env.JW_BENCH_BIN || null,
  at: new Date().toISOString(),
  config: {
    passes: cfg.passes, batch: cfg.batch, connections: cfg.connections, hit_rate: cfg.hitRate,
    watch_plates: watching ? plates : [], checkpoints: cps.length, fleet: cfg.fleet,
    server_threads: env.JINGWU_THREADS || 'default', backend: (env.JINGWU_DB || 'sqlite').split(':')[0],
  },
  targets: { passes_per_s: 50_000, alert_p99_ms: 1000 },
  seconds: Math.round(seconds * 1000) / 1000,
  passes: { posted, accepted, rejected, rejected_codes: rejectedCodes, first_error: firstError },
  passes_per_s: (accepted - acceptedBefore) / seconds,
  http: {
    posts: httpMs.length, errors: httpErrors,
    p50_ms: percentile(httpMs, 50), p99_ms: percentile(httpMs, 99), max_ms: percentile(httpMs, 100),
  },
  alerts: {
    measured: watching, hits_sent: hitsSent, received: latencies.length, missing: watching ? outstanding() : 0,
    unmatched, ws_messages: wsMessages,
    p50_ms: percentile(latencies, 50), p99_ms: percentile(latencies, 99), max_ms: percentile(latencies, 100),
  },
  cpu: {
    server_s: serverCpu, client_s: (clientCpu.user + clientCpu.system) / 1e6,
    machine_busy_s: machineAfter.busy - machineBefore.busy, machine_iowait_s: machineAfter.iowait - machineBefore.iowait,
    available_s: seconds * os.availableParallelism(),
    // Server CPU per accepted pass, and what one idle core would carry at that cost (the machine is shared).
    server_us_per_pass: usPerPass,
    one_core_passes_per_s: usPerPass ? 1e6 / usPerPass : null,
    load_average: os.loadavg().map((v) => Math.round(v * 100) / 100),
    server_threads: serverThreads,
    server_write_mb: ioBefore !== null && ioAfter !== null ? Math.round((ioAfter - ioBefore) / 1e5) / 10 : null,
  },
  notes,
};
result.verdict = {
  throughput: result.passes_per_s >= result.targets.passes_per_s ? 'OK' : 'BELOW TARGET',
  latency: !watching ? 'not measured'
    : (result.alerts.missing === 0 && result.alerts.p99_ms !== null && result.alerts.p99_ms < result.targets.alert_p99_ms
      ? 'OK' : 'BELOW TARGET'),
};
if (firstError) notes.push(`first error: ${firstError}`);
printTable(result);
log(`wrote ${writeJson(cfg.out, result)}`);
if (accepted === 0) process.exitCode = 1;
