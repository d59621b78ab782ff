// Security: the evidence list of a case and the penalty papers (issue 13). Both carry personal data (the list
// names the suspect and witnesses; the papers print the suspect's whole ID number and address), so every way in
// asks the same: case.person.read and the case in the user's scope; the papers also a stated purpose and case
// number; administrators get nothing; every read is audited. The attackers are legitimate accounts of the demo
// county: the duty desk (case.read only), an officer of 东城派出所 (case.person.read, not 城关's cases), the three
// administrators.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, loggedIn } from '../integration/lib/server.mjs';
import { expectError, expectStatus } from '../integration/lib/expect.mjs';
import { decidedCase, EVIDENCE, SUSPECT } from '../integration/lib/penalty_case.mjs';
import { stationOfficer, assertNoLeak } from './lib/access.mjs';

const SECRETS = [SUSPECT.id_number, SUSPECT.address, EVIDENCE[0].description, EVIDENCE[1].description];
const PURPOSE = '制作处罚文书送达当事人';

let server;
let clients;
let east;
let duty;
let kase;
before(async () => {
  server = await startServer('documents-security');
  clients = {
    officer: await loggedIn(server, 'officer'),
    legal: await loggedIn(server, 'legal'),
    leader: await loggedIn(server, 'leader'),
  };
  duty = await loggedIn(server, 'duty');
  east = await stationOfficer(server, '东城派出所', 'Docs@2026-east');
  kase = await decidedCase(clients);
});
after(async () => { await server?.cleanup(); });

const papers = ['approval_report.html', 'approval_report.pdf', 'penalty_decision.html', 'penalty_decision.pdf'];
const withPurpose = (file) => `/cases/${kase.id}/documents/${file}?purpose=${encodeURIComponent(PURPOSE)}`
  + `&case_no=${encodeURIComponent(kase.case_no)}`;

test('the duty desk (case.read only) gets neither the evidence list nor the papers, and nothing leaks', async () => {
  const list = await duty.get(`/cases/${kase.id}/evidence`);
  expectError(list, 403, 'permission_denied');
  assertNoLeak(list, SECRETS, 'duty evidence');
  for (const file of papers) {
    const res = await duty.get(withPurpose(file));
    expectError(res, 403, 'permission_denied');
    assertNoLeak(res, SECRETS, `duty ${file}`);
  }
  // Nor through the case itself: the detail carries no evidence.
  const detail = await duty.get(`/cases/${kase.id}`);
  assert.equal(detail.status, 200);
  assertNoLeak(detail, SECRETS, 'duty case detail');
});

test('another station gets the not-found of a case it may not see, by every route, reading or writing', async () => {
  for (const res of [
    await east.get(`/cases/${kase.id}/evidence`),
    await east.post(`/cases/${kase.id}/evidence`, { expected_version: kase.version, evidence: EVIDENCE[0] }),
    ...(await Promise.all(papers.map((f) => east.get(withPurpose(f))))),
  ]) {
    expectError(res, 404, 'not_found');
    assertNoLeak(res, SECRETS, 'east');
  }
  const list = expectStatus(await clients.officer.get(`/cases/${kase.id}/evidence`), 200);
  const id = list.items[0].id;
  for (const res of [
    await east.put(`/cases/${kase.id}/evidence/${id}`, { expected_version: kase.version, ...EVIDENCE[1] }),
    await east.del(`/cases/${kase.id}/evidence/${id}?expected_version=${kase.version}`),
  ]) expectError(res, 404, 'not_found');
});

test('an item of one case cannot be changed through another case the user may write', async () => {
  const mine = expectStatus(await clients.officer.post('/cases', {
    case_type: 'administrative', cause: '盗窃', source: 'walk_in',
    occurred_at: new Date(Date.now() - 3600_000).toISOString().replace(/\.\d+Z$/, 'Z'),
    place: { address: '示范县城关镇人民路5号' }, facts: '手机被盗。', people: [{ role: 'suspect', name: '孙八', id_type: 'none' }],
  }), 201);
  const target = expectStatus(await clients.officer.get(`/cases/${kase.id}/evidence`), 200).items[0];
  expectError(await clients.officer.put(`/cases/${mine.id}/evidence/${target.id}`,
    { expected_version: mine.version, ...EVIDENCE[1] }), 404, 'not_found');
  expectError(await clients.officer.del(`/cases/${mine.id}/evidence/${target.id}?expected_version=${mine.version}`),
    404, 'not_found');
  assert.equal(expectStatus(await clients.officer.get(`/cases/${kase.id}/evidence`), 200).items[0].description,
    target.description);
});

test('the administrators get no business data', async () => {
  for (const name of ['sysadmin', 'secadmin', 'auditadmin']) {
    const c = await loggedIn(server, name);
    expectError(await c.get(`/cases/${kase.id}/evidence`), 403, 'permission_denied');
    for (const file of papers) {
      const res = await c.get(withPurpose(file));
      expectError(res, 403, 'permission_denied');
      assertNoLeak(res, SECRETS, `${name} ${file}`);
    }
  }
});

test('the papers need a stated purpose and case number; with them the print is audited with the number', async () => {
  for (const file of papers) {
    const res = await clients.officer.get(`/cases/${kase.id}/documents/${file}`);
    expectError(res, 400, 'invalid_argument', { purpose: 'required', case_no: 'required' });
    assertNoLeak(res, SECRETS, `no purpose ${file}`);
  }
  const html = await clients.officer.get(withPurpose('penalty_decision.html'));
  assert.equal(html.status, 200);
  assert.ok(html.text.includes(SUSPECT.id_number));
  // The county-wide legal reviewer reads the list too (the reviewing office sees every unit's cases).
  expectStatus(await clients.legal.get(`/cases/${kase.id}/evidence`), 200);
  const auditor = await loggedIn(server, 'auditadmin');
  const reads = expectStatus(await auditor.get('/audit?action=case.evidence_list&page_size=200'), 200).items;
  assert.ok(reads.some((r) => r.object === `case:${kase.id}/evidence` && r.result === 'ok'), JSON.stringify(reads.slice(0, 2)));
  assert.ok(reads.some((r) => r.result !== 'ok'), 'refused reads are audited');
  const prints = expectStatus(await auditor.get('/audit?action=case.document&page_size=200'), 200).items
    .filter((r) => r.object === `case:${kase.id}/document:penalty_decision.html` && r.result === 'ok');
  assert.equal(prints[0].purpose, PURPOSE);
  assertNoLeak({ text: JSON.stringify(prints) }, [SUSPECT.id_number, SUSPECT.address], 'audit record');
});
