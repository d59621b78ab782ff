// Analyses through the real server as the demo analyst: purpose and case number are required and recorded
// with the query in the audit log; role limits name the field; a short trajectory answers at once, a long
// one runs as a background task to progress 100; a task can be cancelled; a result is saved to an existing
// case and listed under it. Passes are loaded with `jingwu analytics load` (independent of the demo seed).
// Exports (made in the browser) are reported to the server and audited.
// JW_ANALYSIS_CHUNK_PAUSE_MS slows each chunk a little so that a cancel lands while the task still runs.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startServer, loggedIn, execSql } from './lib/server.mjs';
import { expectError, expectStatus } from './lib/expect.mjs';
import { passCsv } from './lib/passes.mjs';

const PLATE = '川A5N101';
const BUDDY = '川A5N102';
// Out at night, and twice a night at two checkpoints ~11 km apart one minute apart (a cloned-plate suspect).
const NIGHT = '川A5N103';
const CPS = ['51990100001210000091', '51990100001210000092', '51990100001210000093'];
const DAYS = 30;
const day = (d) => `2026-10-${String(d + 1).padStart(2, '0')}`;
// The case number of every search must be a case the analyst may see (issue 13): the demo county's first case.
let CASE_NO;
let PURPOSE;
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

let server;
let analyst;
let passDir;
before(async () => {
  passDir = fs.mkdtempSync(path.join(os.tmpdir(), 'jw-analysis-passes-'));
  process.env.JINGWU_PASS_DIR = passDir;
  process.env.JW_ANALYSIS_CHUNK_PAUSE_MS = '100';
  process.env.JW_ANALYSIS_WORKERS = '1';
  server = await startServer('analysis');
  await server.stop();
  const cpFile = path.join(server.dir, 'cps.csv');
  const passFile = path.join(server.dir, 'passes.csv');
  fs.writeFileSync(cpFile, `checkpoint_id,name,longitude,latitude\n${CPS[0]},测试卡口一,104.10,30.60\n`
    + `${CPS[1]},测试卡口二,104.20,30.65\n${CPS[2]},测试卡口三,104.30,30.70\n`);
  const passes = [];
  for (let d = 0; d < DAYS; d++) {
    for (const [plate, cp, clock] of [[PLATE, 0, '08:00:00'], [PLATE, 1, '08:10:00'], [BUDDY, 0, '08:00:30'],
      [BUDDY, 1, '08:10:30'], [NIGHT, 2, '23:30:00'], [NIGHT, 1, '23:31:00']]) passes.push({ plate, color: 2, checkpoint: CPS[cp], time: `${day(d)} ${clock}` });
  }
  fs.writeFileSync(passFile, passCsv(passes));
  const load = server.cli(['analytics', 'load', '--data', passDir, '--checkpoints', cpFile, '--passes', passFile]);
  assert.equal(load.code, 0, load.output);
  await server.start();
  CASE_NO = execSql(server.db, 'SELECT case_no FROM cases ORDER BY id LIMIT 1').trim();
  assert.ok(CASE_NO, 'the demo county has cases');
  PURPOSE = { 'X-Purpose': encodeURIComponent('侦查盗窃案'), 'X-Case-No': CASE_NO };
  analyst = await loggedIn(server, 'analyst');
});
after(async () => {
  await server?.cleanup();
  if (passDir) fs.rmSync(passDir, { recursive: true, force: true });
});

const trajectory = (from, to, extra = {}) => ({
  kind: 'trajectory', params: { plate: PLATE, from: `${from} 00:00:00`, to: `${to} 00:00:00` }, ...extra,
});
const run = (client, body, headers = PURPOSE) => client.post('/checkpoint/analyses', body, { headers });

async function waitFor(id, statuses) {
  for (let i = 0; i < 600; i++) {
    const t = expectStatus(await analyst.get(`/checkpoint/analyses/tasks/${id}`), 200);
    if (statuses.includes(t.status)) return t;
    await sleep(100);
  }
  throw new Error(`task ${id} never reached ${statuses}`);
}

test('a search without purpose or case number is refused naming both, and nothing is stored', async () => {
  const before = expectStatus(await analyst.get('/checkpoint/analyses/tasks'), 200).total;
  expectError(await run(analyst, trajectory(day(0), day(2)), {}), 400, 'invalid_argument',
    { purpose: 'required', case_no: 'required' });
  expectError(await run(analyst, trajectory(day(0), day(2)), { 'X-Purpose': encodeURIComponent('侦查') }), 400,
    'invalid_argument', { case_no: 'required' });
  assert.equal(expectStatus(await analyst.get('/checkpoint/analyses/tasks'), 200).total, before);
});

test('a short trajectory answers at once with checkpoint names and coordinates; the audit keeps the query', async () => {
  const r = expectStatus(await run(analyst, trajectory(day(0), day(2))), 201);
  assert.equal(r.status, 'done');
  assert.equal(r.row_count, 4);
  assert.deepEqual(r.result.passes.map((p) => p.checkpoint_id), [CPS[0], CPS[1], CPS[0], CPS[1]]);
  assert.equal(r.result.passes[0].pass_time, `${day(0)} 08:00:00`);
  const cp = r.result.checkpoints.find((c) => c.id === CPS[0]);
  assert.equal(cp.name, '测试卡口一');
  assert.equal(cp.latitude, 30.6);
  const rows = execSql(server.db, `SELECT purpose || '|' || case_no || '|' || detail FROM audit_log WHERE `
    + `action = 'analysis.run' AND object = 'analysis_task:${r.task_id}'`).trim().split('\n');
  assert.equal(rows.length, 1);
  const [purpose, caseNo, detail] = rows[0].split('|');
  assert.equal(purpose, '侦查盗窃案');
  assert.equal(caseNo, CASE_NO);
  assert.equal(JSON.parse(detail).plate, PLATE);
  assert.equal(JSON.parse(detail).q, 'trajectory');
});

test('limits per role name the field; bad parameters name theirs', async () => {
  expectError(await run(analyst, trajectory('2026-08-01', day(10))), 400, 'invalid_argument', { to: 'range_too_long' });
  const officer = await loggedIn(server, 'officer');
  expectError(await run(officer, trajectory(day(0), day(9))), 400, 'invalid_argument', { to: 'range_too_long' });
  const cond = { checkpoints: [CPS[0]], from: `${day(0)} 00:00:00`, to: `${day(1)} 00:00:00` };
  expectError(await run(analyst, { kind: 'collision', params: { conditions: Array(17).fill(cond), min_match: 2 } }),
    400, 'invalid_argument', { conditions: 'too_many' });
  expectError(await run(analyst, { kind: 'trajectory', params: { plate: 'XYZ', from: `${day(0)} 00:00:00`, to: `${day(1)} 00:00:00` } }),
    400, 'invalid_argument', { plate: 'bad_plate' });
  expectError(await run(analyst, { kind: 'everything', params: {} }), 400, 'invalid_argument', { kind: 'unknown' });
  expectError(await run(analyst, trajectory(day(0), day(20), { background: true, params: { plate: PLATE, from: 'soon', to: `${day(20)} 00:00:00` } })),
    400, 'invalid_argument', { from: 'bad_time' });
});

test('collision and companion find the planted pair', async () => {
  const conds = [0, 1, 2].map((d) => ({ checkpoints: [CPS[0]], from: `${day(d)} 00:00:00`, to: `${day(d + 1)} 00:00:00` }));
  const c = expectStatus(await run(analyst, { kind: 'collision', params: { conditions: conds, min_match: 3 } }), 201);
  assert.deepEqual(c.result.plates.map((p) => p.plate).sort(), [PLATE, BUDDY].sort());
  const comp = expectStatus(await run(analyst, { kind: 'companion', params: {
    plate: PLATE, from: `${day(0)} 00:00:00`, to: `${day(5)} 00:00:00`, window_s: 60, min_checkpoints: 2 } }), 201);
  assert.equal(comp.result.companions[0].plate, BUDDY);
});

test('a long trajectory runs in the background to progress 100 and is listed as mine', async () => {
  const q = expectStatus(await run(analyst, trajectory(day(0), day(DAYS))), 202);
  assert.equal(q.status, 'queued');
  const t = await waitFor(q.task_id, ['done', 'failed']);
  assert.equal(t.status, 'done', JSON.stringify(t.error));
  assert.equal(t.progress, 100);
  assert.equal(t.row_count, DAYS * 2);
  assert.equal(t.result.passes.length, DAYS * 2);
  assert.equal(t.purpose, '侦查盗窃案');
  const mine = expectStatus(await analyst.get('/checkpoint/analyses/tasks?page_size=50'), 200);
  assert.ok(mine.items.some((i) => i.id === q.task_id && i.result === undefined));
  const other = await loggedIn(server, 'leader');
  expectError(await other.get(`/checkpoint/analyses/tasks/${q.task_id}`), 404, 'not_found');
});

test('a background task can be cancelled between chunks and stays cancelled', async () => {
  const q = expectStatus(await run(analyst, trajectory(day(0), day(DAYS), { background: true })), 202);
  const c = expectStatus(await analyst.post(`/checkpoint/analyses/tasks/${q.task_id}/cancel`, {}), 200);
  assert.equal(c.status, 'cancelled');
  const t = await waitFor(q.task_id, ['cancelled', 'done']);
  assert.equal(t.status, 'cancelled');
  await sleep(500);
  const later = expectStatus(await analyst.get(`/checkpoint/analyses/tasks/${q.task_id}`), 200);
  assert.equal(later.status, 'cancelled');
  assert.equal(later.result, undefined);
  expectError(await analyst.post(`/checkpoint/analyses/tasks/${q.task_id}/cancel`, {}), 409, undefined,
    { status: 'already_cancelled' });
});

test('a task running when the server is killed is run again after the restart', async () => {
  const q = expectStatus(await run(analyst, trajectory(day(0), day(DAYS), { background: true })), 202);
  let t;
  for (let i = 0; i < 300; i++) {
    t = expectStatus(await analyst.get(`/checkpoint/analyses/tasks/${q.task_id}`), 200);
    if (t.status !== 'queued') break;
    await sleep(50);
  }
  assert.equal(t.status, 'running');
  await server.kill9();
  await server.start();
  analyst = await loggedIn(server, 'analyst');
  const done = await waitFor(q.task_id, ['done', 'failed', 'cancelled']);
  assert.equal(done.status, 'done');
  assert.equal(done.result.passes.length, DAYS * 2);
});

test('a result is saved to an existing case only, once, and listed under the case', async () => {
  const r = expectStatus(await run(analyst, trajectory(day(3), day(5))), 201);
  expectError(await analyst.post(`/checkpoint/analyses/tasks/${r.task_id}/save`, { case_no: 'A5199012099999999' }),
    400, 'invalid_argument', { case_no: 'unknown_case' });
  expectError(await analyst.post(`/checkpoint/analyses/tasks/${r.task_id}/save`, {}), 400, 'invalid_argument',
    { case_no: 'required' });
  const caseNo = CASE_NO;
  const saved = expectStatus(await analyst.post(`/checkpoint/analyses/tasks/${r.task_id}/save`,
    { case_no: caseNo, note: '轨迹' }), 201);
  assert.equal(saved.case_no, caseNo);
  expectError(await analyst.post(`/checkpoint/analyses/tasks/${r.task_id}/save`, { case_no: caseNo }), 409,
    undefined, { case_no: 'already_saved' });
  const list = expectStatus(await analyst.get('/checkpoint/analyses', { headers: PURPOSE }), 200);
  assert.equal(list.total, 1);
  assert.equal(list.items[0].id, r.task_id);
  assert.equal(list.items[0].note, '轨迹');
  // Saved to a case, the result is readable by others who may run analyses (the case team).
  const leader = await loggedIn(server, 'leader');
  assert.equal(expectStatus(await leader.get(`/checkpoint/analyses/tasks/${r.task_id}`), 200).result.passes.length, 4);
});

test('a client-side export is recorded in the audit log; a bad report names the field', async () => {
  const r = expectStatus(await run(analyst, trajectory(day(6), day(8))), 201);
  expectStatus(await analyst.post(`/checkpoint/analyses/tasks/${r.task_id}/exported`, { rows: 4 }, { headers: PURPOSE }), 204);
  expectError(await analyst.post(`/checkpoint/analyses/tasks/${r.task_id}/exported`, {}, { headers: PURPOSE }), 400, 'invalid_argument',
    { rows: 'required' });
  const rows = execSql(server.db, `SELECT detail FROM audit_log WHERE action = 'analysis.export' AND `
    + `object = 'analysis_task:${r.task_id}' AND result = 'ok'`).trim().split('\n');
  assert.equal(rows.length, 1);
  assert.equal(JSON.parse(rows[0]).rows, 4);
});

test('every kind answers inline exactly as the background (Json) path and the stored task do; audited once', async () => {
  const span = { from: `${day(1)} 00:00:00`, to: `${day(4)} 00:00:00` };
  const kinds = [
    ['trajectory', { plate: PLATE, ...span }],
    ['companion', { plate: PLATE, ...span, window_s: 60, min_checkpoints: 1 }],
    ['collision', { conditions: [CPS[0], CPS[1]].map((cp, i) => ({ checkpoints: [cp], from: `${day(i)} 00:00:00`,
      to: `${day(i + 2)} 00:00:00` })), min_match: 1 }],
    ['first_seen', { from: `${day(0)} 00:00:00`, to: `${day(1)} 00:00:00`, lookback_days: 1,
      checkpoints: [CPS[1], CPS[2]] }],
    ['cloned', { ...span, max_speed_kmh: 120 }],
    ['night', { ...span, night_start: '22:00', night_end: '05:00', min_nights: 1, min_night_share: 0.5 }],
  ];
  for (const [kind, params] of kinds) {
    const inline = expectStatus(await run(analyst, { kind, params }), 201);
    assert.deepEqual(Object.keys(inline), ['kind', 'result', 'row_count', 'status', 'task_id'], kind);
    assert.equal(inline.kind, kind);
    assert.equal(inline.status, 'done');
    assert.ok(inline.row_count > 0, `${kind}: the comparison covers rows`);
    // The background runner still builds the reply as a Json tree (analysis_run.cpp): the reference.
    const q = expectStatus(await run(analyst, { kind, params, background: true }), 202);
    const bg = await waitFor(q.task_id, ['done', 'failed']);
    assert.equal(bg.status, 'done', `${kind}: ${JSON.stringify(bg.error)}`);
    assert.equal(inline.row_count, bg.row_count, kind);
    assert.equal(JSON.stringify(inline.result), JSON.stringify(bg.result), kind);  // values and key order
    const stored = expectStatus(await analyst.get(`/checkpoint/analyses/tasks/${inline.task_id}`), 200);
    assert.equal(JSON.stringify(stored.result), JSON.stringify(inline.result), kind);
    assert.equal(stored.row_count, inline.row_count, kind);
    const audit = execSql(server.db, `SELECT detail FROM audit_log WHERE action = 'analysis.run' AND `
      + `object = 'analysis_task:${inline.task_id}'`).trim().split('\n');
    assert.equal(audit.length, 1, kind);
    assert.equal(JSON.parse(audit[0]).q, kind);
  }
});
