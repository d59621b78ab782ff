// Unit restructuring (docs/api/units-restructure.md): the CLI `jingwu unit restructure --plan FILE.json [--dry-run]`
// as written, and the HTTP endpoints for the system administrator — dry run, apply, history, undo — with
// permission refusals for everyone else and bad plans refused naming the field with nothing written.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { startServer, loggedIn } from './lib/server.mjs';
import { expectError, expectStatus } from './lib/expect.mjs';

let server, sys, sec, officer, auditor;
before(async () => {
  server = await startServer('units');
  sys = await loggedIn(server, 'sysadmin');
  sec = await loggedIn(server, 'secadmin');
  officer = await loggedIn(server, 'officer');
  auditor = await loggedIn(server, 'auditadmin');
});
after(async () => { await server?.cleanup(); });

// China date `days` after today, YYYY-MM-DD.
function chinaDate(days) {
  return new Date(Date.now() + 8 * 3600_000 + days * 86400_000).toISOString().slice(0, 10);
}

const MERGE = ['519901031000', '519901031100'];  // 城关派出所 + 东城派出所
const plan = (extra = {}) => ({
  title: '城关东城合并',
  effective_date: chinaDate(30),
  reason: '集成测试',
  operations: [
    { op: 'merge', units: MERGE, into: '519901031000' },
    { op: 'split', unit: '519901020500', default: '519901020510',
      into: [{ code: '519901020510', name: '刑侦一中队', kind: 'brigade' },
             { code: '519901020520', name: '刑侦二中队', kind: 'brigade' }] },
  ],
  reassign: [{ user: 'p990030', to: '519901020520' }],
  ...extra,
});

async function units(client = sys) {
  return expectStatus(await client.get('/units?include_dissolved=1'), 200).items;  // dissolved ones too (history)
}
const byCode = (list, code) => list.find((u) => u.code === code);

test('only the system administrator may restructure; others are refused and nothing is written', async () => {
  expectError(await officer.post('/units/restructure', { plan: plan(), dry_run: true }), 403, 'permission_denied');
  expectError(await officer.post('/units/restructure', { plan: plan() }), 403, 'permission_denied');
  expectError(await sec.post('/units/restructure', { plan: plan() }), 403, 'permission_denied');
  expectError(await officer.get('/units/restructures'), 403, 'permission_denied');
  expectError(await officer.get('/units/structure'), 403, 'permission_denied');
  expectError(await auditor.get('/units/1/history'), 403, 'permission_denied');
  expectError(await officer.post('/units/restructures/1/undo', { reason: 'x' }), 403, 'permission_denied');
  assert.equal(expectStatus(await sec.get('/units/restructures'), 200).total, 0);
});

test('HTTP: a bad plan is refused naming the field, nothing written', async () => {
  const before = JSON.stringify(await units());
  expectError(await sys.post('/units/restructure', {}), 400, 'invalid_argument', { plan: 'required' });
  expectError(await sys.post('/units/restructure', { plan: plan(), colour: 1 }), 400, 'invalid_argument',
    { colour: 'unknown_field' });
  expectError(await sys.post('/units/restructure', { plan: plan(), dry_run: 'yes' }), 400, 'invalid_argument',
    { dry_run: 'must_be_boolean' });
  const unknown = plan({ operations: [{ op: 'merge', units: ['519901031000', '519901039900'], into: '519901031000' }] });
  expectError(await sys.post('/units/restructure', { plan: unknown }), 400, 'invalid_argument',
    { 'operations[0].units[1]': 'unknown_unit' });
  expectError(await sys.post('/units/restructure', { plan: plan({ effective_date: chinaDate(-1) }) }), 400,
    'invalid_argument', { effective_date: 'before_today' });
  assert.equal(JSON.stringify(await units()), before);
  assert.equal(expectStatus(await sys.get('/units/restructures'), 200).total, 0);
});

test('HTTP: the dry run lists what would move by module and count and changes nothing', async () => {
  const before = await units();
  const users = expectStatus(await sys.get(`/users?unit_id=${byCode(before, MERGE[1]).id}&page_size=200`), 200).total;
  const r = expectStatus(await sys.post('/units/restructure', { plan: plan(), dry_run: true }), 200);
  assert.equal(r.dry_run, true);
  const moved = r.moves.find((m) => m.module === 'auth' && m.what === 'users');
  assert.ok(moved && moved.count >= users + 1, JSON.stringify(r.moves));
  assert.deepEqual(r.units.dissolve.map((u) => u.code).sort(), ['519901020500', '519901031100']);
  assert.deepEqual(r.units.create.map((u) => u.code).sort(), ['519901020510', '519901020520']);
  assert.equal(r.total_moved, r.moves.reduce((n, m) => n + m.count, 0));
  assert.equal(JSON.stringify(await units()), JSON.stringify(before));
  assert.equal(expectStatus(await sys.get('/units/restructures'), 200).total, 0);
});

let cliId;
test('CLI: jingwu unit restructure --plan FILE.json [--dry-run]; a bad plan exits 2 with {code,message,fields}', async () => {
  const file = path.join(server.dir, 'plan.json');
  fs.writeFileSync(file, JSON.stringify(plan()));
  const badFile = path.join(server.dir, 'bad.json');
  fs.writeFileSync(badFile, JSON.stringify(plan({ operations: [{ op: 'split', unit: '519901020500', into: [] }] })));
  await server.stop();
  try {
    const dry = server.cli(['unit', 'restructure', '--plan', file, '--dry-run']);
    assert.equal(dry.code, 0, dry.output);
    const summary = JSON.parse(dry.stdout);
    assert.equal(summary.dry_run, true);
    assert.ok(summary.total_moved > 0);

    const bad = server.cli(['unit', 'restructure', '--plan', badFile]);
    assert.equal(bad.code, 2, bad.output);
    const err = JSON.parse(bad.stdout);
    assert.equal(err.code, 'invalid_argument');
    assert.equal(typeof err.message, 'string');
    assert.equal(err.fields['operations[0].into'], 'too_few');

    const missing = server.cli(['unit', 'restructure', '--plan', path.join(server.dir, 'nope.json')]);
    assert.equal(missing.code, 2, missing.output);
    assert.equal(JSON.parse(missing.stdout).fields.plan, 'not_readable');

    const applied = server.cli(['unit', 'restructure', '--plan', file]);
    assert.equal(applied.code, 0, applied.output);
    const r = JSON.parse(applied.stdout);
    assert.equal(r.status, 'applied');
    assert.equal(r.undoable, true);
    cliId = r.id;
    // Applied once: the same plan again names the now dissolved unit.
    const again = server.cli(['unit', 'restructure', '--plan', file, '--dry-run']);
    assert.equal(again.code, 2, again.output);
    assert.equal(JSON.parse(again.stdout).fields['operations[0].units[1]'], 'dissolved');
  } finally {
    await server.start();
  }
  sys = await loggedIn(server, 'sysadmin');
  officer = await loggedIn(server, 'officer');
  auditor = await loggedIn(server, 'auditadmin');
});

test('HTTP: the applied restructure, the history and the structure at a date', async () => {
  const list = expectStatus(await sys.get('/units/restructures'), 200);
  assert.equal(list.total, 1);
  assert.equal(list.items[0].id, cliId);
  assert.equal(list.items[0].status, 'applied');
  assert.equal(list.items[0].plan, undefined);
  const one = expectStatus(await sys.get(`/units/restructures/${cliId}`), 200);
  assert.equal(one.plan.operations[0].op, 'merge');

  const all = await units();
  const dongcheng = byCode(all, MERGE[1]);
  const chengguan = byCode(all, MERGE[0]);
  assert.equal(expectStatus(await sys.get(`/users?unit_id=${dongcheng.id}`), 200).total, 0, 'officers moved');
  const history = expectStatus(await sys.get(`/units/${dongcheng.id}/history`), 200);
  assert.equal(history.versions.length, 1);
  assert.ok(history.versions[0].valid_to, 'closed on the effective date');
  assert.deepEqual(history.successors.map((u) => u.id), [chengguan.id]);
  const succ = expectStatus(await sys.get(`/units/${dongcheng.id}/successors?date=${chinaDate(30)}`), 200);
  assert.deepEqual(succ.successors.map((u) => u.id), [chengguan.id]);
  const now = expectStatus(await sys.get(`/units/${dongcheng.id}/successors`), 200);
  assert.deepEqual(now.successors.map((u) => u.id), [dongcheng.id], 'still live before the effective date');

  const today = expectStatus(await sys.get('/units/structure'), 200);
  const later = expectStatus(await sys.get(`/units/structure?date=${chinaDate(31)}`), 200);
  assert.ok(today.units.some((u) => u.code === MERGE[1]));
  assert.ok(!later.units.some((u) => u.code === MERGE[1]));
  assert.ok(later.units.some((u) => u.code === '519901020520'));
  expectError(await sys.get('/units/structure?date=2026-13-01'), 400, 'invalid_argument', { date: 'bad_format' });
  expectError(await sys.get('/units/999999/history'), 404, 'not_found');
});

test('HTTP: undo before the effective date restores the officers and units; only once', async () => {
  expectError(await sys.post(`/units/restructures/${cliId}/undo`, {}), 400, 'invalid_argument', { reason: 'required' });
  const r = expectStatus(await sys.post(`/units/restructures/${cliId}/undo`, { reason: '方案有误' }), 200);
  assert.equal(r.status, 'undone');
  const all = await units();
  assert.ok(!byCode(all, '519901020510'), 'the new units are gone');
  const dongcheng = byCode(all, MERGE[1]);
  assert.ok(expectStatus(await sys.get(`/users?unit_id=${dongcheng.id}`), 200).total > 0, 'officers back');
  expectError(await sys.post(`/units/restructures/${cliId}/undo`, { reason: '再次' }), 409, 'conflict',
    { restructure: 'already_undone' });
  expectError(await sys.post('/units/restructures/999999/undo', { reason: 'x' }), 404, 'not_found');
});

test('HTTP apply, CLI undo, and every change in the audit log', async () => {
  const second = {
    title: '西河南山合并', effective_date: chinaDate(10),
    operations: [{ op: 'merge', units: ['519901031200', '519901031300'],
                   into: { code: '519901031600', name: '西南派出所', kind: 'station' } }],
  };
  const r = expectStatus(await sys.post('/units/restructure', { plan: second }), 201);
  assert.equal(r.status, 'applied');
  assert.ok(byCode(await units(), '519901031600'));
  await server.stop();
  try {
    const noReason = server.cli(['unit', 'restructure', '--undo', String(r.id)]);
    assert.equal(noReason.code, 2, noReason.output);
    assert.equal(JSON.parse(noReason.stdout).fields.reason, 'required');
    const undone = server.cli(['unit', 'restructure', '--undo', String(r.id), '--reason', '撤销测试']);
    assert.equal(undone.code, 0, undone.output);
    assert.equal(JSON.parse(undone.stdout).status, 'undone');
  } finally {
    await server.start();
  }
  sys = await loggedIn(server, 'sysadmin');
  auditor = await loggedIn(server, 'auditadmin');
  assert.ok(!byCode(await units(), '519901031600'));
  const audit = expectStatus(await auditor.get('/audit?action=unit.restructure&page_size=50'), 200);
  const objects = audit.items.map((e) => e.object);
  assert.ok(objects.includes(`unit_restructure:${cliId}`), JSON.stringify(objects));
  assert.ok(objects.includes(`unit_restructure:${r.id}`), JSON.stringify(objects));
  const undo = expectStatus(await auditor.get('/audit?action=unit.restructure_undo&page_size=50'), 200);
  assert.ok(undo.items.length >= 2, 'HTTP and CLI undo are audited');
});
