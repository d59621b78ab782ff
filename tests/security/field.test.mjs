// The other ways into the phone's checks (issue 15): the administrators get none of the routes; another station's
// officer sees none of 城关's checks in the list; the subject is masked in every reply and sealed in the database;
// a key stored for one user replays nothing for another.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, loggedIn, execSql } from '../integration/lib/server.mjs';
import { expectError, expectStatus } from '../integration/lib/expect.mjs';
import { stationOfficer } from './lib/access.mjs';

let server;
before(async () => { server = await startServer('secfield'); });
after(async () => { await server?.cleanup(); });

test('checks are the officer\'s and their station\'s, masked, sealed', async () => {
  const officer = await loggedIn(server, 'officer');
  const id = (() => {
    const first17 = '51990119850505123';
    const w = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
    const sum = [...first17].reduce((s, ch, i) => s + Number(ch) * w[i], 0);
    return first17 + '10X98765432'[sum % 11];
  })();
  const a = expectStatus(await officer.post('/field/checks', { client_key: 'sec-1', id_number: id },
    { headers: { 'Idempotency-Key': 'sec-key-000001' } }), 201);
  for (const admin of ['sysadmin', 'secadmin', 'auditadmin']) {
    const c = await loggedIn(server, admin);
    expectError(await c.get('/field/checks'), 403);
    expectError(await c.post('/field/checks', { client_key: 'x', id_number: id }), 403);
    expectError(await c.get('/field/cache-key'), 403);
  }
  const east = await stationOfficer(server, '东城派出所');
  const list = expectStatus(await east.get('/field/checks'), 200);
  assert.ok(!list.items.some((x) => x.id === a.id), 'another station does not list 城关\'s checks');
  // east sends the same key: a write of its own, not officer's stored reply
  const replay = await east.post('/field/checks', { client_key: 'sec-1', id_number: id }, { headers: { 'Idempotency-Key': 'sec-key-000001' } });
  assert.notEqual(replay.headers.get('idempotent-replayed'), 'true');
  const mine = expectStatus(await officer.get('/field/checks?mine=true'), 200);
  assert.ok(!JSON.stringify(mine).includes(id));
  assert.equal(Number(execSql(server.db, `SELECT count(*) FROM field_checks WHERE subject LIKE '%${id}%'`).trim()), 0);
  assert.equal(Number(execSql(server.db, `SELECT count(*) FROM idempotency_keys WHERE reply LIKE '%${id.slice(0, 6)}%'`).trim()), 0);
});

// A vehicle's last passes on the phone (issue 15) go through the desktop's own way in (POST /checkpoint/analyses,
// kind trajectory): the other ways in are refused the same — no purpose, a case of another station, a role that
// may not search passes (the demo auxiliary and grid member) — and the search that runs is audited as the
// officer's with its purpose and case number.
test('the phone\'s pass search: purpose, case basis and permission as on the desktop, audited', async () => {
  const china = (ms) => new Date(ms + 8 * 3600_000).toISOString().slice(0, 19).replace('T', ' ');
  const body = { kind: 'trajectory', params: { plate: '川A12345', from: china(Date.now() - 7 * 86400_000), to: china(Date.now()) } };
  const hdr = (caseNo, purpose = '车辆盘查核实轨迹') => ({ 'X-Purpose': encodeURIComponent(purpose), 'X-Case-No': encodeURIComponent(caseNo) });
  const caseOf = (unit) => execSql(server.db, 'SELECT c.case_no FROM cases c JOIN units u ON u.id = c.unit_id '
    + `WHERE u.name = '${unit}' ORDER BY c.id LIMIT 1`).trim();
  const ours = caseOf('城关派出所');
  const theirs = caseOf('东城派出所');
  assert.ok(ours && theirs, 'demo cases of both stations');
  const officer = await loggedIn(server, 'officer');
  const tasks = () => Number(execSql(server.db, 'SELECT count(*) FROM analysis_tasks').trim());
  const before = tasks();
  expectError(await officer.post('/checkpoint/analyses', body), 400);
  expectError(await officer.post('/checkpoint/analyses', body, { headers: hdr(ours, '查') }), 400, 'invalid_argument', { purpose: 'too_short' });
  expectError(await officer.post('/checkpoint/analyses', body, { headers: hdr(theirs) }), 400, 'invalid_argument', { case_no: 'unknown_case' });
  for (const name of ['auxiliary', 'gridmember', 'sysadmin']) {
    const c = await loggedIn(server, name);
    expectError(await c.post('/checkpoint/analyses', body, { headers: hdr(ours) }), 403);
  }
  assert.equal(tasks(), before, 'nothing ran');
  const ran = expectStatus(await officer.post('/checkpoint/analyses', body, { headers: hdr(ours) }), 201);
  assert.equal(ran.kind, 'trajectory');
  const audited = execSql(server.db, "SELECT a.purpose || '|' || a.case_no FROM audit_log a JOIN users u ON u.id = a.user_id "
    + `WHERE u.username = 'officer' AND a.action = 'analysis.run' AND a.result = 'ok' ORDER BY a.id DESC LIMIT 1`).trim();
  assert.equal(audited, `车辆盘查核实轨迹|${ours}`);
});

// The demo's auxiliary (辅警) collects information and checks identities under an officer, and decides nothing
// (公安机关办理行政案件程序规定 2019 §52); the grid member (网格员) is no police officer: no checks at all, and an
// offline store of their own grid's addresses and their tasks only (ADR 0064: the cache key, no watch list).
test('the auxiliary and the grid member: what each may do on the phone and what not', async () => {
  const aux = await loggedIn(server, 'auxiliary');
  const grid = await loggedIn(server, 'gridmember');
  const id = '110101199003070011';
  const checked = expectStatus(await aux.post('/field/checks', { client_key: 'aux-1', id_number: id },
    { headers: { 'Idempotency-Key': 'aux-key-0000001' } }), 201);
  assert.ok(checked.outcome);
  expectStatus(await aux.get('/checkpoint/watch-orders?status=active'), 200);
  expectStatus(await aux.get('/field/cache-key'), 200);
  // no decision: no watch-list application or approval, no case, not the station's checks of others
  expectError(await aux.post('/personwatch/entries', { kind: 'wanted', id_number: id, name: '某某', reason: '测试' }), 403);
  expectError(await aux.get('/cases'), 403);
  expectStatus(await grid.get('/field/cache-key'), 200);
  for (const [method, path] of [['post', '/field/checks'], ['post', '/field/id-scan'], ['get', '/checkpoint/watch-orders'],
    ['get', '/personwatch/offline-list'], ['get', '/field/checks']]) {
    expectError(await grid[method](path, method === 'post' ? { client_key: 'g-1', id_number: id } : undefined), 403);
  }
  const people = expectStatus(await grid.get('/community/people?page_size=5'), 200);
  assert.ok(!JSON.stringify(people).match(/\d{17}[\dX]/), 'the grid member sees people masked');
});
