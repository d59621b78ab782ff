// The province backend end to end under `jingwu serve` (issue 19, ADR 0067): a county's engine moved onto
// ClickHouse with `jingwu clickhouse sync`, then served with [analytics] backend = "clickhouse" and hot_days = 2.
// The analyst's analyses over old days answer from ClickHouse exactly as the engine answered them before; a pass
// imported through the server reaches ClickHouse; the server starts level with ClickHouse (nothing to rewrite);
// and when ClickHouse goes away an analysis over old days fails cleanly while the server stays up.
// The pass store is a file, the same on both databases: this file runs on SQLite only.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startServer, loggedIn, execSql, BACKEND, REPO_ROOT } from './lib/server.mjs';
import { expectStatus } from './lib/expect.mjs';
import { passCsv, importPasses } from './lib/passes.mjs';

const skip = BACKEND !== 'sqlite' && 'the pass store is a file, the same on both databases';
const PLATE = '川A7C301';
const BUDDY = '川A7C302';
const CPS = ['51990100001210000191', '51990100001210000192', '51990100001210000193'];
const DAYS = 30;
const day = (d) => `2026-10-${String(d + 1).padStart(2, '0')}`;
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const SCRIPT = path.join(REPO_ROOT, 'scripts', 'clickhouse_local.sh');

let server;
let analyst;
let sys;
let passDir;
let chState;
let chUrl;
let headers;
const engineReplies = new Map();

const requests = {
  trajectory: { kind: 'trajectory', params: { plate: PLATE, from: `${day(0)} 00:00:00`, to: `${day(3)} 00:00:00` } },
  collision: { kind: 'collision', params: {
    min_match: 3,
    conditions: [0, 1, 2].map((d) => ({ checkpoints: [CPS[0]], from: `${day(d)} 00:00:00`, to: `${day(d + 1)} 00:00:00` })),
  } },
  companion: { kind: 'companion', params: {
    plate: PLATE, from: `${day(0)} 00:00:00`, to: `${day(5)} 00:00:00`, window_s: 60, min_checkpoints: 2 } },
  first_seen: { kind: 'first_seen', params: { from: `${day(0)} 00:00:00`, to: `${day(1)} 00:00:00`, lookback_days: 3 } },
};
const run = (body) => analyst.post('/checkpoint/analyses', body, { headers });

async function metric(name) {
  const text = (await sys.get('/metrics')).text;
  const m = new RegExp(`^${name} (\\d+)$`, 'm').exec(text);
  return m ? Number(m[1]) : null;
}

before(async () => {
  if (skip) return;
  chState = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'jw-ch-it-')), 'state');
  chUrl = execFileSync('bash', [SCRIPT, 'start', chState, '1'], { encoding: 'utf8' }).trim().split('\n')[0];
  passDir = fs.mkdtempSync(path.join(os.tmpdir(), 'jw-ch-passes-'));
  process.env.JINGWU_PASS_DIR = passDir;
  server = await startServer('analysis-ch');
  await server.stop();
  const cpFile = path.join(server.dir, 'cps.csv');
  const passFile = path.join(server.dir, 'passes.csv');
  fs.writeFileSync(cpFile, `checkpoint_id,name,longitude,latitude\n${CPS[0]},省库卡口一,104.10,30.60\n`
    + `${CPS[1]},省库卡口二,104.20,30.65\n${CPS[2]},省库卡口三,104.30,30.70\n`);
  const passes = [];
  for (let d = 0; d < DAYS; d++) {
    for (const [plate, cp, clock] of [[PLATE, 0, '08:00:00'], [PLATE, 1, '08:10:00'], [BUDDY, 0, '08:00:30'],
      [BUDDY, 1, '08:10:30']]) passes.push({ plate, color: 2, checkpoint: CPS[cp], time: `${day(d)} ${clock}` });
  }
  fs.writeFileSync(passFile, passCsv(passes));
  const load = server.cli(['analytics', 'load', '--data', passDir, '--checkpoints', cpFile, '--passes', passFile]);
  assert.equal(load.code, 0, load.output);
  // The engine's answers first (the embedded default).
  await server.start();
  const caseNo = execSql(server.db, 'SELECT case_no FROM cases ORDER BY id LIMIT 1').trim();
  headers = { 'X-Purpose': encodeURIComponent('侦查盗窃案'), 'X-Case-No': caseNo };
  analyst = await loggedIn(server, 'analyst');
  for (const [name, body] of Object.entries(requests)) {
    const r = expectStatus(await run(body), 201);
    assert.ok(r.row_count > 0, `${name} has rows on the engine`);
    engineReplies.set(name, r.result);
  }
  await server.stop();
});

after(async () => {
  await server?.cleanup();
  if (chState) spawnSync('bash', [SCRIPT, 'stop', chState], { stdio: 'ignore' });
  if (passDir) fs.rmSync(passDir, { recursive: true, force: true });
});

test('`jingwu clickhouse sync` refuses without the clickhouse backend, naming the setting', { skip }, () => {
  const r = server.cli(['clickhouse', 'sync', '--all-days']);
  assert.equal(r.code, 2, r.output);
  assert.match(r.stderr, /analytics\.backend/);
});

test('the sync writes every day once; a second sync rewrites nothing; the server starts level', { skip }, async () => {
  fs.writeFileSync(path.join(server.dir, 'jingwu.toml'), '[analytics]\nbackend = "clickhouse"\nhot_days = 2\n\n'
    + `[analytics.clickhouse]\nurls = ["${chUrl}"]\ndatabase = "jw_it_${process.pid}"\n`);
  const first = server.cli(['clickhouse', 'sync', '--all-days']);
  assert.equal(first.code, 0, first.output);
  const m = /passes written to ClickHouse: (\d+) over (\d+) of (\d+) days/.exec(first.stdout);
  assert.ok(m, first.output);
  assert.ok(Number(m[1]) >= DAYS * 4, first.stdout);  // the October passes and the demo county's own
  assert.equal(m[2], m[3], 'every day was new to ClickHouse');
  const again = server.cli(['clickhouse', 'sync', '--all-days']);
  assert.equal(again.code, 0, again.output);
  assert.match(again.stdout, new RegExp(`passes written to ClickHouse: 0 over 0 of ${m[3]} days`));
  await server.start();
  sys = await loggedIn(server, 'sysadmin');
  analyst = await loggedIn(server, 'analyst');
  for (let i = 0; i < 200 && (await metric('jw_clickhouse_reconcile_pending')) !== 0; i++) await sleep(100);
  assert.equal(await metric('jw_clickhouse_reconcile_pending'), 0);
  assert.equal(await metric('jw_clickhouse_reconciled_passes'), 0, 'ClickHouse already held every whole day');
  assert.equal(await metric('jw_clickhouse_failing'), 0);
});

test('analyses over old days answer from ClickHouse exactly as the engine did', { skip }, async () => {
  for (const [name, body] of Object.entries(requests)) {
    const r = expectStatus(await run(body), 201);
    assert.deepEqual(r.result, engineReplies.get(name), name);
  }
});

test('a pass imported through the server reaches ClickHouse', { skip }, async () => {
  const gate = expectStatus(await sys.get('/checkpoint/devices?kind=tollgate&page_size=1'), 200).items[0].id;
  const at = new Date(Date.now() + 8 * 3600_000 - 600_000).toISOString().replace('T', ' ').slice(0, 19);
  await importPasses(sys, passCsv([{ plate: PLATE, checkpoint: gate, time: at }]));
  // Over the day before the newest, the engine's oldest (maybe partial) day: ClickHouse answers.
  const from = new Date(Date.now() + 8 * 3600_000 - 2 * 86400_000).toISOString().slice(0, 10);
  const now = new Date(Date.now() + 8 * 3600_000).toISOString().replace('T', ' ').slice(0, 19);
  const body = { kind: 'trajectory', params: { plate: PLATE, from: `${from} 00:00:00`, to: now } };
  let found = false;
  for (let i = 0; i < 100 && !found; i++) {
    const r = expectStatus(await run(body), 201);
    found = r.result.passes.some((p) => p.pass_time === at && p.checkpoint_id === gate);
    if (!found) await sleep(100);
  }
  assert.ok(found, 'the imported pass is in ClickHouse');
  assert.ok((await metric('jw_clickhouse_shipped_passes')) >= 1);
});

test('without ClickHouse an analysis of old days fails cleanly and the server stays up', { skip }, async () => {
  spawnSync('bash', [SCRIPT, 'stop', chState], { stdio: 'ignore' });
  chState = null;
  const r = await run(requests.trajectory);
  assert.ok(r.status >= 500 && r.status < 600, `status ${r.status}`);
  assert.equal((await fetch(`${server.url}/readyz`)).status, 200);
});
