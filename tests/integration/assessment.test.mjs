// Community-police assessment through the real server: work done through a real route (a case filed) reaches the
// officer's items from the audit chain exactly once with the record that produced it; the ranking; an appeal the
// leader upholds changes the score; rules editions; the other ways in (another officer's items, another station,
// administrators); the public results page shows police numbers and no names, and is rate-limited.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, loggedIn, rawRequest } from './lib/server.mjs';
import { expectError, expectStatus } from './lib/expect.mjs';

let server;
before(async () => { server = await startServer('assessment'); });
after(async () => { await server?.cleanup(); });

const hoursAgo = (h) => new Date(Date.now() - h * 3600_000).toISOString().replace(/\.\d+Z$/, 'Z');
const chinaMonth = () => new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 7);

async function fileCase(officer) {
  const created = expectStatus(await officer.post('/cases', {
    case_type: 'administrative', law: '2025', cause: '殴打他人', source: 'walk_in',
    occurred_at: hoursAgo(5), accepted_at: hoursAgo(4), place: { address: '城关镇人民路1号' }, facts: '双方争执',
  }), 201);
  const k = expectStatus(await officer.get(`/cases/${created.id}`), 200);
  expectStatus(await officer.post(`/cases/${created.id}/events`, { action: 'file', expected_version: k.version }), 201);
  return created.id;
}

test('a filed case becomes an item with its audit record, once; an upheld appeal changes the score', async () => {
  const officer = await loggedIn(server, 'officer');
  const leader = await loggedIn(server, 'leader');
  const month = chinaMonth();
  const me = expectStatus(await officer.get('/session'), 200);
  const myId = me.user?.id ?? me.id;
  assert.ok(myId, JSON.stringify(me));

  const before = expectStatus(await officer.get(`/assessment/officers/${myId}/items?month=${month}`), 200);
  const caseId = await fileCase(officer);
  const first = expectStatus(await leader.post('/assessment/import', {}), 200);
  assert.ok(first.items >= 1, JSON.stringify(first));
  const again = expectStatus(await leader.post('/assessment/import', {}), 200);
  assert.equal(again.items, 0);  // run twice: nothing counted twice

  const after1 = expectStatus(await officer.get(`/assessment/officers/${myId}/items?month=${month}`), 200);
  const filed = after1.items.filter((i) => i.code === 'case_filed');
  assert.equal(filed.length, before.items.filter((i) => i.code === 'case_filed').length + 1);
  const item = filed.find((i) => i.object === `case:${caseId}`);
  assert.ok(item, JSON.stringify(after1.items.slice(-3)));
  assert.equal(item.event, 'case.event/file');
  assert.equal(item.points, 2);
  assert.ok(Number.isInteger(item.audit_id));
  assert.ok(item.basis.length > 0);
  assert.equal(after1.counted_total, before.counted_total + item.counted);

  const scoreOf = async () => {
    const s = expectStatus(await leader.get(`/assessment/scores?month=${month}`), 200);
    return s.officers.find((o) => o.officer_id === myId);
  };
  const s1 = await scoreOf();
  assert.ok(s1 && s1.rank >= 1, 'the officer is ranked');
  const ranks = (await leader.get(`/assessment/scores?month=${month}`)).json.officers.map((o) => o.rank);
  for (let i = 1; i < ranks.length; ++i) assert.ok(ranks[i] >= ranks[i - 1]);

  // The officer appeals; the leader upholds; the item is void and the score drops by what it counted.
  expectError(await officer.post(`/assessment/items/${item.id}/appeal`, {}), 400, 'invalid_argument', { reason: 'required' });
  const appeal = expectStatus(await officer.post(`/assessment/items/${item.id}/appeal`, { reason: '该案由他人主办' }), 201);
  expectError(await officer.post(`/assessment/appeals/${appeal.appeal_id}/decide`, { outcome: 'upheld', opinion: 'x' }),
    403, 'permission_denied');
  const queue = expectStatus(await leader.get('/assessment/appeals?status=pending'), 200);
  assert.ok(queue.items.some((a) => a.id === appeal.appeal_id));
  expectError(await leader.post(`/assessment/appeals/${appeal.appeal_id}/decide`, { outcome: 'maybe', opinion: 'x' }),
    400, 'invalid_argument', { outcome: 'invalid_enum' });
  expectStatus(await leader.post(`/assessment/appeals/${appeal.appeal_id}/decide`,
    { outcome: 'upheld', opinion: '属实' }), 200);
  const s2 = await scoreOf();
  assert.equal(s2.score, s1.score - item.counted);
  const after2 = expectStatus(await officer.get(`/assessment/officers/${myId}/items?month=${month}`), 200);
  const voided = after2.items.find((i) => i.id === item.id);
  assert.equal(voided.voided, true);
  assert.equal(voided.appeal_status, 'upheld');
});

test('the other ways in: another officer\'s items, administrators, a station outside the scope', async () => {
  const officer = await loggedIn(server, 'officer');
  const leader = await loggedIn(server, 'leader');
  const month = chinaMonth();
  const scores = expectStatus(await leader.get(`/assessment/scores?month=${month}`), 200);
  assert.ok(scores.officers.length >= 10, 'the demo month has several officers');
  assert.ok(scores.stations.length >= 2);
  const me = expectStatus(await officer.get('/session'), 200);
  const myId = me.user?.id ?? me.id;
  const other = scores.officers.find((o) => o.officer_id !== myId);
  expectError(await officer.get(`/assessment/officers/${other.officer_id}/items?month=${month}`), 404, 'not_found');
  expectStatus(await leader.get(`/assessment/officers/${other.officer_id}/items?month=${month}`), 200);
  // An officer cannot appeal someone else's item.
  const theirs = expectStatus(await leader.get(`/assessment/officers/${other.officer_id}/items?month=${month}`), 200);
  expectError(await officer.post(`/assessment/items/${theirs.items[0].id}/appeal`, { reason: 'x' }), 404, 'not_found');
  // The officer's own scope: their station's scores only.
  const mine = expectStatus(await officer.get(`/assessment/scores?month=${month}`), 200);
  assert.ok(mine.officers.every((o) => o.unit_id === mine.officers[0].unit_id));
  const elsewhere = scores.stations.find((s) => s.unit_id !== mine.officers[0].unit_id);
  expectError(await officer.get(`/assessment/scores?month=${month}&unit_id=${elsewhere.unit_id}`), 400,
    'invalid_argument', { unit_id: 'out_of_scope' });
  for (const admin of ['sysadmin', 'auditadmin']) {
    const a = await loggedIn(server, admin);
    expectError(await a.get(`/assessment/scores?month=${month}`), 403, 'permission_denied');
  }
  expectError(await officer.get('/assessment/scores?month=2026-13'), 400, 'invalid_argument');
});

test('rules editions: the political-affairs leader adds one from this month; a past month is refused', async () => {
  const officer = await loggedIn(server, 'officer');
  const leader = await loggedIn(server, 'leader');
  const list = expectStatus(await leader.get('/assessment/editions'), 200);
  const current = list.items.find((e) => e.in_force);
  assert.ok(current.rules.find((r) => r.code === 'visit' && r.cap === 40));
  const rules = current.rules.map((r) => (r.code === 'visit' ? { ...r, cap: 50 } : r));
  expectError(await officer.post('/assessment/editions', { effective_month: chinaMonth(), rules }), 403,
    'permission_denied');
  expectError(await leader.post('/assessment/editions', { effective_month: '2020-02', rules }), 400,
    'invalid_argument', { effective_month: 'in_the_past' });
  const bad = rules.map((r) => (r.code === 'visit' ? { ...r, kind: 'bonus' } : r));
  expectError(await leader.post('/assessment/editions', { effective_month: chinaMonth(), rules: bad }), 400,
    'invalid_argument');
  const made = expectStatus(await leader.post('/assessment/editions',
    { effective_month: chinaMonth(), rules, note: '走访上限调整' }), 201);
  const now = expectStatus(await leader.get('/assessment/editions'), 200).items.find((e) => e.in_force);
  assert.equal(now.version, made.version);
  assert.equal(now.rules.find((r) => r.code === 'visit').cap, 50);
});

test('the public results page: no login, police numbers without names, rate-limited', async () => {
  const leader = await loggedIn(server, 'leader');
  const month = chinaMonth();
  const full = expectStatus(await leader.get(`/assessment/scores?month=${month}`), 200);
  const r = await rawRequest(server.port, 'GET', `/api/v1/public/assessment/results?month=${month}`,
    { from: '127.0.0.5' });
  assert.equal(r.status, 200, r.text);
  assert.ok(r.json.officers.length > 0 && r.json.stations.length > 0);
  for (const o of r.json.officers) assert.deepEqual(Object.keys(o).sort(), ['police_no', 'rank', 'score', 'unit_name']);
  for (const o of full.officers) assert.ok(!r.text.includes(o.name), `a name leaked: ${o.name}`);
  assert.ok(!/officer_id|"name"|object|audit/.test(r.text));
  let limited = null;
  for (let i = 0; i < 40 && !limited; ++i) {
    const x = await rawRequest(server.port, 'GET', `/api/v1/public/assessment/results?month=${month}`,
      { from: '127.0.0.6' });
    if (x.status === 429) limited = x;
    else assert.equal(x.status, 200);
  }
  assert.ok(limited, 'rate-limited within 40 requests');
  assert.equal(limited.json.code, 'rate_limited');
  // Another address is not affected.
  const other = await rawRequest(server.port, 'GET', '/api/v1/public/assessment/results', { from: '127.0.0.7' });
  assert.equal(other.status, 200);
});
