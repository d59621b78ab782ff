// The evidence list of a case and the penalty papers it prints (issue 13), on the real server and on both
// databases: evidence is collected on the case (kinds of 程序规定 第二十六条) and every change is an event and an
// audit record; the 行政处罚决定书 is refused without evidence and takes its number from the bureau's register on
// its first print — never repeated, never skipped, the same on a re-print, one number when printed at once from
// several tabs —; the 呈请行政处罚审批报告 has the sign-off boxes filled from the case's approval records.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, loggedIn, execSql } from './lib/server.mjs';
import { expectError, expectStatus } from './lib/expect.mjs';
import { decidedCase, EVIDENCE, SUSPECT, iso } from './lib/penalty_case.mjs';

let server;
let clients;
before(async () => {
  server = await startServer('case-documents');
  clients = {
    officer: await loggedIn(server, 'officer'),
    legal: await loggedIn(server, 'legal'),
    leader: await loggedIn(server, 'leader'),
  };
});
after(async () => { await server?.cleanup(); });

const PURPOSE = `purpose=${encodeURIComponent('制作处罚文书送达当事人')}`;
const paper = (k, name, ext = 'html') => `/cases/${k.id}/documents/${name}.${ext}?${PURPOSE}&case_no=${k.case_no}`;
const year = () => new Date(Date.now() + 8 * 3600_000).getUTCFullYear();
const numberOf = (html) => (html.match(/<p class="number">([^<]*)<\/p>/) || [])[1];
const registered = () => execSql(server.db,
  "SELECT seq FROM case_document_numbers WHERE doc_type = 'penalty_decision' ORDER BY seq").trim().split('\n')
  .filter(Boolean).map(Number);

test('evidence: add, edit, remove with the case version; bad input names the field; each change is an event', async () => {
  const { officer } = clients;
  const k = await decidedCase(clients, { evidence: [], decide: false });
  // In legal review the list is fixed.
  expectError(await officer.post(`/cases/${k.id}/evidence`, { expected_version: k.version, evidence: EVIDENCE[0] }),
    409, 'conflict', { state: 'evidence_locked' });

  const open = expectStatus(await officer.post('/cases', {
    case_type: 'administrative', cause: '盗窃', source: 'walk_in', occurred_at: iso(Date.now() - 3600_000),
    place: { address: '示范县城关镇人民路3号' }, facts: '报案人称手机被盗。',
    people: [{ role: 'suspect', name: '钱七', id_type: 'none' }],
  }), 201);
  expectError(await officer.post(`/cases/${open.id}/evidence`, { expected_version: open.version, evidence: {
    kind: 'rumour', description: '', collected_at: iso(Date.now() + 86400_000), collected_by: '张警官' } }),
  400, 'invalid_argument', { 'evidence.kind': 'bad_value', 'evidence.description': 'required' });
  expectError(await officer.post(`/cases/${open.id}/evidence`, { expected_version: open.version, evidence: {
    ...EVIDENCE[0], collected_at: iso(Date.now() + 86400_000) } }), 400, 'invalid_argument',
  { 'evidence.collected_at': 'in_future' });
  const added = expectStatus(await officer.post(`/cases/${open.id}/evidence`,
    { expected_version: open.version, evidence: EVIDENCE[0] }), 201);
  assert.equal(added.version, open.version + 1);
  assert.equal(added.items.length, 1);
  assert.equal(added.items[0].description, EVIDENCE[0].description);
  // A stale version is refused, nothing written.
  expectError(await officer.post(`/cases/${open.id}/evidence`, { expected_version: open.version, evidence: EVIDENCE[1] }),
    409, 'conflict', { expected_version: 'stale' });
  const id = added.items[0].id;
  const edited = expectStatus(await officer.put(`/cases/${open.id}/evidence/${id}`,
    { expected_version: added.version, ...EVIDENCE[0], kind: 'audiovisual', description: '人民路监控录像' }), 200);
  assert.equal(edited.items[0].kind, 'audiovisual');
  // At rest the description is sealed (it names people).
  const stored = execSql(server.db, `SELECT description FROM case_evidence WHERE case_id = ${open.id}`);
  assert.ok(stored.startsWith('sm4:') && !stored.includes('监控录像'), stored);
  expectError(await officer.del(`/cases/${open.id}/evidence/${id + 1000}?expected_version=${edited.version}`), 404, 'not_found');
  const removed = expectStatus(await officer.del(`/cases/${open.id}/evidence/${id}?expected_version=${edited.version}`), 200);
  assert.deepEqual(removed.items, []);
  const after = expectStatus(await officer.get(`/cases/${open.id}`), 200);
  const actions = after.events.map((e) => e.action);
  for (const a of ['evidence_added', 'evidence_updated', 'evidence_removed']) assert.ok(actions.includes(a), actions.join());
});

test('the decision is refused without evidence, in the user language, and before the decision is taken', async () => {
  const bare = await decidedCase(clients, { evidence: [] });
  const zh = expectError(await clients.officer.get(paper(bare, 'penalty_decision')), 409, 'conflict', { evidence: 'required' });
  assert.match(zh.message, /证据/);
  const en = expectError(await clients.officer.get(paper(bare, 'penalty_decision'), { headers: { 'Accept-Language': 'en' } }),
    409, 'conflict', { evidence: 'required' });
  assert.match(en.message, /evidence/);
  expectError(await clients.officer.get(paper(bare, 'approval_report', 'pdf')), 409, 'conflict', { evidence: 'required' });
  const undecided = await decidedCase(clients, { decide: false });
  expectError(await clients.officer.get(paper(undecided, 'penalty_decision')), 409, 'conflict', { document: 'not_yet' });
  // No number was taken by the refusals.
  assert.equal(execSql(server.db, `SELECT COUNT(*) FROM case_document_numbers WHERE case_id IN (${bare.id}, ${undecided.id})`).trim(), '0');
});

test('the decision takes the next number of the register, keeps it on a re-print and lists the evidence', async () => {
  const a = await decidedCase(clients);
  const b = await decidedCase(clients);
  const first = await clients.officer.get(paper(a, 'penalty_decision'));
  assert.equal(first.status, 200, first.text.slice(0, 300));
  const na = numberOf(first.text);
  assert.match(na, new RegExp(`^示公（治）行罚决字〔${year()}〕(\\d+)号$`));
  const again = await clients.officer.get(paper(a, 'penalty_decision'));
  assert.equal(numberOf(again.text), na);
  const pdf = await clients.officer.get(paper(a, 'penalty_decision', 'pdf'));
  assert.equal(pdf.bytes.subarray(0, 4).toString(), '%PDF');
  const nb = numberOf((await clients.officer.get(paper(b, 'penalty_decision'))).text);
  const seq = (n) => Number(n.match(/〕(\d+)号/)[1]);
  assert.equal(seq(nb), seq(na) + 1);
  // The paper: party with sex and age from the ID, facts, evidence, basis, remedy with both time limits, seal.
  const html = first.text;
  for (const s of [SUSPECT.name, '性别男', SUSPECT.id_number, '现查明：', '以上事实有违法嫌疑人陈述和申辩（王五询问笔录（第一次））；证人证言（证人赵六询问笔录）等证据证实。',
    '罚款500元', '十五日内', '六十日内向示范县人民政府申请行政复议', '六个月内依法向示范县人民法院提起行政诉讼', '示范县公安局（印）']) {
    assert.ok(html.includes(s), `decision shows ${s}`);
  }
  assert.ok(!html.includes('以上事实有等证据'));
  // The issued paper fixes the list.
  expectError(await clients.officer.post(`/cases/${a.id}/evidence`, { expected_version: a.version, evidence: EVIDENCE[0] }),
    409, 'conflict', { state: 'evidence_locked' });
  // The first print is audited with its number.
  const auditor = await loggedIn(server, 'auditadmin');
  const rows = expectStatus(await auditor.get('/audit?action=case.document&page_size=200'), 200).items
    .filter((r) => r.object === `case:${a.id}/document:penalty_decision.html` && r.result === 'ok');
  assert.ok(rows.some((r) => JSON.parse(r.detail).number === na && JSON.parse(r.detail).issued === true), JSON.stringify(rows));
});

test('printed at once from many tabs: one number per case, the register has no repeat and no gap', async () => {
  const cases = [];
  for (let i = 0; i < 5; ++i) cases.push(await decidedCase(clients));
  const prints = await Promise.all(cases.flatMap((k) => [0, 1, 2].map(() => clients.officer.get(paper(k, 'penalty_decision')))));
  for (const p of prints) assert.equal(p.status, 200, p.text.slice(0, 200));
  const byCase = cases.map((k, i) => new Set(prints.slice(i * 3, i * 3 + 3).map((p) => numberOf(p.text))));
  for (const s of byCase) assert.equal(s.size, 1, [...s].join());
  const numbers = byCase.map((s) => [...s][0]);
  assert.equal(new Set(numbers).size, cases.length);
  const seqs = registered();
  assert.deepEqual(seqs, seqs.map((_, i) => i + 1), `register ${seqs.join()}`);
});

test('the approval report: sign-off boxes from the approval records, a short verification code, no raw hash', async () => {
  const { officer } = clients;
  const k = await decidedCase(clients, { discretion: {
    law: 'auto', act_end_date: new Date(Date.now() + 8 * 3600_000 - 7200_000).toISOString().slice(0, 10),
    decision_date: new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10),
    offender: { pregnant: false, nursing_infant: false, mental_capacity: 'full', blind_or_deaf_mute: false },
    violations: [{ tier: { law: '2025', article: 51, paragraph: 1, kind: 'base' }, pick: 'detention', add_fine: true, factors: [] }],
  } });
  const report = await officer.get(paper(k, 'approval_report'));
  assert.equal(report.status, 200, report.text.slice(0, 300));
  for (const s of ['承办人意见', '审核人（法制）意见', '部门负责人意见', '局领导审批意见', '事实清楚，证据确实充分，建议罚款五百元。',
    '定性准确，程序合法，同意。', '同意按法制意见处理。', '第五十一条', '裁量基准校验码：']) {
    assert.ok(report.text.includes(s), `report shows ${s}`);
  }
  assert.ok(!/[0-9a-f]{64}/i.test(report.text), 'no raw SM3 hash in the report');
  const d = await officer.get(paper(k, 'penalty_decision'));
  assert.ok(d.text.includes('第五十一条') && d.text.includes('行政拘留'), d.text.slice(0, 2000));
});
