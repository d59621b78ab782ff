// The daily work's leftovers (issue 13) through the real server: citations with the law's full name and no edition,
// the article of a hand-recorded penalty on the papers; the calculator's first violation and prior restriction of
// liberty taken from the case and the master index (departing needs a reason, audited); the cause's articles from
// the data file; the 部门负责人 box from the department head's approval; the to-do kinds of other modules, each
// count moving when the work is done.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, loggedIn, execSql } from './lib/server.mjs';
import { expectError, expectStatus } from './lib/expect.mjs';
import { EVIDENCE, iso } from './lib/penalty_case.mjs';

let server;
let officer, legal, leader;
before(async () => {
  server = await startServer('daywork');
  [officer, legal, leader] = await Promise.all(['officer', 'legal', 'leader'].map((u) => loggedIn(server, u)));
});
after(async () => { await server?.cleanup(); });

const sql = (q) => execSql(server.db, q).trim();
const chinaDate = (ms) => new Date(ms + 8 * 3600_000).toISOString().slice(0, 10);

// A GB 11643 number (ISO 7064 MOD 11-2 check character); `seq` makes a distinct person.
function residentId(birth, seq) {
  const body = `510105${birth.replaceAll('-', '')}${seq}`;
  const w = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = [...body].reduce((s, d, i) => s + Number(d) * w[i], 0);
  return body + '10X98765432'[sum % 11];
}

const act = async (c, id, action, extra = {}) => {
  const k = expectStatus(await c.get(`/cases/${id}`), 200);
  return expectStatus(await c.post(`/cases/${id}/events`, { action, expected_version: k.version, ...extra }), 201).case;
};
const version = async (id) => expectStatus(await officer.get(`/cases/${id}`), 200).version;

// An administrative case (2025 text) in investigation with one suspect by ID number, its evidence listed.
async function caseInInvestigation({ cause = '殴打他人', idNumber, hoursAgo = 2 }) {
  const k = expectStatus(await officer.post('/cases', {
    case_type: 'administrative', law: '2025', cause, source: 'call_110',
    occurred_at: iso(Date.now() - hoursAgo * 3600_000), place: { address: '示范县城关镇人民路12号' },
    facts: '嫌疑人在人民路殴打他人。',
    people: [{ role: 'suspect', name: '钱小二', id_type: 'resident_id', id_number: idNumber }],
  }), 201);
  await act(officer, k.id, 'file');
  await act(officer, k.id, 'start_investigation');
  for (const e of EVIDENCE)
    expectStatus(await officer.post(`/cases/${k.id}/evidence`, { expected_version: await version(k.id), evidence: e }), 201);
  const c = expectStatus(await officer.get(`/cases/${k.id}`), 200);
  return { ...k, suspect: c.people.find((p) => p.role === 'suspect').id };
}

const manual = (extra = {}) => ({ kind: 'fine', amount_yuan: 500, text: '罚款500元', ...extra });

async function decide(k, penalty = manual({ article: 51, paragraph: 1 })) {
  await act(officer, k.id, 'propose_penalty', { reason: '事实清楚，建议罚款五百元。' });
  expectStatus(await officer.put(`/cases/${k.id}/penalty`, { expected_version: await version(k.id), source: 'manual', penalty }), 200);
  await act(officer, k.id, 'submit_review');
  await act(legal, k.id, 'review_approved', { reason: '同意。' });
  await act(leader, k.id, 'decide_penalty', { reason: '同意。' });
}

const paper = (k, name) => officer.get(`/cases/${k.id}/documents/${name}.html?purpose=${encodeURIComponent('制作法律文书')}&case_no=${k.case_no}`);

test('a hand-recorded penalty asks for its article and the decision cites it with the full name, no edition', async () => {
  const k = await caseInInvestigation({ idNumber: residentId('1988-02-03', '201') });
  await act(officer, k.id, 'propose_penalty', { reason: '建议罚款五百元。' });
  const put = async (penalty) => officer.put(`/cases/${k.id}/penalty`, { expected_version: await version(k.id), source: 'manual', penalty });
  expectError(await put(manual()), 400, 'invalid_argument', { 'penalty.article': 'required' });
  // The 2025 text has 144 articles (治安管理处罚法 2025 第一百四十四条 is its last).
  expectError(await put(manual({ article: 145 })), 400, 'invalid_argument', { 'penalty.article': 'out_of_range' });
  expectStatus(await put(manual({ article: 51, paragraph: 1 })), 200);
  await act(officer, k.id, 'submit_review');
  await act(legal, k.id, 'review_approved', { reason: '同意。' });
  await act(leader, k.id, 'decide_penalty', { reason: '同意。' });
  const d = await paper(k, 'penalty_decision');
  assert.equal(d.status, 200, d.text.slice(0, 300));
  // 殴打他人: 治安管理处罚法（2025）第五十一条第一款.
  assert.ok(d.text.includes('根据《中华人民共和国治安管理处罚法》第五十一条第一款之规定，对钱小二决定罚款500元'), d.text.slice(0, 3000));
  assert.ok(!/治安管理处罚法》（/.test(d.text), 'no edition after the name');
});

test('the calculator cites with the full name and no edition, on the page and on the papers', async () => {
  const k = await caseInInvestigation({ idNumber: residentId('1985-07-08', '202') });
  const request = {
    law: 'auto', act_end_date: chinaDate(Date.now() - 7200_000), decision_date: chinaDate(Date.now()),
    offender: { pregnant: false, nursing_infant: false, mental_capacity: 'full', blind_or_deaf_mute: false },
    violations: [{ tier: { law: '2025', article: 51, paragraph: 1, kind: 'base' }, pick: 'detention', add_fine: true, factors: [] }],
  };
  const d = expectStatus(await officer.post(`/cases/${k.id}/discretion/decide`, { person_id: k.suspect, request }), 200);
  const tier = d.violations[0].trace.find((s) => s.step === 'tier');
  assert.equal(tier.basis, '《中华人民共和国治安管理处罚法》第五十一条第一款');
  assert.equal(tier.law, '2025');  // the text applied is a field of its own
  for (const s of [...d.trace, ...d.violations[0].trace]) assert.ok(!/》（20\d\d）/.test(s.basis), s.basis);
  const prefill = expectStatus(await officer.get(`/cases/${k.id}/discretion`), 200);
  assert.equal(prefill.candidates[0].citation, '《中华人民共和国治安管理处罚法》第五十一条第一款');
});

test('first violation from the master index: an earlier decided penalty makes it "not first", with the case numbers', async () => {
  const id = residentId('1990-03-04', '203');
  const earlier = await caseInInvestigation({ idNumber: id, hoursAgo: 30 });
  const k = await caseInInvestigation({ idNumber: id, hoursAgo: 2 });
  let p = expectStatus(await officer.get(`/cases/${k.id}/discretion`), 200);
  assert.equal(p.offenders[0].first_violation, true);  // the earlier case is not decided yet
  await decide(earlier);
  p = expectStatus(await officer.get(`/cases/${k.id}/discretion`), 200);
  // 行政处罚法 第三十三条第一款 (初次违法): a penalty decided on an earlier act of the same person.
  assert.equal(p.offenders[0].first_violation, false);
  assert.deepEqual(p.offenders[0].earlier_cases.map((e) => e.case_no), [earlier.case_no]);
  // The earlier case does not see the later one as earlier.
  const back = expectStatus(await officer.get(`/cases/${earlier.id}/discretion`), 200);
  assert.deepEqual(back.offenders[0].earlier_cases, []);

  const request = {
    law: 'auto', act_end_date: chinaDate(Date.now() - 7200_000), decision_date: chinaDate(Date.now()),
    offender: { pregnant: false, nursing_infant: false, mental_capacity: 'full', blind_or_deaf_mute: false },
    violations: [{ tier: { law: '2025', article: 51, paragraph: 1, kind: 'base' }, pick: 'fine', factors: [] }],
  };
  // Left out, the case's fact is used; departing from it needs a reason.
  const filled = expectStatus(await officer.post(`/cases/${k.id}/discretion/decide`, { person_id: k.suspect, request }), 200);
  const claimed = structuredClone(request);
  claimed.offender.first_violation = true;
  expectError(await officer.post(`/cases/${k.id}/discretion/decide`, { person_id: k.suspect, request: claimed }),
    400, 'invalid_argument', { 'overrides.first_violation': 'reason_required' });
  const reason = '前案已被撤销（复议决定书附卷）';
  const overridden = expectStatus(await officer.post(`/cases/${k.id}/discretion/decide`,
    { person_id: k.suspect, request: claimed, overrides: { first_violation: reason } }), 200);
  assert.ok(overridden && filled);
  // Recorded with the case's facts and the override, and the audit line says it.
  await act(officer, k.id, 'propose_penalty', { reason: '建议罚款。' });
  const saved = expectStatus(await officer.put(`/cases/${k.id}/penalty/discretion`, {
    expected_version: await version(k.id), person_id: k.suspect, request: claimed, decision: overridden,
    overrides: { first_violation: reason },
  }), 200);
  assert.equal(saved.penalty.data.case_facts.first_violation, false);
  assert.deepEqual(saved.penalty.data.case_facts.earlier_cases, [earlier.case_no]);
  assert.equal(saved.penalty.data.overrides.first_violation, reason);
  const auditor = await loggedIn(server, 'auditadmin');
  const rows = expectStatus(await auditor.get('/audit?action=case.penalty_discretion&page_size=50'), 200).items;
  assert.ok(rows.some((r) => r.object === `case:${k.id}` && r.detail.includes(reason)), JSON.stringify(rows.slice(0, 2)));
});

test('days of prior restriction recorded on the case are deducted from detention (2025 第一百一十条)', async () => {
  const k = await caseInInvestigation({ idNumber: residentId('1992-11-12', '204') });
  expectError(await officer.post(`/cases/${k.id}/events`, { action: 'liberty_restricted', expected_version: await version(k.id),
    person_id: k.suspect, reason: '留置盘问' }), 400, 'invalid_argument', { days: 'required' });
  await act(officer, k.id, 'liberty_restricted', { person_id: k.suspect, days: 2, reason: '继续盘问（留置）' });
  const p = expectStatus(await officer.get(`/cases/${k.id}/discretion`), 200);
  assert.equal(p.offenders[0].prior_restraint_days, 2);
  const request = {
    law: 'auto', act_end_date: chinaDate(Date.now() - 7200_000), decision_date: chinaDate(Date.now()),
    offender: { pregnant: false, nursing_infant: false, mental_capacity: 'full', blind_or_deaf_mute: false },
    violations: [{ tier: { law: '2025', article: 51, paragraph: 1, kind: 'base' }, pick: 'detention', add_fine: true, factors: [] }],
  };
  const d = expectStatus(await officer.post(`/cases/${k.id}/discretion/decide`, { person_id: k.suspect, request }), 200);
  // 限制人身自由一日，折抵行政拘留一日 (治安管理处罚法 2025 第一百一十条).
  assert.equal(d.combined.executed_detention_days, d.combined.capped_detention_days - 2);
  const deduct = d.trace.find((s) => s.step === 'deduct');
  assert.equal(deduct.article, 110);
  assert.equal(deduct.basis, '《中华人民共和国治安管理处罚法》第一百一十条第一款');
  expectError(await officer.post(`/cases/${k.id}/discretion/decide`,
    { person_id: k.suspect, request: { ...request, prior_restraint_days: 0 } }),
  400, 'invalid_argument', { 'overrides.prior_restraint_days': 'reason_required' });
});

test('the cause\'s articles come from the data file: 盗窃 → 第五十八条; a longer text matches nothing', async () => {
  const theft = await caseInInvestigation({ cause: '盗窃', idNumber: residentId('1991-01-01', '205') });
  const p = expectStatus(await officer.get(`/cases/${theft.id}/discretion`), 200);
  // 治安管理处罚法（2025）第五十八条: 盗窃、诈骗、哄抢、抢夺或者敲诈勒索的.
  assert.ok(p.candidates.length >= 1);
  assert.ok(p.candidates.every((c) => c.law === '2025' && c.article === 58), JSON.stringify(p.candidates));
  const other = await caseInInvestigation({ cause: '盗窃电动车后销赃', idNumber: residentId('1991-01-02', '206') });
  assert.deepEqual(expectStatus(await officer.get(`/cases/${other.id}/discretion`), 200).candidates, []);
});

test('the approval report\'s 部门负责人 box: blank until the head approves, then who, opinion and date', async () => {
  const chief = await loggedIn(server, 'chief');  // head of 城关派出所, the officer's unit
  const k = await caseInInvestigation({ idNumber: residentId('1987-05-06', '207') });
  await act(officer, k.id, 'propose_penalty', { reason: '建议罚款五百元。' });
  expectStatus(await officer.put(`/cases/${k.id}/penalty`,
    { expected_version: await version(k.id), source: 'manual', penalty: manual({ article: 51, paragraph: 1 }) }), 200);
  const box = (html) => html.slice(html.indexOf('部门负责人意见'), html.indexOf('局领导审批意见'));
  let report = await paper(k, 'approval_report');
  assert.equal(report.status, 200, report.text.slice(0, 300));
  assert.ok(!box(report.text).includes('孙国栋'));
  // The officer cannot approve as the head (程序规定: 办案部门负责人审核).
  expectError(await officer.post(`/cases/${k.id}/events`, { action: 'dept_approve', expected_version: await version(k.id), reason: '同意' }),
    403, 'permission_denied');
  await act(chief, k.id, 'dept_approve', { reason: '情况属实，同意报法制审核。' });
  report = await paper(k, 'approval_report');
  const b = box(report.text);
  assert.ok(b.includes('孙国栋') && b.includes('情况属实，同意报法制审核。'), b);
  assert.ok(b.includes(`${new Date(Date.now() + 8 * 3600_000).getUTCFullYear()}年`), b);
  // A withdrawn proposal needs the head again.
  await act(officer, k.id, 'withdraw_proposal', { reason: '补充调查' });
  await act(officer, k.id, 'propose_penalty', { reason: '补充后建议罚款五百元。' });
  assert.ok(!box((await paper(k, 'approval_report')).text).includes('孙国栋'));
});

async function count(c, kind) {
  const todo = expectStatus(await c.get('/todo'), 200);
  const line = todo.items.find((i) => i.kind === kind);
  return line ? line.count : null;
}

test('to-do: watch orders and search exceptions to approve, appeals to decide, tasks assigned to me', async () => {
  const analyst = await loggedIn(server, 'analyst');
  // Only who does the work has the line.
  assert.equal(await count(officer, 'checkpoint.watch_approve'), null);
  assert.equal(await count(officer, 'checkpoint.exception_approve'), null);
  assert.equal(await count(officer, 'assessment.appeals'), null);
  assert.equal(await count(leader, 'community.tasks'), null);

  // A watch order waits for the leader (not for its applicant) until approved.
  const opts = expectStatus(await officer.get('/checkpoint/watch-orders/options'), 200);
  const station = opts.units.find((u) => u.name === '城关派出所').id;
  const watchBefore = await count(leader, 'checkpoint.watch_approve');
  const order = expectStatus(await officer.post('/checkpoint/watch-orders', {
    target: '川A7D123', reason: '涉嫌盗窃案件车辆', case_no: 'A5199012026000077', priority: 2,
    valid_from: iso(Date.now() - 60_000), valid_to: iso(Date.now() + 86400_000), unit_ids: [station],
  }), 201);
  assert.equal(await count(leader, 'checkpoint.watch_approve'), watchBefore + 1);
  const lines = expectStatus(await leader.get('/todo?detail=1&kind=checkpoint.watch_approve&limit=100'), 200);
  assert.ok(lines.items[0].entries.some((e) => e.id === order.id && e.link === '/checkpoint/watch?status=pending'));
  expectStatus(await leader.post(`/checkpoint/watch-orders/${order.id}/approve`, {}), 200);
  assert.equal(await count(leader, 'checkpoint.watch_approve'), watchBefore);

  // A search exception waits for the leader until decided.
  const exBefore = await count(leader, 'checkpoint.exception_approve');
  const x = expectStatus(await analyst.post('/checkpoint/analyses/exceptions', { case_no: '5199012026XS90078', reason: '外省协查函' }), 201);
  assert.equal(await count(leader, 'checkpoint.exception_approve'), exBefore + 1);
  expectStatus(await leader.post(`/checkpoint/analyses/exceptions/${x.id}/approve`, { note: '同意' }), 200);
  assert.equal(await count(leader, 'checkpoint.exception_approve'), exBefore);

  // An appeal against an assessment item waits for the leader until decided.
  const filed = expectStatus(await officer.post('/cases', {
    case_type: 'administrative', law: '2025', cause: '殴打他人', source: 'walk_in',
    occurred_at: iso(Date.now() - 5 * 3600_000), place: { address: '城关镇人民路1号' }, facts: '双方争执',
  }), 201);
  await act(officer, filed.id, 'file');
  expectStatus(await leader.post('/assessment/import', {}), 200);
  const me = Number(sql("SELECT id FROM users WHERE username = 'officer'"));
  const month = chinaDate(Date.now()).slice(0, 7);
  const items = expectStatus(await officer.get(`/assessment/officers/${me}/items?month=${month}`), 200).items;
  const item = items.find((i) => i.object === `case:${filed.id}`);
  assert.ok(item, JSON.stringify(items.slice(-2)));
  const appealsBefore = await count(leader, 'assessment.appeals');
  const appeal = expectStatus(await officer.post(`/assessment/items/${item.id}/appeal`, { reason: '该案由他人主办' }), 201);
  assert.equal(await count(leader, 'assessment.appeals'), appealsBefore + 1);
  expectStatus(await leader.post(`/assessment/appeals/${appeal.appeal_id}/decide`, { outcome: 'rejected', opinion: '主办人无误' }), 200);
  assert.equal(await count(leader, 'assessment.appeals'), appealsBefore);

  // A task assigned to the officer waits until reported.
  const tasksBefore = await count(officer, 'community.tasks');
  const t = expectStatus(await leader.post('/community/tasks', { title: '走访新开业网吧', assignee_id: me, limit_working_days: 3 }), 201);
  assert.equal(await count(officer, 'community.tasks'), tasksBefore + 1);
  expectStatus(await officer.post(`/community/tasks/${t.id}/report`, { report: '已走访，登记齐全。' }), 200);
  assert.equal(await count(officer, 'community.tasks'), tasksBefore);
});
