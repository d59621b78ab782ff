// Security: access to documents, exports and saved analyses (issue 11, findings 3 and 4; docs/security.md).
//  3. A printed case document carries the people's whole ID number, phone and address: it needs what the people
//     endpoint needs (case.person.read, a stated purpose and case number), and the print is audited with the
//     purpose, the case and the people printed. Documents without personal data stay with case.read.
//  4. A saved checkpoint analysis follows its case's data scope: an officer of another station neither reads it
//     nor learns which case numbers exist (saving to a case out of scope answers like a case that does not exist).
// The attackers are legitimate low accounts of the demo county: the duty desk (case.read only), an officer of
// 东城派出所 (case.person.read and analysis.run, but not 城关's cases).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, loggedIn } from '../integration/lib/server.mjs';
import { expectError, expectStatus } from '../integration/lib/expect.mjs';
import { stationOfficer, assertNoLeak } from './lib/access.mjs';

const ID_NO = '11010519491231002X';
const PHONE = '13812345678';
const ADDRESS = '人民路1号';
const NAME = '张三丰';
const PLATE = '川A5N101';
const SECRETS = [ID_NO, PHONE, ADDRESS, NAME];
const PURPOSE = '制作受案登记表交当事人';
const UNKNOWN_CASE = 'A5199012099999999';
const UNKNOWN_WELL_FORMED = '5199012026XS99999';  // in the bureau's format (sensitive reads check it first)

let server;
let officer;   // 城关派出所
let east;      // 东城派出所
let duty;      // 指挥中心, case.read without case.person.read
let auditor;
let kase;      // a 城关 case with one reporter
before(async () => {
  server = await startServer('access');
  officer = await loggedIn(server, 'officer');
  duty = await loggedIn(server, 'duty');
  auditor = await loggedIn(server, 'auditadmin');
  east = await stationOfficer(server, '东城派出所');
  kase = expectStatus(await officer.post('/cases', {
    case_type: 'administrative', cause: '殴打他人', source: 'walk_in',
    occurred_at: new Date(Date.now() - 3600_000).toISOString().replace(/\.\d+Z$/, 'Z'),
    place: { address: '示范县城关镇人民路12号' }, facts: '报案人称被人殴打。',
    people: [{ role: 'reporter', name: NAME, id_type: 'resident_id', id_number: ID_NO, phone: PHONE, address: ADDRESS }],
  }), 201);
});
after(async () => { await server?.cleanup(); });

const docPath = (id, file, purpose) => `/cases/${id}/documents/${file}`
  + (purpose ? `?purpose=${encodeURIComponent(purpose)}&case_no=${encodeURIComponent(kase.case_no)}` : '');

async function auditRecords(action) {
  return expectStatus(await auditor.get(`/audit?action=${encodeURIComponent(action)}&page_size=200`), 200).items;
}

test('finding 3: the acceptance form is refused without case.person.read, in HTML and PDF, and leaks nothing', async () => {
  for (const file of ['acceptance_form.html', 'acceptance_form.pdf']) {
    const res = await duty.get(docPath(kase.id, file, PURPOSE));
    expectError(res, 403, 'permission_denied');
    assertNoLeak(res, SECRETS, `duty ${file}`);
  }
});

test('finding 3: without a stated purpose the form is refused naming purpose and case_no, and leaks nothing', async () => {
  for (const file of ['acceptance_form.html', 'acceptance_form.pdf']) {
    const res = await officer.get(docPath(kase.id, file));
    expectError(res, 400, 'invalid_argument', { purpose: 'required', case_no: 'required' });
    assertNoLeak(res, SECRETS, `no purpose ${file}`);
  }
});

test('finding 3: another station with a purpose gets the not-found of a case it may not see', async () => {
  const res = await east.get(docPath(kase.id, 'acceptance_form.html', PURPOSE));
  expectError(res, 404, 'not_found');
  assertNoLeak(res, SECRETS, 'east acceptance form');
});

test('finding 3: the handling officer prints the whole form with a purpose; the print is audited with it', async () => {
  const html = await officer.get(docPath(kase.id, 'acceptance_form.html', PURPOSE));
  assert.equal(html.status, 200, html.text.slice(0, 300));
  for (const s of SECRETS) assert.ok(html.text.includes(s), `the printed form shows ${s} whole`);
  const pdf = await officer.get(docPath(kase.id, 'acceptance_form.pdf', PURPOSE));
  assert.equal(pdf.status, 200);
  assert.equal(pdf.bytes.subarray(0, 4).toString(), '%PDF');

  const printed = (await auditRecords('case.document')).filter((r) => r.result === 'ok'
    && r.object === `case:${kase.id}/document:acceptance_form.html`);
  assert.equal(printed.length, 1, JSON.stringify(printed));
  assert.equal(printed[0].purpose, PURPOSE);
  assert.equal(printed[0].case_no, kase.case_no);
  const detail = JSON.parse(printed[0].detail);
  assert.equal(detail.document, 'acceptance_form');
  assert.equal(detail.case_no, kase.case_no);
  assert.deepEqual(detail.people, [kase.people[0].id]);
  // The audit record names who was printed, not their data.
  assertNoLeak({ text: JSON.stringify(printed[0]) }, [ID_NO, PHONE, ADDRESS], 'audit record');
  // The refusals are in the log too.
  const refused = (await auditRecords('case.document')).filter((r) => r.result !== 'ok');
  assert.ok(refused.length >= 4, `refused prints audited: ${refused.length}`);
});

test('finding 3: the notice of not filing names the reporter and needs the same; the filing decision does not', async () => {
  const other = expectStatus(await officer.post('/cases', {
    case_type: 'administrative', cause: '噪声扰民', source: 'walk_in',
    occurred_at: new Date(Date.now() - 3600_000).toISOString().replace(/\.\d+Z$/, 'Z'),
    place: { address: '示范县城关镇人民路14号' }, facts: '报案人称邻居噪声扰民。',
    people: [{ role: 'reporter', name: NAME, id_type: 'resident_id', id_number: ID_NO, phone: PHONE }],
  }), 201);
  expectStatus(await officer.post(`/cases/${other.id}/events`,
    { action: 'not_file', expected_version: 1, reason: '不属于治安案件' }), 201);
  for (const file of ['not_filed_notice.html', 'not_filed_notice.pdf']) {
    const res = await duty.get(`/cases/${other.id}/documents/${file}`);
    expectError(res, 403, 'permission_denied');
    assertNoLeak(res, SECRETS, `duty ${file}`);
    expectError(await officer.get(`/cases/${other.id}/documents/${file}`), 400, 'invalid_argument', { purpose: 'required' });
  }
  const notice = await officer.get(`/cases/${other.id}/documents/not_filed_notice.html?purpose=${encodeURIComponent(PURPOSE)}`
    + `&case_no=${other.case_no}`);
  assert.equal(notice.status, 200);
  assert.ok(notice.text.includes(NAME));

  expectStatus(await officer.post(`/cases/${kase.id}/events`, { action: 'file', expected_version: kase.version }), 201);
  for (const file of ['filing_decision.html', 'filing_decision.pdf']) {
    const res = await duty.get(`/cases/${kase.id}/documents/${file}`);
    assert.equal(res.status, 200, `${file}: ${res.text.slice(0, 200)}`);
    assertNoLeak(res, SECRETS, `duty ${file}`);
  }
  expectError(await officer.get(`/cases/${kase.id}/documents/nothing.html`), 404, 'not_found');
  expectError(await officer.get(`/cases/${kase.id}/documents/acceptance_form.txt?purpose=x1&case_no=${kase.case_no}`),
    404, 'not_found');
});

test('finding 3: the audit export and the notifications carry no whole personal data; the export is audited', async () => {
  const csv = await auditor.get('/audit/export.csv');
  assert.equal(csv.status, 200);
  assert.match(csv.text, /case\.document/);
  assertNoLeak(csv, [ID_NO, PHONE, ADDRESS], 'audit export');
  assert.ok((await auditRecords('audit.export')).some((r) => r.result === 'ok'));
  for (const c of [officer, duty, await loggedIn(server, 'legal'), await loggedIn(server, 'leader')]) {
    const n = await c.get('/notifications?page_size=200');
    if (n.status === 403) continue;
    assert.equal(n.status, 200);
    assertNoLeak(n, [ID_NO, PHONE, ADDRESS], 'notifications');
  }
});

test('finding 3: a case export carries no personal data of the people and is in the audit log', async () => {
  // The list page exports what GET /cases gives it: no people at all, masked or whole.
  const list = expectStatus(await officer.get('/cases?page_size=200'), 200);
  assert.ok(list.items.some((k) => k.id === kase.id));
  assertNoLeak({ text: JSON.stringify(list) }, SECRETS, 'case list');
  expectError(await officer.post('/cases/exported', { format: 'csv' }), 400, 'invalid_argument', { rows: 'required' });
  expectStatus(await officer.post('/cases/exported', { rows: list.items.length, format: 'csv', filters: { state: 'filed' } }), 204);
  const exports = (await auditRecords('case.export')).filter((r) => r.result === 'ok' && r.user === 'officer');
  assert.equal(exports.length, 1, JSON.stringify(exports));
  const detail = JSON.parse(exports[0].detail);
  assert.equal(detail.rows, list.items.length);
  assert.equal(detail.filters.state, 'filed');
});

test('finding 3: an alert notification (WebSocket, in-app list, SMS) masks ID and mobile numbers typed into it', async () => {
  const units = expectStatus(await duty.get('/alerts/units'), 200).items;
  const station = units.find((u) => u.name === '城关派出所');
  assert.ok(station);
  const raised = expectStatus(await duty.post('/alerts', {
    colour: 'red', subject: `在逃人员 ${ID_NO}`, title: `请协查 联系人电话${PHONE}`,
    unit_ids: [String(station.id)],
  }), 201);
  // The alert itself is the audited, access-controlled record: its readers see what was typed.
  const alert = expectStatus(await officer.get(`/alerts/${raised.id}`), 200);
  assert.ok(JSON.stringify(alert).includes(ID_NO));
  // The notification (the same text is pushed over the WebSocket and sent by SMS) carries it masked.
  const n = expectStatus(await officer.get('/notifications?page_size=200'), 200);
  const note = n.items.find((x) => x.kind === 'alert' && x.title.includes('请协查'));
  assert.ok(note, JSON.stringify(n.items.slice(0, 3)));
  assert.ok(`${note.title} ${note.body}`.includes('110105********002X'), JSON.stringify(note));
  assert.ok(`${note.title} ${note.body}`.includes('138****5678'), JSON.stringify(note));
  assertNoLeak({ text: JSON.stringify(n) }, [ID_NO, PHONE], 'notifications');
});

// --- finding 4 -------------------------------------------------------------------------------------------

const chinaDay = (offsetDays) => new Date(Date.now() + 8 * 3600_000 + offsetDays * 86400_000).toISOString().slice(0, 10);
const trajectory = () => ({ kind: 'trajectory',
  params: { plate: PLATE, from: `${chinaDay(-2)} 00:00:00`, to: `${chinaDay(0)} 00:00:00` } });
const purposeHeaders = (caseNo) => ({ 'X-Purpose': encodeURIComponent('核查车辆轨迹'), 'X-Case-No': caseNo });
const run = async (c, caseNo) =>
  expectStatus(await c.post('/checkpoint/analyses', trajectory(), { headers: purposeHeaders(caseNo) }), 201);

// The parts of an error reply that must not differ between "no such case" and "not your case".
const shape = (res) => ({ status: res.status, code: res.json?.code, message: res.json?.message,
  fields: res.json?.fields, keys: Object.keys(res.json || {}).sort() });

test('finding 4: a saved analysis of 城关 is not readable, listable or exportable from another station', async () => {
  const mine = await run(officer, kase.case_no);
  expectStatus(await officer.post(`/checkpoint/analyses/tasks/${mine.task_id}/save`, { case_no: kase.case_no, note: '轨迹' }), 201);

  const read = await east.get(`/checkpoint/analyses/tasks/${mine.task_id}`);
  expectError(read, 404, 'not_found');
  assertNoLeak(read, [PLATE], 'east task read');

  // The saved list is a sensitive read (issue 13): another station's case is refused exactly like no case.
  const listed = await east.get('/checkpoint/analyses', { headers: purposeHeaders(kase.case_no) });
  const none = await east.get('/checkpoint/analyses', { headers: purposeHeaders(UNKNOWN_WELL_FORMED) });
  assertNoLeak(listed, [PLATE], 'east saved list');
  assert.deepEqual(shape(listed), shape(none));
  expectError(listed, 400, 'invalid_argument', { case_no: 'unknown_case' });

  const tasks = expectStatus(await east.get('/checkpoint/analyses/tasks?page_size=200'), 200);
  assert.ok(!tasks.items.some((t) => t.id === mine.task_id));
  assertNoLeak({ text: JSON.stringify(tasks) }, [PLATE], 'east task list');

  const exported = await east.post(`/checkpoint/analyses/tasks/${mine.task_id}/exported`, { rows: 1 },
    { headers: purposeHeaders(kase.case_no) });
  expectError(exported, 400, 'invalid_argument', { case_no: 'unknown_case' });
});

test('finding 4: attaching to another unit\'s case answers exactly like a case that does not exist', async () => {
  // A search names a case its user may see (issue 13): east's own.
  const eastCase = expectStatus(await east.post('/cases', {
    case_type: 'administrative', cause: '盗窃', source: 'walk_in',
    occurred_at: new Date(Date.now() - 3600_000).toISOString().replace(/\.\d+Z$/, 'Z'),
    place: { address: '示范县东城镇东大街1号' }, facts: '报案人称电动车被盗。', people: [],
  }), 201);
  const theirs = await run(east, eastCase.case_no);
  const outOfScope = await east.post(`/checkpoint/analyses/tasks/${theirs.task_id}/save`, { case_no: kase.case_no });
  const missing = await east.post(`/checkpoint/analyses/tasks/${theirs.task_id}/save`, { case_no: UNKNOWN_CASE });
  expectError(missing, 400, 'invalid_argument', { case_no: 'unknown_case' });
  assert.deepEqual(shape(outOfScope), shape(missing));
  // Nothing was attached: the handling officer's list of the case does not show it.
  const list = expectStatus(await officer.get('/checkpoint/analyses', { headers: purposeHeaders(kase.case_no) }), 200);
  assert.ok(!list.items.some((t) => t.id === theirs.task_id));
});

test('finding 4: those who may see the case still read its saved analyses; the owner always', async () => {
  const mine = await run(officer, kase.case_no);
  expectStatus(await officer.post(`/checkpoint/analyses/tasks/${mine.task_id}/save`, { case_no: kase.case_no }), 201);
  const own = expectStatus(await officer.get(`/checkpoint/analyses/tasks/${mine.task_id}`), 200);
  assert.equal(own.params.plate, PLATE);
  for (const name of ['leader', 'analyst']) {
    const c = await loggedIn(server, name);
    const t = expectStatus(await c.get(`/checkpoint/analyses/tasks/${mine.task_id}`), 200);
    assert.equal(t.params.plate, PLATE);
    const list = expectStatus(await c.get('/checkpoint/analyses', { headers: purposeHeaders(kase.case_no) }), 200);
    assert.ok(list.items.some((x) => x.id === mine.task_id), name);
    expectStatus(await c.post(`/checkpoint/analyses/tasks/${mine.task_id}/exported`, { rows: 0 },
      { headers: purposeHeaders(kase.case_no) }), 204);
  }
  // An unsaved task stays its owner's, even for county-wide readers.
  const unsaved = await run(officer, kase.case_no);
  expectError(await (await loggedIn(server, 'leader')).get(`/checkpoint/analyses/tasks/${unsaved.task_id}`), 404, 'not_found');
  // The reads of others are audited.
  const reads = await auditRecords('analysis.task_read');
  assert.ok(reads.some((r) => r.user === 'leader' && r.object === `analysis_task:${mine.task_id}` && r.result === 'ok'));
});
