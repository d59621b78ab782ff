// The community officer's daily work through the real server (issue 14, ADR 0035): the demo officer's tasks (one due
// today, one overdue), visits, patrols and mediations; client_key idempotency (the same key twice → one row, the
// first reply, audited once as the work event); the mediation status machine with its audit names; task
// assignment with a working-day limit and the completion report; permissions; bad input naming the field.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, loggedIn, execSql } from './lib/server.mjs';
import { expectError, expectStatus } from './lib/expect.mjs';
import { isoTime } from './lib/china_time.mjs';

let server;
before(async () => { server = await startServer('community_work'); });
after(async () => { await server?.cleanup(); });

const sql = (q) => execSql(server.db, q).trim();
const patch = (c, p, json) => c.request('PATCH', p, { json });
const anAddress = () => sql("SELECT code FROM community_addresses WHERE township = '城关镇' AND level = 'house' "
  + 'ORDER BY code LIMIT 1');

test('demo: the officer has open tasks, one due today and one overdue, and weeks of records', async () => {
  // The demo county is made once at the start of the suite; its "due today" task is due at the end of that China
  // day. A run that crosses midnight (Beijing) would see it overdue: check it was seeded at the end of a China day,
  // then move it to the end of this one.
  const seeded = Number(sql("SELECT due_at FROM community_tasks WHERE title = '核查辖区出租屋登记情况'"));
  assert.equal((seeded + 8 * 3600 + 1) % 86400, 0, `seeded at the end of a China day, not ${seeded}`);
  const dayEnd = Math.floor((Date.now() / 1000 + 8 * 3600) / 86400) * 86400 - 8 * 3600 + 86400 - 1;
  assert.ok(dayEnd - seeded <= 86400, 'seeded on this China day or the one before');
  sql(`UPDATE community_tasks SET due_at = ${dayEnd} WHERE title = '核查辖区出租屋登记情况'`);
  const officer = await loggedIn(server, 'officer');
  const mine = expectStatus(await officer.get('/community/tasks?mine=1&status=open'), 200);
  const overdue = mine.items.filter((t) => t.overdue);
  assert.equal(overdue.length, 1, JSON.stringify(mine.items.map((t) => [t.title, t.due_at, t.overdue])));
  const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
  const dueToday = mine.items.filter((t) => !t.overdue
    && new Date(Date.parse(t.due_at) + 8 * 3600_000).toISOString().slice(0, 10) === today);
  assert.equal(dueToday.length, 1, JSON.stringify(mine.items.map((t) => [t.title, t.due_at])));
  assert.ok(mine.items.some((t) => t.limit_working_days === 5));
  const visits = expectStatus(await officer.get('/community/visits?page_size=5'), 200);
  assert.ok(visits.total >= 30, `visits ${visits.total}`);
  assert.equal(visits.items.length, 5);
  const patrols = expectStatus(await officer.get('/community/patrols'), 200);
  assert.ok(patrols.total >= 10);
  const repeats = expectStatus(await officer.get('/community/mediations?repeat=1'), 200);
  assert.ok(repeats.total >= 1);
  const closed = expectStatus(await officer.get('/community/mediations?status=closed'), 200);
  assert.deepEqual(new Set(closed.items.map((m) => m.outcome)), new Set(['success', 'failed', 'transferred']));
  const types = expectStatus(await officer.get('/community/dispute-types'), 200);
  assert.ok(types.items.every((t) => t.basis.length > 0));
});

test('a visit sent twice with the same client_key is one row, the first reply, one work event', async () => {
  const officer = await loggedIn(server, 'officer');
  const body = { address_id: anAddress(), findings: '住户在家，情况正常。', visited_at: isoTime(-600), client_key: 'it-phone:v1' };
  const first = await officer.post('/community/visits', body);
  const created = expectStatus(first, 201);
  assert.equal(created.address_id, body.address_id);
  const again = expectStatus(await officer.post('/community/visits', { ...body, findings: '重发' }), 200);
  assert.deepEqual(again, created);
  assert.equal(sql("SELECT COUNT(*) FROM community_visits WHERE client_key = 'it-phone:v1'"), '1');
  const events = sql(`SELECT action, result FROM audit_log WHERE object = 'visit:${created.id}' ORDER BY id`);
  assert.deepEqual(events.split('\n'), ['community.visit.create|ok', 'community.visit.create.replay|ok']);
  const read = expectStatus(await officer.get(`/community/visits/${created.id}`), 200);
  assert.equal(read.findings, '住户在家，情况正常。');
});

test('patrols: created, replayed by key, bad times named', async () => {
  const officer = await loggedIn(server, 'officer');
  const body = { route: '解放路—人民路', started_at: isoTime(-7200), ended_at: isoTime(-3600), client_key: 'it-p1' };
  const p = expectStatus(await officer.post('/community/patrols', body), 201);
  assert.equal(p.minutes, 60);
  assert.equal(expectStatus(await officer.post('/community/patrols', body), 200).id, p.id);
  expectError(await officer.post('/community/patrols', { ...body, client_key: 'it-p2', ended_at: isoTime(-9000) }),
    400, 'invalid_argument', { ended_at: 'before_start' });
  expectError(await officer.post('/community/patrols', { route: 'x', started_at: 'yesterday', ended_at: isoTime() }),
    400, 'invalid_argument', { started_at: 'invalid_time' });
});

test('mediation: open → mediating → closed with an outcome; audit names; closed is final', async () => {
  const officer = await loggedIn(server, 'officer');
  const m = expectStatus(await officer.post('/community/mediations', {
    dispute_type: 'noise', address_id: anAddress(), parties: [{ name: '钱多多' }, { name: '孙少少' }],
    summary: '楼上装修噪声', client_key: 'it-m1',
  }), 201);
  assert.equal(m.status, 'open');
  assert.deepEqual(m.parties.map((p) => p.name), ['钱**', '孙**']);
  assert.equal(m.repeat, true);  // the demo has disputes at this address
  expectStatus(await patch(officer, `/community/mediations/${m.id}`, { status: 'mediating', version: 1 }), 200);
  expectError(await patch(officer, `/community/mediations/${m.id}`, { status: 'closed', outcome: 'success' }),
    400, 'invalid_argument', { agreement: 'required' });
  expectError(await patch(officer, `/community/mediations/${m.id}`, { status: 'closed', outcome: 'won' }),
    400, 'invalid_argument', { outcome: 'invalid_enum' });
  const closed = expectStatus(await patch(officer, `/community/mediations/${m.id}`,
    { status: 'closed', outcome: 'success', agreement: '装修限定在白天进行。', version: 2 }), 200);
  assert.equal(closed.outcome, 'success');
  assert.equal(closed.agreement, '装修限定在白天进行。');
  expectStatus(await patch(officer, `/community/mediations/${m.id}`,
    { status: 'closed', outcome: 'success', agreement: '装修限定在白天进行。' }), 200);
  expectError(await patch(officer, `/community/mediations/${m.id}`, { status: 'mediating' }), 409, 'conflict',
    { status: 'not_allowed' });
  const events = sql(`SELECT action FROM audit_log WHERE object = 'mediation:${m.id}' AND result = 'ok' ORDER BY id`);
  assert.deepEqual(events.split('\n'), ['community.mediation.create', 'community.mediation.update',
    'community.mediation.close', 'community.mediation.close.replay']);
  expectError(await officer.post('/community/mediations', { dispute_type: 'dragons', parties: [{ name: '甲' }] }),
    400, 'invalid_argument', { dispute_type: 'invalid_enum' });
});

test('tasks: the leader assigns with a working-day limit, the officer reports; audited', async () => {
  const leader = await loggedIn(server, 'leader');
  const officer = await loggedIn(server, 'officer');
  const officerId = Number(sql("SELECT id FROM users WHERE username = 'officer'"));
  const t = expectStatus(await leader.post('/community/tasks', {
    title: '核查新登记流动人口', assignee_id: officerId, limit_working_days: 3, client_key: 'it-t1',
  }), 201);
  assert.equal(t.limit_working_days, 3);
  assert.equal(t.status, 'open');
  // The end of a China day, at least three days ahead.
  assert.match(new Date(Date.parse(t.due_at) + 8 * 3600_000).toISOString(), /T23:59:59/);
  assert.ok(Date.parse(t.due_at) > Date.now() + 3 * 86400_000 - 86400_000);
  assert.equal(expectStatus(await leader.post('/community/tasks', {
    title: '核查新登记流动人口', assignee_id: officerId, limit_working_days: 3, client_key: 'it-t1',
  }), 200).id, t.id);
  const mine = expectStatus(await officer.get('/community/tasks?mine=1&page_size=200'), 200);
  assert.ok(mine.items.some((x) => x.id === t.id));
  const done = expectStatus(await officer.post(`/community/tasks/${t.id}/report`,
    { report: '已核查12人，信息均已更新。', longitude: 104.07, latitude: 30.67, client_key: 'it-r1' }), 200);
  assert.equal(done.status, 'done');
  assert.equal(done.report_longitude, 104.07);
  expectStatus(await officer.post(`/community/tasks/${t.id}/report`, { report: '已核查12人，信息均已更新。', client_key: 'it-r1' }), 200);
  expectError(await officer.post(`/community/tasks/${t.id}/report`, { report: '再报一次' }), 409, 'conflict',
    { status: 'already_done' });
  const events = sql(`SELECT action FROM audit_log WHERE object = 'task:${t.id}' AND result = 'ok' ORDER BY id`);
  assert.deepEqual(events.split('\n'), ['community.task.assign', 'community.task.assign.replay',
    'community.task.complete', 'community.task.complete.replay']);
  expectError(await leader.post('/community/tasks', { title: 'x', assignee_id: officerId, due_at: isoTime(-60) }),
    400, 'invalid_argument', { due_at: 'in_past' });
  expectError(await leader.post('/community/tasks', { title: 'x', due_at: isoTime(3600) }),
    400, 'invalid_argument', { assignee_id: 'required' });
});

test('permissions: who may write what', async () => {
  const leader = await loggedIn(server, 'leader');
  const officer = await loggedIn(server, 'officer');
  const custodian = await loggedIn(server, 'custodian');
  const sysadmin = await loggedIn(server, 'sysadmin');
  expectError(await leader.post('/community/visits', { address_id: anAddress(), findings: 'x' }), 403);
  expectError(await officer.post('/community/tasks', { title: 'x', due_at: isoTime(3600) }), 403);
  for (const c of [custodian, sysadmin]) {
    expectError(await c.get('/community/visits'), 403);
    expectError(await c.get('/community/tasks'), 403);
  }
  expectError(await officer.post('/community/visits', { address_id: anAddress() }), 400, 'invalid_argument',
    { findings: 'required' });
  expectError(await officer.post('/community/visits', { findings: 'x', address_id: 'NO-SUCH' }), 400,
    'invalid_argument', { address_id: 'not_found' });
  expectError(await officer.get('/community/visits?from=tomorrow'), 400, 'invalid_argument', { from: 'invalid_time' });
  expectStatus(await officer.post('/community/work/exported', { kind: 'visits', rows: 3, filters: {} }), 204);
  assert.equal(sql("SELECT object FROM audit_log WHERE action = 'community.work.export' ORDER BY id DESC LIMIT 1"),
    'visits_export');
});
