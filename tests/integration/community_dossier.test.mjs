// Reuse of the master index through the real server (issue 14 "Reuse", ADR 0037): case parties with a resident ID
// number link to one person of community_people whether written with 15 or 18 digits, the case's place links to a
// standard address (or shows candidates), the start-up backfill links older rows once and finishes after a restart,
// and the person page (GET /community/people/:id/dossier) is refused without a purpose and case number, refused to
// roles without community.person.dossier, and audited with the person and the purpose when given.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, loggedIn, execSql } from './lib/server.mjs';
import { expectError, expectStatus } from './lib/expect.mjs';

let server;
let officer;
let leader;
before(async () => {
  server = await startServer('dossier');
  officer = await loggedIn(server, 'officer');
  leader = await loggedIn(server, 'leader');
});
after(async () => { await server?.cleanup(); });

// GB 11643-1999: the 15-digit form + "19" + the check character is the 18-digit form of the same number.
function residentId(body17) {
  const w = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = [...body17].reduce((s, d, i) => s + Number(d) * w[i], 0);
  return body17 + '10X98765432'[sum % 11];
}
const ID18 = residentId('51990119800101123');
const ID15 = '519901800101123';
const PURPOSE = { 'X-Purpose': encodeURIComponent('核查报案人身份'), 'X-Case-No': '5199012026XZ00077' };
const sql = (q) => execSql(server.db, q).trim();

const newCase = (place, people) => ({
  case_type: 'administrative',
  cause: '盗窃',
  source: 'walk_in',
  occurred_at: new Date(Date.now() - 3600_000).toISOString().replace(/\.\d+Z$/, 'Z'),
  place: { address: place },
  facts: '报案人称自行车被盗。',
  people,
});

let personId;
let caseA;

test('a party with a 15-digit ID and another case with its 18-digit form link to the same person', async () => {
  caseA = expectStatus(await officer.post('/cases', newCase('城关镇解放路5号1栋1单元101',
    [{ role: 'victim', name: '陈明', id_type: 'resident_id', id_number: ID15 }])), 201);
  const b = expectStatus(await officer.post('/cases', newCase('火星路1号',
    [{ role: 'suspect', name: '陈明', id_type: 'resident_id', id_number: ID18 },
      { role: 'witness', name: '路人', id_type: 'none' }])), 201);
  personId = caseA.people[0].index_person_id;
  assert.ok(Number.isInteger(personId), JSON.stringify(caseA.people[0]));
  assert.equal(b.people[0].index_person_id, personId);
  assert.equal(b.people[1].index_person_id, null);
  // Masked on the case page, as before; the link is an id, not the person's data.
  assert.equal(caseA.people[0].id_number, '519901*****1123');
  assert.equal(sql(`SELECT COUNT(*) FROM community_people WHERE id = ${personId}`), '1');

  // The place: a standard address when the matcher accepts it, candidates (none here) when not.
  assert.equal(caseA.place.standard.address_id, '519901-01-01-001-0005-01-01-0101');
  assert.equal(caseA.place.standard.full_name, '示范县城关镇东门社区解放路5号1栋1单元101室');
  assert.equal(caseA.place.standard.score, 1);
  assert.equal(b.place.standard.address_id, null);
  assert.equal(sql(`SELECT place_address_id FROM cases WHERE id = ${caseA.id}`), '519901-01-01-001-0005-01-01-0101');

  // Added again to the same case: a second party row, still one person (the register does not grow).
  const people = sql('SELECT COUNT(*) FROM community_people')
  const again = expectStatus(await officer.post(`/cases/${caseA.id}/people`, {
    expected_version: caseA.version, person: { role: 'witness', name: '陈明', id_type: 'resident_id', id_number: ID18 },
  }), 201);
  assert.equal(again.people[1].index_person_id, personId);
  assert.equal(sql('SELECT COUNT(*) FROM community_people'), people);
});

test('the person page is refused without a purpose and a case number, naming both', async () => {
  expectError(await leader.get(`/community/people/${personId}/dossier`), 400, 'invalid_argument',
    { purpose: 'required', case_no: 'required' });
  expectError(await leader.get(`/community/people/${personId}/dossier`,
    { headers: { 'X-Purpose': encodeURIComponent('核查身份') } }), 400, 'invalid_argument', { case_no: 'required' });
  expectError(await leader.get(`/community/people/${personId}/dossier`,
    { headers: { ...PURPOSE, 'X-Case-No': 'abc' } }), 400, 'invalid_argument', { case_no: 'bad_format' });
});

test('with a purpose the leader sees the person unmasked with sections from cases and community; audited', async () => {
  const page = expectStatus(await leader.get(`/community/people/${personId}/dossier`, { headers: PURPOSE }), 200);
  assert.equal(page.person.id_number, ID18);
  assert.equal(page.person.name, '陈明');
  const names = page.sections.map((s) => s.name);
  for (const n of ['residence', 'moves', 'houses', 'orgs', 'cases']) assert.ok(names.includes(n), names.join());
  const cases = page.sections.find((s) => s.name === 'cases');
  assert.equal(new Set(cases.items.map((i) => i.case_id)).size, 2);
  assert.ok(cases.items.some((i) => i.case_id === caseA.id && i.id_number_in_case === ID15));

  const rows = sql(`SELECT purpose || '|' || case_no || '|' || result || '|' || detail FROM audit_log WHERE `
    + `action = 'community.person.dossier' AND object = 'person:${personId}'`).split('\n').filter(Boolean);
  const ok = rows.filter((r) => r.split('|')[2] === 'ok');
  assert.equal(ok.length, 1, rows.join('\n'));
  const [purpose, caseNo, , detail] = ok[0].split('|');
  assert.equal(purpose, '核查报案人身份');
  assert.equal(caseNo, '5199012026XZ00077');
  assert.equal(JSON.parse(detail).sections.cases, cases.items.length);
  assert.ok(!rows.join().includes(ID18), 'the audit record names the person by id, never by number');
});

test('roles without community.person.dossier are refused even with a purpose', async () => {
  expectError(await officer.get(`/community/people/${personId}/dossier`, { headers: PURPOSE }), 403);
  expectError(await leader.get('/community/people/99999999/dossier', { headers: PURPOSE }), 404);
});

test('the backfill linked the demo cases at start and finishes after a restart midway, idempotent', async () => {
  assert.equal(sql('SELECT COUNT(*) FROM case_people WHERE linked = 0'), '0');
  const linked = sql('SELECT COUNT(*) FROM case_people WHERE person_id IS NOT NULL');
  const people = sql('SELECT COUNT(*) FROM community_people');
  assert.ok(Number(linked) > 0);
  // As if a crash left half of them untouched: the next start links them again to the same persons.
  const before = sql('SELECT id || \':\' || person_id FROM case_people WHERE person_id IS NOT NULL ORDER BY id');
  await server.stop();
  execSql(server.db, 'UPDATE case_people SET linked = 0, person_id = NULL WHERE id % 2 = 0');
  execSql(server.db, 'UPDATE cases SET place_linked = 0, place_address_id = NULL WHERE id % 2 = 0');
  await server.start();
  assert.equal(sql('SELECT COUNT(*) FROM case_people WHERE linked = 0'), '0');
  assert.equal(sql('SELECT COUNT(*) FROM cases WHERE place_linked = 0'), '0');
  assert.equal(sql('SELECT id || \':\' || person_id FROM case_people WHERE person_id IS NOT NULL ORDER BY id'), before);
  assert.equal(sql('SELECT COUNT(*) FROM community_people'), people);
  assert.equal(sql(`SELECT place_address_id FROM cases WHERE id = ${caseA.id}`), '519901-01-01-001-0005-01-01-0101');
});
