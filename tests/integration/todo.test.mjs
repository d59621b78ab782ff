// The to-do centre, 督办 / 催办 and the collapsed inbox through the real server (issue 13): a count changes when
// the work behind it is done; the legal reviewer is told of a submitted case; a 督办 reaches the unit head of the
// case's unit only, within the sender's scope; repeats in the inbox are one line with their count.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, loggedIn } from './lib/server.mjs';
import { expectError, expectStatus } from './lib/expect.mjs';

let server;
before(async () => { server = await startServer('todo'); });
after(async () => { await server?.cleanup(); });

const hoursAgo = (h) => new Date(Date.now() - h * 3600_000).toISOString().replace(/\.\d+Z$/, 'Z');
// A China date `days` from today.
const chinaDate = (days) => new Date(Date.now() + 8 * 3600_000 + days * 86400_000).toISOString().slice(0, 10);

async function act(c, id, action, extra = {}) {
  const k = expectStatus(await c.get(`/cases/${id}`), 200);
  return expectStatus(await c.post(`/cases/${id}/events`, { action, expected_version: k.version, ...extra }), 201);
}

async function count(c, kind) {
  const todo = expectStatus(await c.get('/todo'), 200);
  const line = todo.items.find((i) => i.kind === kind);
  return line ? line.count : null;
}

// An administrative case of the officer's unit (城关派出所), proposed for a penalty.
async function proposedCase(officer, cause) {
  const created = expectStatus(await officer.post('/cases', {
    case_type: 'administrative', law: '2025', cause, source: 'walk_in',
    occurred_at: hoursAgo(5), accepted_at: hoursAgo(4), place: { address: '城关镇人民路2号' }, facts: '经查属实',
  }), 201);
  await act(officer, created.id, 'file');
  await act(officer, created.id, 'start_investigation');
  await act(officer, created.id, 'propose_penalty', { reason: '拟罚款三百元' });
  return created;
}

test('to-do: the reviewer is told of a submitted case; review and problem counts follow the work', async () => {
  const officer = await loggedIn(server, 'officer');
  const legal = await loggedIn(server, 'legal');

  // Each reader sees the lines of their own work only.
  assert.equal(await count(officer, 'cases.review'), null, 'an officer reviews nothing');
  const duty = await loggedIn(server, 'duty');
  assert.equal(await count(duty, 'cases.problems'), null, 'the duty desk answers no review problems');
  assert.equal(await count(duty, 'cases.review'), null);
  const reviewBefore = await count(legal, 'cases.review');
  const problemsBefore = await count(officer, 'cases.problems');
  assert.equal(typeof reviewBefore, 'number');

  const created = await proposedCase(officer, '殴打他人');
  let k = expectStatus(await officer.get(`/cases/${created.id}`), 200);
  expectStatus(await officer.post(`/review/cases/${created.id}/submit`, { expected_version: k.version }), 200);

  // The reviewer's inbox names the case; the to-do counts it and lists it with a link to it.
  const inbox = expectStatus(await legal.get('/notifications?unread=1&page_size=50'), 200);
  const note = inbox.items.find((n) => n.code === 'cases.review.submitted' && n.params.case_no === created.case_no);
  assert.ok(note, JSON.stringify(inbox.items.slice(0, 3)));
  assert.match(note.title, /待法制审核/);
  assert.equal(await count(legal, 'cases.review'), reviewBefore + 1);
  const detail = expectStatus(await legal.get('/todo?detail=1&kind=cases.review&limit=100'), 200);
  assert.equal(detail.items.length, 1);
  assert.ok(detail.items[0].entries.some((e) => e.link === `/cases/${created.id}`), JSON.stringify(detail.items[0]));

  // Returned with a problem: off the reviewer's list, onto the officer's.
  const queue = expectStatus(await legal.get('/review/queue'), 200);
  const item = queue.items.find((x) => x.case_id === created.id);
  expectStatus(await legal.post(`/review/cases/${created.id}/opinion`, {
    opinion: 'return', expected_version: item.version, problems: [{ type: 'problem_evidence', text: '缺少证人证言' }],
  }), 200);
  assert.equal(await count(legal, 'cases.review'), reviewBefore);
  assert.equal(await count(officer, 'cases.problems'), problemsBefore + 1);

  // Answered: off the officer's list; resubmitted: the reviewer is told again.
  const mine = expectStatus(await officer.get('/review/problems?open=1'), 200);
  for (const p of mine.items.filter((x) => x.case_id === created.id))
    expectStatus(await officer.post(`/review/problems/${p.id}/answer`, { answer: '已补充证人证言' }), 200);
  assert.equal(await count(officer, 'cases.problems'), problemsBefore);
  k = expectStatus(await officer.get(`/cases/${created.id}`), 200);
  expectStatus(await officer.post(`/cases/${created.id}/events`, { action: 'submit_review', expected_version: k.version }), 201);
  const again = expectStatus(await legal.get('/notifications?unread=1&page_size=50'), 200);
  assert.equal(again.items.filter((n) => n.code === 'cases.review.submitted' && n.params.case_no === created.case_no).length, 2);
  assert.equal(await count(legal, 'cases.review'), reviewBefore + 1);

  // Approved: off the reviewer's list, onto the leader's (the decision after legal review).
  const leader = await loggedIn(server, 'leader');
  const decideBefore = await count(leader, 'cases.decide');
  const item2 = expectStatus(await legal.get('/review/queue'), 200).items.find((x) => x.case_id === created.id);
  expectStatus(await legal.post(`/review/cases/${created.id}/opinion`, { opinion: 'approve', expected_version: item2.version }), 200);
  assert.equal(await count(legal, 'cases.review'), reviewBefore);
  assert.equal(await count(leader, 'cases.decide'), decideBefore + 1);
  assert.equal(await count(officer, 'cases.decide'), null, 'officers decide nothing');
});

test('督办: the leader urges, the unit head sees it in to-do and answers; permission and scope hold', async () => {
  const officer = await loggedIn(server, 'officer');
  const leader = await loggedIn(server, 'leader');
  const chief = await loggedIn(server, 'chief');    // head of 城关派出所, the case's unit
  const chief2 = await loggedIn(server, 'chief2');  // head of 东城派出所
  const created = await proposedCase(officer, '盗窃');
  const id = created.id;

  const before = await count(chief, 'cases.urged');
  const before2 = await count(chief2, 'cases.urged');
  assert.equal(await count(officer, 'cases.urged'), null, 'officers do not receive 督办');

  // Who may send: not an officer (permission); not the head of another unit (scope: told "not found").
  expectError(await officer.post(`/cases/${id}/urgings`, { message: '尽快办结', due_date: chinaDate(3) }), 403, 'permission_denied');
  expectError(await chief2.post(`/cases/${id}/urgings`, { message: '尽快办结', due_date: chinaDate(3) }), 404, 'not_found');
  // What: a message and a deadline not in the past, each named when wrong.
  let bad = expectError(await leader.post(`/cases/${id}/urgings`, { due_date: chinaDate(3) }), 400, 'invalid_argument');
  assert.equal(bad.fields.message, 'required');
  bad = expectError(await leader.post(`/cases/${id}/urgings`, { message: '尽快', due_date: chinaDate(-1) }), 400, 'invalid_argument');
  assert.equal(bad.fields.due_date, 'past');
  bad = expectError(await leader.post(`/cases/${id}/urgings`, { message: '尽快', due_date: '2026-13-01' }), 400, 'invalid_argument');
  assert.equal(bad.fields.due_date, 'invalid_date');

  const urged = expectStatus(await leader.post(`/cases/${id}/urgings`, { message: '该案已超期，请尽快办结', due_date: chinaDate(3) }), 201);
  assert.equal(urged.kind, 'urge');
  assert.equal(urged.due_date, chinaDate(3));
  assert.equal(urged.recipients, 1);

  // The head of the case's unit: a to-do line with the case and a notification; the other head: nothing.
  assert.equal(await count(chief, 'cases.urged'), before + 1);
  assert.equal(await count(chief2, 'cases.urged'), before2);
  const detail = expectStatus(await chief.get('/todo?detail=1&kind=cases.urged'), 200);
  const entry = detail.items[0].entries.find((e) => e.link === `/cases/${id}`);
  assert.ok(entry && entry.due === chinaDate(3) && entry.detail === '该案已超期，请尽快办结', JSON.stringify(detail));
  const inbox = expectStatus(await chief.get('/notifications?unread=1'), 200);
  assert.ok(inbox.items.some((n) => n.code === 'cases.urge.issued' && n.params.case_no === created.case_no));
  const inbox2 = expectStatus(await chief2.get('/notifications?unread=1'), 200);
  assert.ok(!inbox2.items.some((n) => n.code === 'cases.urge.issued' && n.params.case_no === created.case_no));

  // On the case: the urging list and the timeline (for everyone who may read the case).
  const list = expectStatus(await officer.get(`/cases/${id}/urgings`), 200);
  assert.equal(list.items.length, 1);
  const k = expectStatus(await officer.get(`/cases/${id}`), 200);
  const events = k.events ?? expectStatus(await officer.get(`/cases/${id}/events`), 200).items;
  assert.ok(events.some((e) => e.action === 'urge'), JSON.stringify(events.map((e) => e.action)));
  expectError(await chief2.get(`/cases/${id}/urgings`), 404, 'not_found');

  // 催办: only on an unanswered 督办 of this case.
  expectStatus(await leader.post(`/cases/${id}/urgings/${urged.id}/remind`, { message: '请今日回复' }), 201);
  expectError(await leader.post(`/cases/${id}/urgings/999999/remind`, { message: '请今日回复' }), 404, 'not_found');

  // The answer: only by a head of the case's unit; it closes the line in their to-do.
  expectError(await officer.post(`/cases/${id}/urgings/${urged.id}/answer`, { answer: '已办结' }), 403, 'permission_denied');
  expectError(await chief2.post(`/cases/${id}/urgings/${urged.id}/answer`, { answer: '已办结' }), 404, 'not_found');
  expectStatus(await chief.post(`/cases/${id}/urgings/${urged.id}/answer`, { answer: '已安排专人，三日内办结' }), 201);
  assert.equal(await count(chief, 'cases.urged'), before);
  expectError(await leader.post(`/cases/${id}/urgings/${urged.id}/remind`, { message: '再催' }), 409, 'conflict');
  const leaderInbox = expectStatus(await leader.get('/notifications?unread=1&page_size=50'), 200);
  assert.ok(leaderInbox.items.some((n) => n.code === 'cases.urge.answered' && n.params.case_no === created.case_no));

  // Audited: the audit administrator finds the 督办 by its action.
  const audit = await loggedIn(server, 'auditadmin');
  const found = expectStatus(await audit.get('/audit?action=case.urge&page_size=50'), 200);
  assert.ok(found.items.some((r) => String(r.object ?? r.object_id ?? JSON.stringify(r)).includes(`case:${id}`)), JSON.stringify(found.items[0]));
});

test('inbox: repeats collapse into one line with their count, expand and are read together', async () => {
  const officer = await loggedIn(server, 'officer');
  const leader = await loggedIn(server, 'leader');
  const chief = await loggedIn(server, 'chief');
  const created = await proposedCase(officer, '寻衅滋事');
  const urged = expectStatus(await leader.post(`/cases/${created.id}/urgings`, { message: '请办结', due_date: chinaDate(2) }), 201);
  for (let i = 0; i < 3; i++)
    expectStatus(await leader.post(`/cases/${created.id}/urgings/${urged.id}/remind`, { message: `第${i + 1}次催办` }), 201);

  const flat = expectStatus(await chief.get('/notifications?unread=1&page_size=200'), 200);
  const reminders = flat.items.filter((n) => n.code === 'cases.urge.reminded' && n.params.case_no === created.case_no);
  assert.equal(reminders.length, 3);

  const collapsed = expectStatus(await chief.get('/notifications?unread=1&collapse=1&page_size=200'), 200);
  const lines = collapsed.items.filter((n) => n.code === 'cases.urge.reminded' && n.params.case_no === created.case_no);
  assert.equal(lines.length, 1, JSON.stringify(lines));
  assert.equal(lines[0].repeats, 3);
  assert.equal(lines[0].unread, 3);
  assert.equal(lines[0].id, Math.max(...reminders.map((n) => n.id)), 'the line is the latest of its repeats');
  assert.equal(collapsed.total, flat.total - 2);
  // The 督办 itself is a different line.
  assert.ok(collapsed.items.some((n) => n.code === 'cases.urge.issued' && n.params.case_no === created.case_no));

  const each = expectStatus(await chief.get(`/notifications/${lines[0].id}/repeats`), 200);
  assert.deepEqual(each.items.map((n) => n.params.message), ['第3次催办', '第2次催办', '第1次催办']);
  // Someone else's notification is not there to expand or mark.
  expectError(await officer.get(`/notifications/${lines[0].id}/repeats`), 404, 'not_found');
  expectError(await officer.post(`/notifications/${lines[0].id}/read-all`, {}), 404, 'not_found');

  const marked = expectStatus(await chief.post(`/notifications/${lines[0].id}/read-all`, {}), 200);
  assert.equal(marked.marked, 3);
  const after = expectStatus(await chief.get('/notifications?unread=1&page_size=200'), 200);
  assert.equal(after.total, flat.total - 3);
});

test('to-do: an alert sent to a station waits for its officers to sign, not for another station', async () => {
  const duty = await loggedIn(server, 'duty');
  const officer = await loggedIn(server, 'officer');  // 城关派出所
  const chief2 = await loggedIn(server, 'chief2');    // 东城派出所 (no alerts.sign: no line at all)
  assert.equal(await count(chief2, 'alerts.sign'), null);
  const units = expectStatus(await duty.get('/alerts/units'), 200).items;
  const station = units.find((u) => u.name === '城关派出所').id;
  const before = await count(officer, 'alerts.sign');
  const dutyBefore = await count(duty, 'alerts.sign');
  const raised = expectStatus(await duty.post('/alerts', {
    colour: 'orange', subject: '川A5T0D0', title: '布控车辆进入城区', unit_ids: [String(station)],
  }), 201);
  assert.equal(await count(officer, 'alerts.sign'), before + 1);
  assert.equal(await count(duty, 'alerts.sign'), dutyBefore + 1, 'the alert centre watches every unit');
  const detail = expectStatus(await officer.get('/todo?detail=1&kind=alerts.sign'), 200);
  assert.ok(detail.items[0].entries.some((e) => e.id === raised.id && e.title.includes('川A5T0D0')));
  expectStatus(await officer.post(`/alerts/${raised.id}/sign`, {}), 200);
  assert.equal(await count(officer, 'alerts.sign'), before);
});
