// The person page (GET /api/v1/community/people/:id/dossier, ADR 0037) holds everything the platform keeps on one
// person, unmasked. Every other way to it must ask what the page asks: the permission community.person.dossier,
// the reader's data scope, and a stated purpose with a case number — and the page leaves no copy anywhere else
// (no cache, nothing personal in the audit record, only ids on the case page). Each test is a way in.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, loggedIn, execSql } from '../integration/lib/server.mjs';
import { expectError, expectStatus } from '../integration/lib/expect.mjs';
import { assertNoLeak, stationOfficer } from './lib/access.mjs';

let server;
let officer;
let leader;
let personId;
let caseId;

function residentId(body17) {
  const w = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = [...body17].reduce((s, d, i) => s + Number(d) * w[i], 0);
  return body17 + '10X98765432'[sum % 11];
}
const ID = residentId('51990119910203456');
const NAME = '档案测试人';
const SECRETS = [ID, NAME];
const PURPOSE = { 'X-Purpose': encodeURIComponent('核查当事人身份'), 'X-Case-No': '5199012026XZ00042' };
const page = () => `/community/people/${personId}/dossier`;

before(async () => {
  server = await startServer('secdossier');
  officer = await loggedIn(server, 'officer');
  leader = await loggedIn(server, 'leader');
  const k = expectStatus(await officer.post('/cases', {
    case_type: 'administrative', cause: '盗窃', source: 'walk_in',
    occurred_at: new Date(Date.now() - 3600_000).toISOString().replace(/\.\d+Z$/, 'Z'),
    place: { address: '示范县城关镇人民路12号' }, facts: '报案人称自行车被盗。',
    people: [{ role: 'victim', name: NAME, id_type: 'resident_id', id_number: ID, phone: '13912345678' }],
  }), 201);
  caseId = k.id;
  personId = k.people[0].index_person_id;
  assert.ok(Number.isInteger(personId));
});
after(async () => { await server?.cleanup(); });

test('not logged in: 401 and nothing of the person', async () => {
  const r = await server.client().get(page(), { headers: PURPOSE });
  expectError(r, 401);
  assertNoLeak(r, SECRETS);
});

test('every role without community.person.dossier is refused even with a purpose, administrators included', async () => {
  for (const who of ['officer', 'legal', 'duty', 'analyst', 'custodian', 'courier', 'sysadmin', 'secadmin',
    'auditadmin']) {
    const c = who === 'officer' ? officer : await loggedIn(server, who);
    const r = await c.get(page(), { headers: PURPOSE });
    assert.equal(r.status, 403, `${who}: ${r.status} ${r.text.slice(0, 200)}`);
    assertNoLeak(r, SECRETS, who);
  }
});

test('the purpose is required however it is sent: header, query, blanks, a bad case number', async () => {
  const tries = [
    [{}, { purpose: 'required', case_no: 'required' }],
    [{ 'X-Purpose': encodeURIComponent('　　  '), 'X-Case-No': '5199012026XZ00042' }, { purpose: 'required' }],
    [{ 'X-Purpose': encodeURIComponent('看看'), 'X-Case-No': '5199012026XZ00042' }, { purpose: 'too_short' }],
    [{ 'X-Purpose': encodeURIComponent('核查当事人身份'), 'X-Case-No': encodeURIComponent('随便写写') }, { case_no: 'bad_format' }],
  ];
  for (const [headers, fields] of tries) {
    const r = await leader.get(page(), { headers });
    expectError(r, 400, 'invalid_argument', fields);
    assertNoLeak(r, SECRETS);
  }
  const q = await leader.get(`${page()}?purpose=${encodeURIComponent('看')}&case_no=5199012026XZ00042`);
  expectError(q, 400, 'invalid_argument', { purpose: 'too_short' });
  assertNoLeak(q, SECRETS);
  // The same purpose in the query string is as good as the headers.
  const ok = await leader.get(`${page()}?purpose=${encodeURIComponent('核查当事人身份')}&case_no=5199012026XZ00042`);
  expectStatus(ok, 200);
  assert.equal(ok.json.person.id_number, ID);
});

test('other paths and methods to the page are not the page', async () => {
  for (const [method, p] of [['POST', page()], ['PUT', page()], ['DELETE', page()], ['GET', `${page()}/print`],
    ['GET', `${page()}/export`], ['GET', `${page()}.json`], ['GET', `/community/people/${personId}/DOSSIER`],
    ['GET', `/community/people/${personId}%2Fdossier`], ['GET', `/community/people/${personId}/dossier/..`]]) {
    const r = await leader.request(method, p, { headers: PURPOSE, json: method === 'GET' ? undefined : {} });
    if (p.endsWith('/..')) {
      // The client resolves dot segments before sending: this reaches the person's masked detail, which the leader
      // may read; it must not be the person page.
      assert.ok(r.status >= 400 || !('sections' in (r.json ?? {})), `${method} ${p}: ${r.status} is the person page`);
    } else {
      assert.ok(r.status >= 400, `${method} ${p}: ${r.status}`);
    }
    assertNoLeak(r, SECRETS, `${method} ${p}`);
  }
});

test('the page is never cached and its audit record names the person by id, not by number or name', async () => {
  const r = await leader.get(page(), { headers: PURPOSE });
  expectStatus(r, 200);
  assert.equal(r.headers.get('cache-control'), 'no-store');
  const rows = execSql(server.db, "SELECT object || '|' || purpose || '|' || case_no || '|' || detail FROM audit_log "
    + "WHERE action = 'community.person.dossier'");
  assert.ok(rows.includes(`person:${personId}|核查当事人身份|5199012026XZ00042|`), rows);
  for (const s of SECRETS) assert.ok(!rows.includes(s), `audit leaked ${s}`);
});

test('the case page shows the link (an id) with the party masked; the whole party needs its own purpose', async () => {
  const k = await officer.get(`/cases/${caseId}`);
  expectStatus(k, 200);
  assert.equal(k.json.people[0].index_person_id, personId);
  assertNoLeak(k, SECRETS, 'case page');
  const listed = await officer.get(`/cases?id_number=${ID}`);
  expectStatus(listed, 200);
  assertNoLeak(listed, SECRETS, 'case list');
  expectError(await officer.get(`/cases/${caseId}/people/${k.json.people[0].id}`), 400, 'invalid_argument',
    { purpose: 'required' });
});

test('a reader with the permission but another unit\'s scope does not find the person', async () => {
  // The officer role given the permission for this test: scope stays the officer's own station.
  await server.stop();
  execSql(server.db, "INSERT INTO role_permissions (role_code, permission) VALUES ('officer', "
    + "'community.person.dossier')");
  await server.start();
  const own = await loggedIn(server, 'officer');
  expectStatus(await own.get(page(), { headers: PURPOSE }), 200);
  const east = await stationOfficer(server, '东城派出所');
  const r = await east.get(page(), { headers: PURPOSE });
  expectError(r, 404);
  assertNoLeak(r, SECRETS, 'another station');
});
