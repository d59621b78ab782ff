// Vehicle analyses (issue 13): every way to a search or its result checks the stated case number with the one
// function (search_basis.hpp) — a case the user may see, or an exception a leader approved for that user — before
// anything runs or is read. Each test is a way in with a bad case number: a well-formed number that is no case,
// and another unit's case, must get the same answer (the reply must not tell which numbers exist).
// The WebSocket (/api/v1/ws) only pushes notifications and reads nothing a client sends: it is no way in.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, loggedIn, execSql } from '../integration/lib/server.mjs';
import { expectError, expectStatus } from '../integration/lib/expect.mjs';

const NO_CASE = '5199012026XS99999';
const hdr = (caseNo, purpose = '侦查盗窃案件') => ({ 'X-Purpose': encodeURIComponent(purpose), 'X-Case-No': caseNo });
const PAST = { from: '2026-11-01 00:00:00', to: '2026-11-02 00:00:00' };
const KINDS = {
  trajectory: { plate: '川A12345', ...PAST },
  companion: { plate: '川A12345', ...PAST, window_s: 60, min_checkpoints: 2 },
  collision: { conditions: [{ checkpoints: ['51990100001210000001'], ...PAST }, { checkpoints: ['51990100001210000002'], ...PAST }], min_match: 2 },
  first_seen: { ...PAST, lookback_days: 7 },
  cloned: { ...PAST, max_speed_kmh: 150 },
  night: { ...PAST, night_start: '22:00', night_end: '05:00', min_nights: 1, min_night_share: 0.5 },
};

let server;
let analyst;
let officer;
let leader;
let ownCase;    // a case of the officer's station
let otherCase;  // a case of another station

const taskCount = () => Number(execSql(server.db, 'SELECT COUNT(*) FROM analysis_tasks').trim());

before(async () => {
  server = await startServer('secanalysis');
  analyst = await loggedIn(server, 'analyst');
  officer = await loggedIn(server, 'officer');
  leader = await loggedIn(server, 'leader');
  const unit = execSql(server.db, "SELECT unit_id FROM users WHERE username = 'officer'").trim();
  ownCase = execSql(server.db, `SELECT case_no FROM cases WHERE unit_id = ${unit} ORDER BY id LIMIT 1`).trim();
  otherCase = execSql(server.db, `SELECT case_no FROM cases WHERE unit_id <> ${unit} ORDER BY id LIMIT 1`).trim();
  assert.ok(ownCase && otherCase, 'the demo county has cases in the officer\'s station and in others');
  assert.equal(execSql(server.db, `SELECT COUNT(*) FROM cases WHERE case_no = '${NO_CASE}'`).trim(), '0');
});
after(async () => { await server?.cleanup(); });

test('every kind of analysis refuses a case number that is no case, before it runs', async () => {
  const before = taskCount();
  for (const [kind, params] of Object.entries(KINDS)) {
    const body = expectError(await analyst.post('/checkpoint/analyses', { kind, params }, { headers: hdr(NO_CASE) }),
      400, 'invalid_argument', { case_no: 'unknown_case' });
    assert.equal(body.result, undefined, kind);
    // Asked in the background the same: nothing is queued.
    expectError(await analyst.post('/checkpoint/analyses', { kind, params, background: true }, { headers: hdr(NO_CASE) }),
      400, 'invalid_argument', { case_no: 'unknown_case' });
  }
  // Query parameters instead of headers are the same way in.
  expectError(await analyst.post(`/checkpoint/analyses?purpose=${encodeURIComponent('侦查盗窃案件')}&case_no=${NO_CASE}`,
    { kind: 'trajectory', params: KINDS.trajectory }), 400, 'invalid_argument', { case_no: 'unknown_case' });
  assert.equal(taskCount(), before, 'no task was stored');
});

test('another station\'s case answers exactly like no case; the officer\'s own case runs', async () => {
  const other = expectError(await officer.post('/checkpoint/analyses', { kind: 'trajectory', params: KINDS.trajectory },
    { headers: hdr(otherCase) }), 400, 'invalid_argument', { case_no: 'unknown_case' });
  const none = expectError(await officer.post('/checkpoint/analyses', { kind: 'trajectory', params: KINDS.trajectory },
    { headers: hdr(NO_CASE) }), 400, 'invalid_argument');
  assert.deepEqual(other.fields, none.fields);
  assert.equal(other.message, none.message);
  expectStatus(await officer.post('/checkpoint/analyses', { kind: 'trajectory', params: KINDS.trajectory },
    { headers: hdr(ownCase) }), 201);
});

test('the saved results of a case need a purpose and a case the reader may see', async () => {
  const t = expectStatus(await analyst.post('/checkpoint/analyses', { kind: 'trajectory', params: KINDS.trajectory },
    { headers: hdr(otherCase) }), 201);
  expectStatus(await analyst.post(`/checkpoint/analyses/tasks/${t.task_id}/save`, { case_no: otherCase }), 201);
  // Without a stated purpose, and by the old way (case number only in the query), nothing.
  expectError(await officer.get(`/checkpoint/analyses?case_no=${otherCase}`), 400, 'invalid_argument', { purpose: 'required' });
  const listed = expectError(await officer.get('/checkpoint/analyses', { headers: hdr(otherCase) }), 400,
    'invalid_argument', { case_no: 'unknown_case' });
  assert.equal(listed.items, undefined);
  // Opening the saved result re-checks: the officer of another station does not get it.
  expectError(await officer.get(`/checkpoint/analyses/tasks/${t.task_id}`), 404, 'not_found');
  assert.equal(expectStatus(await analyst.get('/checkpoint/analyses', { headers: hdr(otherCase) }), 200).total, 1);
});

test('save and export refuse a bad case number', async () => {
  const t = expectStatus(await officer.post('/checkpoint/analyses', { kind: 'trajectory', params: KINDS.trajectory },
    { headers: hdr(ownCase) }), 201);
  for (const bad of [NO_CASE, otherCase]) {
    expectError(await officer.post(`/checkpoint/analyses/tasks/${t.task_id}/save`, { case_no: bad }), 400,
      'invalid_argument', { case_no: 'unknown_case' });
    expectError(await officer.post(`/checkpoint/analyses/tasks/${t.task_id}/exported`, { rows: 1 },
      { headers: hdr(bad) }), 400, 'invalid_argument', { case_no: 'unknown_case' });
  }
  expectError(await officer.post(`/checkpoint/analyses/tasks/${t.task_id}/exported`, { rows: 1 }), 400,
    'invalid_argument', { purpose: 'required', case_no: 'required' });
  expectStatus(await officer.post(`/checkpoint/analyses/tasks/${t.task_id}/exported`, { rows: 1 },
    { headers: hdr(ownCase) }), 204);
});

test('an exception is a basis only once approved, only by someone else, only for its requester', async () => {
  const num = '5199012026XS99998';
  const x = expectStatus(await analyst.post('/checkpoint/analyses/exceptions',
    { case_no: num, reason: '外省公安机关协查，案件尚未移交' }), 201);
  const run = (c) => c.post('/checkpoint/analyses', { kind: 'trajectory', params: KINDS.trajectory }, { headers: hdr(num) });
  expectError(await run(analyst), 400, 'invalid_argument', { case_no: 'unknown_case' });  // pending
  // The analyst may not approve (no permission); the officer neither.
  expectError(await analyst.post(`/checkpoint/analyses/exceptions/${x.id}/approve`, {}), 403, 'permission_denied');
  expectError(await officer.post(`/checkpoint/analyses/exceptions/${x.id}/approve`, {}), 403, 'permission_denied');
  // Others' requests are not listed to a requester.
  assert.equal(expectStatus(await officer.get('/checkpoint/analyses/exceptions'), 200).total, 0);
  expectStatus(await leader.post(`/checkpoint/analyses/exceptions/${x.id}/approve`, { note: '同意' }), 200);
  expectStatus(await run(analyst), 201);
  expectError(await run(officer), 400, 'invalid_argument', { case_no: 'unknown_case' });
  // The leader's own request cannot be approved by the leader.
  const own = expectStatus(await leader.post('/checkpoint/analyses/exceptions',
    { case_no: '5199012026XS99997', reason: '紧急查控需要' }), 201);
  expectError(await leader.post(`/checkpoint/analyses/exceptions/${own.id}/approve`, {}), 403, 'permission_denied',
    { decided_by: 'own_request' });
  // A malformed number is no request.
  expectError(await analyst.post('/checkpoint/analyses/exceptions', { case_no: 'abcd', reason: '理由理由' }), 400,
    'invalid_argument', { case_no: 'bad_format' });
});
