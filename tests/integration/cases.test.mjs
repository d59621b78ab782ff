// Case management over HTTP (docs/http_api.md "## Cases"), on the real server: acceptance with a query code sent
// by SMS, masking and the purpose-bound full record, the lifecycle with roles, optimistic concurrency and
// idempotency, clocks, documents, and the public progress page with its rate limit.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, loggedIn, execSql } from './lib/server.mjs';
import { expectError, expectStatus } from './lib/expect.mjs';

let server;
before(async () => { server = await startServer('cases'); });
after(async () => { await server?.cleanup(); });

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

const newCase = (extra = {}) => ({
  case_type: 'administrative',
  cause: '殴打他人',
  source: 'call_110',
  occurred_at: new Date(Date.now() - 3600_000).toISOString().replace(/\.\d+Z$/, 'Z'),
  place: { address: '示范县城关镇人民路12号', lon: 104.06, lat: 30.67 },
  facts: '报警人称在人民路被人殴打。',
  people: [
    { role: 'reporter', name: '张三', id_type: 'resident_id', id_number: '11010519491231002X', phone: '13812345678',
      address: '人民路1号' },
    { role: 'suspect', name: '李四', id_type: 'none' },
  ],
  ...extra,
});

// The query code the demo SMS gateway sent for a case number, read from its demo phone file (the server log has
// SMS texts only masked).
async function codeFor(caseNo) {
  const deadline = Date.now() + 10_000;
  while (Date.now() < deadline) {
    const m = server.sms().match(new RegExp(`案件编号${caseNo}，查询码(\\d{8})`));
    if (m) return m[1];
    await sleep(200);
  }
  throw new Error(`no query code SMS for ${caseNo} in the demo SMS file`);
}

const act = (c, id, action, version, extra = {}) => c.post(`/cases/${id}/events`, { action, expected_version: version, ...extra });

test('an officer accepts a case: numbered, masked, event 1, a query code by SMS; bad input names the field', async () => {
  const c = await loggedIn(server, 'officer');
  const created = expectStatus(await c.post('/cases', newCase()), 201);
  assert.match(created.case_no, /^5199012\d{3}XZ\d{5}$/);
  assert.equal(created.state, 'accepted');
  assert.equal(created.version, 1);
  assert.equal(created.unit_name, '城关派出所');
  assert.equal(created.people[0].name, '张*');
  assert.equal(created.people[0].id_number, '110105********002X');
  assert.equal(created.people[0].phone, '138****5678');
  assert.equal(created.people[0].has_query_code, true);
  assert.equal(created.events.length, 1);
  assert.equal(created.events[0].action, 'accept');
  assert.ok(created.allowed_actions.some((a) => a.action === 'file'));
  assert.match(await codeFor(created.case_no), /^\d{8}$/);

  const before = expectStatus(await c.get('/cases?page_size=200'), 200).total;
  const bad = newCase();
  bad.people = [{ ...bad.people[0], id_number: '110105194912310021' }, { role: 'bystander', name: 'x', id_type: 'none' }];
  expectError(await c.post('/cases', bad), 400, 'invalid_argument',
    { 'people[0].id_number': 'bad_check_character', 'people[1].role': 'bad_value' });
  expectError(await c.post('/cases', { ...newCase(), place: { address: 'x', lon: 200 } }), 400, 'invalid_argument',
    { 'place.lat': 'required' });
  expectError(await c.post('/cases', { ...newCase(), colour: 'red' }), 400, 'invalid_argument', { colour: 'unknown_field' });
  assert.equal(expectStatus(await c.get('/cases?page_size=200'), 200).total, before);

  const admin = await loggedIn(server, 'sysadmin');
  expectError(await admin.get('/cases'), 403, 'permission_denied');
});

test('the full record of a person needs a purpose and a case number, and the read is audited', async () => {
  const c = await loggedIn(server, 'officer');
  const k = expectStatus(await c.post('/cases', newCase()), 201);
  const pid = k.people[0].id;
  expectError(await c.get(`/cases/${k.id}/people/${pid}`), 400, 'invalid_argument', { purpose: 'required', case_no: 'required' });
  const full = expectStatus(await c.get(`/cases/${k.id}/people/${pid}?purpose=${encodeURIComponent('询问核实')}&case_no=${k.case_no}`), 200);
  assert.equal(full.name, '张三');
  assert.equal(full.id_number, '11010519491231002X');
  assert.equal(full.address, '人民路1号');
  const auditor = await loggedIn(server, 'auditadmin');
  const audit = expectStatus(await auditor.get('/audit?action=case.person_read'), 200);
  assert.ok(audit.items.some((r) => r.purpose === '询问核实' && r.case_no === k.case_no), JSON.stringify(audit.items.slice(0, 2)));
});

test('lifecycle: roles, stale versions, idempotency keys, review and decision; clocks appear', async () => {
  const officer = await loggedIn(server, 'officer');
  const legal = await loggedIn(server, 'legal');
  const leader = await loggedIn(server, 'leader');
  const k = expectStatus(await officer.post('/cases', newCase()), 201);

  const filed = expectStatus(await act(officer, k.id, 'file', 1, { idempotency_key: 'file-1' }), 201);
  assert.equal(filed.case.state, 'filed');
  assert.equal(filed.case.version, 2);
  assert.ok(filed.case.clocks.some((cl) => cl.rule_id === 'zhian_case_2025' && cl.status === 'running'),
    JSON.stringify(filed.case.clocks));
  assert.ok(filed.case.next_deadline && filed.case.next_deadline.deadline);
  // A double click: the same key gives the same event, no second one.
  const again = expectStatus(await act(officer, k.id, 'file', 1, { idempotency_key: 'file-1' }), 200);
  assert.equal(again.event.id, filed.event.id);
  // Someone else's stale write.
  expectError(await act(officer, k.id, 'start_investigation', 1), 409, 'conflict', { expected_version: 'stale' });
  expectError(await act(officer, k.id, 'decide_penalty', 2), 409, 'conflict', { action: 'not_allowed_in_state' });
  expectError(await act(officer, k.id, 'criminal_detention', 2), 400, 'invalid_argument', { action: 'unknown_action' });

  let v = expectStatus(await act(officer, k.id, 'start_investigation', 2), 201).case.version;
  v = expectStatus(await act(officer, k.id, 'propose_penalty', v, { reason: '事实清楚' }), 201).case.version;
  const penalty = expectStatus(await officer.put(`/cases/${k.id}/penalty`,
    { expected_version: v, source: 'manual', penalty: { kind: 'fine', amount_yuan: 500, text: '罚款500元', article: 51 } }), 200);
  v = penalty.version;
  assert.equal(penalty.penalty.data.amount_yuan, 500);
  v = expectStatus(await act(officer, k.id, 'submit_review', v), 201).case.version;
  expectError(await act(officer, k.id, 'review_approved', v), 403, 'permission_denied', { action: 'role_not_allowed' });
  const inQueue = expectStatus(await legal.get(`/cases/${k.id}`), 200);  // reviewers read every unit's cases
  assert.deepEqual(inQueue.allowed_actions.map((a) => a.action).sort(), ['return_review', 'review_approved']);
  v = expectStatus(await act(legal, k.id, 'return_review', v, { reason: '证据不足' }), 201).case.version;
  v = expectStatus(await act(officer, k.id, 'submit_review', v), 201).case.version;
  expectError(await act(leader, k.id, 'decide_penalty', v), 409, 'conflict', { review: 'not_approved' });
  v = expectStatus(await act(legal, k.id, 'review_approved', v), 201).case.version;
  const decided = expectStatus(await act(leader, k.id, 'decide_penalty', v), 201);
  assert.equal(decided.case.outcome, 'penalty');
  assert.equal(decided.event.actor.police_no, '990008');
  const timeline = decided.case.events.map((e) => e.action);
  assert.deepEqual(timeline.slice(0, 3), ['accept', 'file', 'start_investigation']);
  assert.ok(timeline.includes('return_review') && timeline.includes('penalty_recorded'));
});

test('documents print as HTML and PDF once the case reached the step', async () => {
  const c = await loggedIn(server, 'officer');
  const k = expectStatus(await c.post('/cases', newCase()), 201);
  // The acceptance form prints the people whole: it needs a stated purpose like their full record (ADR 0018).
  const purpose = `purpose=${encodeURIComponent('交当事人签字')}&case_no=${k.case_no}`;
  expectError(await c.get(`/cases/${k.id}/documents/acceptance_form.html`), 400, 'invalid_argument', { purpose: 'required' });
  const html = await c.get(`/cases/${k.id}/documents/acceptance_form.html?${purpose}`);
  assert.equal(html.status, 200);
  assert.match(html.text, /受案登记表/);
  assert.match(html.text, new RegExp(k.case_no));
  assert.match(html.text, /11010519491231002X/);
  const pdf = await c.get(`/cases/${k.id}/documents/acceptance_form.pdf?${purpose}`);
  assert.equal(pdf.status, 200);
  assert.equal(pdf.bytes.subarray(0, 4).toString(), '%PDF');
  expectError(await c.get(`/cases/${k.id}/documents/filing_decision.html`), 409, 'conflict', { document: 'not_yet' });
  expectStatus(await act(c, k.id, 'file', 1), 201);
  const decision = await c.get(`/cases/${k.id}/documents/filing_decision.html`);
  assert.equal(decision.status, 200);
  assert.match(decision.text, /立案决定书/);
  assert.match(decision.text, /第九十条/);
  expectError(await c.get(`/cases/${k.id}/documents/nothing.html`), 404, 'not_found');
});

test('public progress: stage, unit, officer surname, next step — nobody else; wrong codes refused; rate limit', async () => {
  const c = await loggedIn(server, 'officer');
  const k = expectStatus(await c.post('/cases', newCase()), 201);
  expectStatus(await act(c, k.id, 'file', 1), 201);
  const code = await codeFor(k.case_no);
  const anon = server.client();
  const p = expectStatus(await anon.post('/public/case-progress', { case_no: k.case_no, query_code: code }), 200);
  assert.equal(p.stage, 'filed');
  assert.equal(p.unit_name, '城关派出所');
  assert.deepEqual(p.officer, { police_no: '990004', surname: '王' });
  assert.equal(p.next_step.action, 'start_investigation');
  assert.match(p.next_step.deadline, /^\d{4}-\d{2}-\d{2}$/);
  for (const secret of ['张三', '李四', '13812345678', '11010519491231002X', '王志强', '人民路']) {
    assert.ok(!JSON.stringify(p).includes(secret), secret);
  }
  // Revoked codes stop working.
  const codes = expectStatus(await c.get(`/cases/${k.id}`), 200).query_codes;
  expectStatus(await c.post(`/cases/${k.id}/query-codes/${codes[0].id}/revoke`, {}), 204);
  expectError(await anon.post('/public/case-progress', { case_no: k.case_no, query_code: code }), 404, 'not_found');
  const reissued = expectStatus(await c.post(`/cases/${k.id}/query-codes`, { person_id: k.people[0].id }), 201);
  assert.ok(reissued.id > codes[0].id);
  await sleep(1500);
  const fresh = server.sms().match(new RegExp(`案件编号${k.case_no}，查询码(\\d{8})`, 'g')).pop().slice(-8);

  // Failures: this address already has one; four more and even the right code is refused.
  for (let i = 0; i < 4; i++) {
    expectError(await anon.post('/public/case-progress', { case_no: k.case_no, query_code: '00000000' }), 404, 'not_found');
  }
  const limited = await anon.post('/public/case-progress', { case_no: k.case_no, query_code: fresh });
  expectError(limited, 429, 'rate_limited');
  const auditor = await loggedIn(server, 'auditadmin');
  const failed = expectStatus(await auditor.get('/audit?action=case.public_progress&result=failed'), 200);
  assert.ok(failed.total >= 5, `failed attempts audited: ${failed.total}`);
  assert.equal(Number(execSql(server.db, 'SELECT COUNT(*) FROM case_query_attempts WHERE ok = 0').trim()), 5);
});
