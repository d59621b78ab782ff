// Supervision through the real server: the legal reviewer's queue, a returned opinion reaching the officer,
// the officer's answers and resubmission, approval, the leader's dashboard with drill-down, the officer's
// enforcement file, the ranking export, and the permissions around them.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, loggedIn } from './lib/server.mjs';
import { expectError, expectStatus } from './lib/expect.mjs';

let server;
before(async () => { server = await startServer('supervision'); });
after(async () => { await server?.cleanup(); });

const hoursAgo = (h) => new Date(Date.now() - h * 3600_000).toISOString().replace(/\.\d+Z$/, 'Z');

async function act(c, id, action, extra = {}) {
  const k = expectStatus(await c.get(`/cases/${id}`), 200);
  return expectStatus(await c.post(`/cases/${id}/events`, { action, expected_version: k.version, ...extra }), 201);
}

test('review: queue → return with problems → officer answers → resubmit → approve; dashboard and file follow', async () => {
  const officer = await loggedIn(server, 'officer');
  const legal = await loggedIn(server, 'legal');
  const leader = await loggedIn(server, 'leader');

  const created = expectStatus(await officer.post('/cases', {
    case_type: 'administrative', law: '2025', cause: '殴打他人', source: 'walk_in',
    occurred_at: hoursAgo(5), accepted_at: hoursAgo(4), place: { address: '城关镇人民路1号' }, facts: '双方争执',
  }), 201);
  const id = created.id;
  await act(officer, id, 'file');
  await act(officer, id, 'start_investigation');
  await act(officer, id, 'propose_penalty', { reason: '拟罚款五百元' });
  let k = expectStatus(await officer.get(`/cases/${id}`), 200);
  expectStatus(await officer.post(`/review/cases/${id}/submit`, { expected_version: k.version }), 200);

  // The reviewer's queue holds the case; officers have no queue.
  const queue = expectStatus(await legal.get('/review/queue'), 200);
  const item = queue.items.find((x) => x.case_id === id);
  assert.ok(item, JSON.stringify(queue));
  expectError(await officer.get('/review/queue'), 403, 'permission_denied');

  // Bad opinions name the field; the reviewer returns the case with two problems.
  const types = expectStatus(await legal.get('/review/problem-types'), 200).items.map((t) => t.code);
  assert.ok(types.includes('problem_evidence') && types.includes('missing_document'));
  const bad = expectError(await legal.post(`/review/cases/${id}/opinion`,
    { opinion: 'return', expected_version: item.version, problems: [{ type: 'nope', text: 'x' }] }), 400, 'invalid_argument');
  assert.ok('problems[0].type' in bad.fields, JSON.stringify(bad.fields));
  const returned = expectStatus(await legal.post(`/review/cases/${id}/opinion`, {
    opinion: 'return', comment: '证据不足', expected_version: item.version,
    problems: [{ type: 'problem_evidence', text: '缺少证人证言' }, { type: 'missing_document', text: '缺少告知笔录' }],
  }), 200);
  assert.equal(returned.state, 'penalty_proposed');
  assert.equal(returned.problems.length, 2);

  // The problems reached the officer's inbox at once.
  const inbox = expectStatus(await officer.get('/notifications'), 200);
  assert.ok(inbox.items.filter((n) => n.kind === 'review').length >= 2, JSON.stringify(inbox.items));
  const mine = expectStatus(await officer.get('/review/problems?open=1'), 200);
  assert.equal(mine.items.length, 2);

  // Not back to review until every problem is answered.
  k = expectStatus(await officer.get(`/cases/${id}`), 200);
  expectError(await officer.post(`/review/cases/${id}/submit`, { expected_version: k.version }), 409, 'conflict');
  // …nor through the generic action endpoint.
  const viaEvents = expectError(await officer.post(`/cases/${id}/events`,
    { action: 'submit_review', expected_version: k.version }), 409, 'conflict');
  assert.equal(viaEvents.fields.problems, 'unanswered');
  for (const p of mine.items) {
    expectStatus(await officer.post(`/review/problems/${p.id}/answer`, { answer: '已补充' }), 200);
  }
  expectError(await officer.post(`/review/problems/${mine.items[0].id}/answer`, { answer: '再答' }), 409, 'conflict');
  k = expectStatus(await officer.get(`/cases/${id}`), 200);
  expectStatus(await officer.post(`/review/cases/${id}/submit`, { expected_version: k.version }), 200);

  // The dashboard shows the case as returned until it is approved, with drill-down to it.
  let dash = expectStatus(await leader.get('/supervision/dashboard'), 200);
  assert.ok(dash.totals.open >= 1 && dash.totals.returned >= 1, JSON.stringify(dash.totals));
  const drill = expectStatus(await leader.get(`/supervision/dashboard?bucket=returned&unit_id=${created.unit_id}`), 200);
  assert.ok(drill.cases.some((x) => x.id === id), JSON.stringify(drill.cases));
  const unitRow = dash.units.find((u) => u.unit_id === created.unit_id);
  assert.equal(drill.cases.length, unitRow.counts.returned);
  expectError(await leader.get('/supervision/dashboard?bucket=sideways'), 400, 'invalid_argument');
  expectError(await officer.get('/supervision/dashboard'), 403, 'permission_denied');

  const again = expectStatus(await legal.get('/review/queue'), 200).items.find((x) => x.case_id === id);
  const approved = expectStatus(await legal.post(`/review/cases/${id}/opinion`,
    { opinion: 'approve', expected_version: again.version }), 200);
  assert.equal(approved.review.round, 2);
  dash = expectStatus(await leader.get(`/supervision/dashboard?bucket=returned&unit_id=${created.unit_id}`), 200);
  assert.ok(!dash.cases.some((x) => x.id === id));

  const steps = expectStatus(await officer.get(`/review/cases/${id}`), 200).steps.map((s) => s.step);
  assert.deepEqual(steps, ['submitted', 'returned', 'problem_answered', 'problem_answered', 'resubmitted', 'approved']);

  // The officer's enforcement file carries the deductions; others' files need the scores permission.
  const me = expectStatus(await officer.get('/session'), 200);
  const userId = me.user?.id ?? me.id;
  const file = expectStatus(await officer.get(`/supervision/officers/${userId}/file`), 200);
  assert.ok(file.items.some((i) => i.code === 'review_returned'), JSON.stringify(file.items));
  const csv = await leader.get('/supervision/ranking/export.csv');
  assert.equal(csv.status, 200);
  assert.deepEqual([...csv.bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf]);
  expectError(await officer.get('/supervision/ranking'), 403, 'permission_denied');
});

test('policy: the leader sets lead times, bad values name the field', async () => {
  const leader = await loggedIn(server, 'leader');
  const set = expectStatus(await leader.put('/supervision/policy',
    { lead_days: [5, 1, 0], escalate_after_days: 1, letter_after_days: 3, letter_fix_days: 7 }), 200);
  assert.deepEqual(set.lead_days, [5, 1, 0]);
  assert.deepEqual(expectStatus(await leader.get('/supervision/policy'), 200).lead_days, [5, 1, 0]);
  const bad = expectError(await leader.put('/supervision/policy',
    { lead_days: [3], escalate_after_days: 5, letter_after_days: 2, letter_fix_days: 7 }), 400, 'invalid_argument');
  assert.ok('letter_after_days' in bad.fields, JSON.stringify(bad.fields));
  assert.ok(Array.isArray(expectStatus(await leader.get('/supervision/letters'), 200).items));
  const rules = expectStatus(await leader.get('/supervision/score-rules'), 200).items;
  assert.ok(rules.every((r) => r.basis.length > 0) && rules.some((r) => r.code === 'overdue'));
  expectError(await leader.get('/supervision/letters/999999?format=pdf'), 404, 'not_found');
  const officer = await loggedIn(server, 'officer');
  expectError(await officer.put('/supervision/policy',
    { lead_days: [3], escalate_after_days: 1, letter_after_days: 3, letter_fix_days: 7 }), 403, 'permission_denied');
});
