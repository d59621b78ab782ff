// Picking an address on the phone's map or by GPS (issue 15, ADR 0073), through the real server on SQLite and
// PostgreSQL: GET /community/addresses/near answers the nearest houses and buildings with their distance, under the
// match endpoint's permission, audited like it, bad lng/lat named; GET /field/grid-map gives the caller's grid
// outline and the base map near it, to the same people as /field/grid-addresses (another grid: 404).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, loggedIn, execSql } from './lib/server.mjs';
import { expectError, expectStatus } from './lib/expect.mjs';

let server;
let officer;
before(async () => {
  server = await startServer('field_map');
  officer = await loggedIn(server, 'officer');
});
after(async () => { await server?.cleanup(); });

const count = (sql) => Number(execSql(server.db, sql).trim());
const one = (sql) => execSql(server.db, sql).trim();

test('the nearest standard addresses to a point, nearest first, with the distance in metres', async () => {
  const [code, lng, lat] = one("SELECT code || '|' || longitude || '|' || latitude FROM community_addresses WHERE level = 'house' AND longitude IS NOT NULL ORDER BY code LIMIT 1").split('|');
  const before = count("SELECT count(*) FROM audit_log WHERE action = 'community.address_near'");
  const r = expectStatus(await officer.get(`/community/addresses/near?lng=${lng}&lat=${lat}&limit=5`), 200);
  assert.ok(r.items.length >= 1 && r.items.length <= 5);
  // standing on the house: it is first, at 0 m (or a building of it at the same point, then ordered by code)
  assert.equal(r.items[0].distance_m, 0);
  assert.ok(r.items.some((a) => a.address_id === code && a.distance_m === 0));
  for (let i = 1; i < r.items.length; i++) assert.ok(r.items[i].distance_m >= r.items[i - 1].distance_m, 'nearest first');
  assert.ok(r.items.every((a) => a.level === 'house' || a.level === 'building'), 'only places a map tells apart');
  assert.ok(r.items.every((a) => a.distance_m <= 500), 'within the default radius');
  assert.equal(count("SELECT count(*) FROM audit_log WHERE action = 'community.address_near'"), before + 1, 'audited');
  // 0.001° north: about 111 m from the house
  const north = expectStatus(await officer.get(`/community/addresses/near?lng=${lng}&lat=${Number(lat) + 0.001}&limit=20&radius=5000`), 200);
  const house = north.items.find((a) => a.address_id === code);
  assert.ok(house && Math.abs(house.distance_m - 111) <= 1, `111 m, got ${JSON.stringify(house)}`);
  // far from the county: nothing within the radius
  assert.deepEqual(expectStatus(await officer.get('/community/addresses/near?lng=0&lat=0'), 200).items, []);
});

test('bad lng/lat/limit/radius are refused naming the field', async () => {
  expectError(await officer.get('/community/addresses/near?lat=30'), 400, 'invalid_argument', { lng: 'required' });
  expectError(await officer.get('/community/addresses/near?lng=104'), 400, 'invalid_argument', { lat: 'required' });
  expectError(await officer.get('/community/addresses/near?lng=abc&lat=30'), 400, 'invalid_argument', { lng: 'invalid_number' });
  expectError(await officer.get('/community/addresses/near?lng=104&lat=30x'), 400, 'invalid_argument', { lat: 'invalid_number' });
  expectError(await officer.get('/community/addresses/near?lng=181&lat=30'), 400, 'invalid_argument', { lng: 'out_of_range' });
  expectError(await officer.get('/community/addresses/near?lng=104&lat=-91'), 400, 'invalid_argument', { lat: 'out_of_range' });
  expectError(await officer.get('/community/addresses/near?lng=104&lat=30&limit=0'), 400, 'invalid_argument', { limit: 'out_of_range' });
  expectError(await officer.get('/community/addresses/near?lng=104&lat=30&radius=99999'), 400, 'invalid_argument', { radius: 'out_of_range' });
});

test('the same permission as matching: the grid member may, a role without community.address.match may not', async () => {
  const member = await loggedIn(server, 'gridmember');
  expectStatus(await member.get('/community/addresses/near?lng=104&lat=30'), 200);
  const audit = await loggedIn(server, 'auditadmin');
  expectError(await audit.get('/community/addresses/near?lng=104&lat=30'), 403);
  expectError(await audit.post('/community/addresses/match', { input: '解放路1号' }), 403);
});

test('the grid map: its outline and the base map near it, for the grid\'s team and station only', async () => {
  const grid = one("SELECT m.grid_code FROM community_grid_members m JOIN users u ON u.id = m.user_id WHERE u.username = 'officer' LIMIT 1");
  const r = expectStatus(await officer.get(`/field/grid-map?grid=${encodeURIComponent(grid)}`), 200);
  assert.equal(r.grid, grid);
  assert.equal(r.boundary.type, 'Polygon');
  assert.equal(r.basemap.type, 'FeatureCollection');
  const whole = expectStatus(await (await loggedIn(server, 'duty')).get('/checkpoint/basemap'), 200);
  assert.ok(r.basemap.features.length > 0, 'some of the base map lies near the grid');
  assert.ok(r.basemap.features.length < whole.features.length, 'not the whole county');
  assert.ok(count(`SELECT count(*) FROM audit_log WHERE action = 'field.grid_map' AND object = 'grid:${grid}'`) >= 1);
  // a grid member (no checkpoint.read) gets their own grid's map by the team they are on, not another grid's
  const member = await loggedIn(server, 'gridmember');
  expectError(await member.get('/checkpoint/basemap'), 403);
  assert.equal(expectStatus(await member.get('/field/grid-map'), 200).grid, grid);
  const other = one(`SELECT code FROM community_grids WHERE code <> '${grid}' ORDER BY code LIMIT 1`);
  expectError(await member.get(`/field/grid-map?grid=${encodeURIComponent(other)}`), 404);
  expectError(await member.get(`/field/grid-addresses?grid=${encodeURIComponent(other)}`), 404);
  // a grid of another station: the officer sees neither its addresses nor its map
  const foreign = one(`SELECT g.code FROM community_grids g JOIN users u ON u.username = 'officer' WHERE g.unit_id <> u.unit_id ORDER BY g.code LIMIT 1`);
  assert.ok(foreign, 'the demo has grids of the township stations');
  expectError(await officer.get(`/field/grid-map?grid=${encodeURIComponent(foreign)}`), 404);
  expectError(await officer.get(`/field/grid-addresses?grid=${encodeURIComponent(foreign)}`), 404);
  expectError(await officer.get('/field/grid-map?grid=NO-SUCH-GRID'), 404);
});
