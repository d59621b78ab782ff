// Security: the property desk's exports and store management (issue 16, ADR 0060) tried the other way in. An
// export reads exactly what its list may read: someone who may not list gets 403 and no rows, another station's
// custodian gets a file without this station's items, the court (no list sent to it) nothing; store management
// only for property.store.manage, inside the actor's units.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, loggedIn } from '../integration/lib/server.mjs';
import { expectError, expectStatus } from '../integration/lib/expect.mjs';

let server;
let item;  // a 城关派出所 item
before(async () => {
  server = await startServer('property-exports-security');
  const station = await loggedIn(server, 'custodian2');
  item = expectStatus(await station.get('/property/items?page_size=200'), 200).items[0];
  assert.ok(item, 'a demo item of 城关派出所');
});
after(async () => { await server?.cleanup(); });

test('an export by someone who may not list the ledger is refused without data', async () => {
  for (const who of ['courier', 'sysadmin', 'secadmin', 'auditadmin', 'judge', 'procurator', 'duty']) {
    const c = await loggedIn(server, who);
    const res = await c.get('/property/exports/items');
    assert.equal(res.status, 403, `${who}: ${res.status} ${res.text.slice(0, 100)}`);
    assert.ok(!res.text.includes(item.code), `${who} got the code`);
    const take = await c.post('/property/exports/stocktake', { place_id: 1, codes: [item.code] });
    assert.equal(take.status, 403, `${who} stocktake export: ${take.status}`);
  }
});

test('another station\'s custodian exports only its own items, and its stocktake export of our place is 404', async () => {
  const other = await loggedIn(server, 'custodian3');  // 东城派出所
  const csv = await other.get('/property/exports/items');
  assert.equal(csv.status, 200);
  assert.ok(!csv.text.includes(item.code), 'another unit\'s item in the export');
  const byCase = await other.get(`/property/exports/items?case_id=${item.case_id}`);
  assert.equal(byCase.text.replace(/^\uFEFF/, '').trim().split('\r\n').length, 1, 'only the header for a foreign case');
  const ours = expectStatus(await (await loggedIn(server, 'custodian2')).get('/property/stores'), 200).stores[0];
  const res = await other.post('/property/exports/stocktake', { place_id: ours.places[0].id, codes: [item.code] });
  expectError(res, 404);
  assert.ok(!res.text.includes(item.code));
});

test('store management: officers may not, and a custodian cannot reach another unit\'s store or place', async () => {
  const ours = expectStatus(await (await loggedIn(server, 'custodian2')).get('/property/stores'), 200).stores[0];
  const officer = await loggedIn(server, 'officer');
  expectError(await officer.post(`/property/stores/${ours.id}/places`, { level: 'room', code: 'Z', name: 'Z' }), 403);
  const other = await loggedIn(server, 'custodian3');
  expectError(await other.post(`/property/stores/${ours.id}/places`, { level: 'room', code: 'Z', name: 'Z' }), 404);
  expectError(await other.request('PATCH', `/property/places/${ours.places[0].id}`, { json: { capacity: 99 } }), 404);
  for (const admin of ['sysadmin', 'secadmin', 'auditadmin']) {
    const a = await loggedIn(server, admin);
    expectError(await a.post('/property/stores', { unit_id: ours.unit_id, name: 'x', kind: 'station' }), 403);
  }
});
