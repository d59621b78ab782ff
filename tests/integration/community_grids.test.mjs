// Grids through the real server (issue 14, ADR 0034): the 22 demo grids with their teams and every demo address
// assigned; create, edit (version → 409, overlap → 400 naming polygon), team with sealed phones, summary and the
// bureau's rates; audited; permissions; an actor of another station cannot edit a grid outside their units.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, loggedIn, execSql } from './lib/server.mjs';
import { expectError, expectStatus } from './lib/expect.mjs';

let server;
before(async () => { server = await startServer('grids'); });
after(async () => { await server?.cleanup(); });

const sql1 = (q) => execSql(server.db, q).trim();
const ring = (lon0, lat0, lon1, lat1) => ({
  type: 'Polygon',
  coordinates: [[[lon0, lat0], [lon1, lat0], [lon1, lat1], [lon0, lat1], [lon0, lat0]]],
});
const patch = (c, code, json) => c.request('PATCH', `/community/grids/${code}`, { json });

test('demo: 22 grids, each with a team led by a station officer, every demo address in one grid', async () => {
  const officer = await loggedIn(server, 'officer');
  const list = expectStatus(await officer.get('/community/grids'), 200);
  assert.equal(list.items.length, 22);
  const g01 = list.items.find((g) => g.code === '519901-G01');
  assert.equal(g01.name, '东门社区网格');
  assert.equal(g01.officer_name, '王志强');  // the demo officer leads 东门社区
  assert.equal(g01.polygon.type, 'Polygon');
  const rates = expectStatus(await officer.get('/community/grids/rates'), 200);
  // 20,000 demo addresses; areas (county, township, community) lie in no grid, road level and below all do
  const areas = Number(sql1("SELECT COUNT(*) FROM community_addresses WHERE level IN ('county', 'township', 'community')"));
  assert.ok(areas > 0);
  assert.equal(rates.total.addresses, 20000 - areas);
  assert.equal(rates.total.rates.located.value, 1);  // every demo address has coordinates
  assert.ok(rates.grids.every((g) => g.addresses > 0 && g.expected_population > 0 && g.officer_id));
  assert.equal(sql1('SELECT COUNT(*) FROM community_addresses WHERE grid_id IS NULL'), String(areas));
  const station = sql1("SELECT id FROM units WHERE name = '城关派出所'");
  const town = expectStatus(await officer.get(`/community/grids/rates?unit_id=${station}`), 200);
  assert.equal(town.grids.length, 6);
  expectError(await officer.get('/community/grids/rates?unit_id=x'), 400, 'invalid_argument', { unit_id: 'invalid_integer' });

  const summary = expectStatus(await officer.get('/community/grids/519901-G01/summary'), 200);
  const roles = summary.team.map((m) => m.role);
  assert.equal(roles.filter((r) => r === 'community_officer').length, 1);
  assert.equal(roles.filter((r) => r === 'auxiliary').length, 3);
  assert.equal(roles.filter((r) => r === 'grid_member').length, 10);
  assert.ok(roles.filter((r) => r === 'volunteer').length >= 3);
  assert.ok(summary.team.filter((m) => m.phone).every((m) => /^1\d\d\*{4}\d{4}$/.test(m.phone)), 'phones masked');
  assert.equal(summary.figures.addresses, summary.addresses_by_level.reduce((s, b) => s + b.count, 0));
  assert.deepEqual(summary.places.map((p) => p.kind).sort(), ['alerts', 'cases']);
  // Every demo case lies in a grid (at a standard address inside one); move one into 东门社区 by coordinates and
  // one by its place text only: G01 gains them, and the county's total stays the number of cases.
  const g01Before = (await officer.get('/community/grids/519901-G01/summary')).json.places.find((p) => p.kind === 'cases').inside;
  const [first, second] = sql1(`SELECT id FROM cases WHERE place_address_id NOT IN (SELECT code FROM community_addresses WHERE grid_id = '519901-G01') ORDER BY id LIMIT 2`).split('\n')
  execSql(server.db, `UPDATE cases SET place_lon = 104.27, place_lat = 30.8 WHERE id = ${first}`);
  execSql(server.db, `UPDATE cases SET place_lon = NULL, place_lat = NULL, place_address = (SELECT full_name FROM `
    + `community_addresses WHERE grid_id = '519901-G01' AND level = 'house' ORDER BY code LIMIT 1) WHERE id = ${second}`);
  let placed = 0;
  for (const g of list.items) {
    const s = expectStatus(await officer.get(`/community/grids/${g.code}/summary`), 200);
    const cases = s.places.find((p) => p.kind === 'cases');
    placed += cases.inside;
    if (g.code === '519901-G01') assert.equal(cases.inside, g01Before + 2);
  }
  assert.equal(placed, Number(sql1('SELECT COUNT(*) FROM cases')));
  assert.match(sql1("SELECT phone FROM community_grid_members WHERE role = 'auxiliary' LIMIT 1"), /^sm4:/);
  expectError(await officer.get('/community/grids/nope/summary'), 404, 'not_found');
});

test('create, edit and team: addresses follow the polygon, stale versions and overlaps refused, audited', async () => {
  const leader = await loggedIn(server, 'leader');
  const station = sql1("SELECT id FROM units WHERE name = '东城派出所'");
  // Two addresses east of the county; the room has no coordinates and follows its house.
  execSql(server.db, "INSERT INTO community_addresses (code, level, parent_code, full_name, longitude, latitude, updated_at) "
    + "VALUES ('T-1', 'house', '', '示范县测试路1号', 104.6005, 30.8005, 1), ('T-1-1', 'room', 'T-1', '示范县测试路1号101室', NULL, NULL, 1)");
  const created = expectStatus(await leader.post('/community/grids', {
    code: 'T-G1', name: '测试网格', unit_id: Number(station), expected_population: 10, polygon: ring(104.6, 30.8, 104.61, 30.81),
  }), 201);
  assert.equal(created.addresses, 2);
  assert.equal(created.version, 1);
  assert.equal(sql1("SELECT grid_id FROM community_addresses WHERE code = 'T-1-1'"), 'T-G1');

  expectError(await leader.post('/community/grids', { code: 'T-G2', name: 'x', unit_id: Number(station),
    polygon: ring(104.605, 30.8, 104.62, 30.81) }), 400, 'invalid_argument', { polygon: 'overlaps_grid' });
  const open = ring(104.7, 30.8, 104.71, 30.81);
  open.coordinates[0].pop();
  expectError(await leader.post('/community/grids', { name: 'x', unit_id: Number(station), polygon: open }), 400,
    'invalid_argument', { polygon: 'not_closed' });
  expectError(await leader.post('/community/grids', { name: 'x', unit_id: Number(station), polygon: ring(104.7, 30.8, 104.71, 30.81), colour: 1 }),
    400, 'invalid_argument', { colour: 'unknown_field' });

  // Moving the polygon away: the addresses lose the grid in the same change.
  const moved = expectStatus(await patch(leader, 'T-G1', { version: 1, polygon: ring(104.62, 30.8, 104.63, 30.81) }), 200);
  assert.equal(moved.version, 2);
  assert.equal(moved.addresses, 0);
  assert.equal(sql1("SELECT COUNT(*) FROM community_addresses WHERE grid_id = 'T-G1'"), '0');
  expectError(await patch(leader, 'T-G1', { version: 1, name: 'y' }), 409, 'conflict');
  expectError(await patch(leader, 'T-G1', { name: 'y' }), 400, 'invalid_argument', { version: 'required' });

  const officerId = Number(sql1("SELECT id FROM users WHERE username = 'officer'"));
  const team = expectStatus(await leader.put('/community/grids/T-G1/team', { version: 2, team: [
    { user_id: officerId, role: 'community_officer' },
    { name: '张秀英', role: 'auxiliary', phone: '13800138000' },
  ] }), 200);
  assert.equal(team.version, 3);
  assert.equal(team.team[1].phone, '138****8000');
  assert.equal(sql1("SELECT COUNT(*) FROM community_grid_members WHERE phone LIKE '%13800138000%'"), '0');
  expectError(await leader.put('/community/grids/T-G1/team', { version: 3, team: [{ name: '李', role: 'auxiliary', phone: '13800138001' }] }),
    400, 'invalid_argument', { team: 'community_officer_required' });
  expectError(await leader.put('/community/grids/T-G1/team', { version: 3, team: [{ user_id: officerId, role: 'community_officer', phone: '123' }] }),
    400, 'invalid_argument', { 'team.0.phone': 'bad_mobile' });

  const audited = sql1("SELECT COUNT(*) FROM audit_log WHERE action = 'community.grid.update' AND result = 'ok' AND object = 'grid:T-G1'");
  assert.equal(audited, '1');
  assert.equal(sql1("SELECT COUNT(*) FROM audit_log WHERE action = 'community.grid.create' AND object = 'grid:T-G1'"), '1');
});

test('permissions: reading needs community.grid.read, editing community.grid.write', async () => {
  for (const user of ['sysadmin', 'custodian']) {
    const c = await loggedIn(server, user);
    expectError(await c.get('/community/grids'), 403, 'permission_denied');
    expectError(await c.get('/community/grids/519901-G01'), 403, 'permission_denied');
  }
  const officer = await loggedIn(server, 'officer');
  expectError(await patch(officer, '519901-G01', { version: 1, name: 'x' }), 403, 'permission_denied');
  expectError(await officer.post('/community/grids', { name: 'x', unit_id: 1, polygon: ring(105, 30, 105.01, 30.01) }), 403, 'permission_denied');
});

test('scope: with grid.write, an officer edits grids of their station and no other', async () => {
  // A bureau may give station staff the right to draw their own grids; the unit scope still holds.
  execSql(server.db, "INSERT INTO role_permissions (role_code, permission) VALUES ('officer', 'community.grid.write')");
  await server.stop();
  await server.start();
  const officer = await loggedIn(server, 'officer');  // 城关派出所
  const other = expectStatus(await officer.get('/community/grids/519901-G07'), 200);  // 东城派出所's
  assert.equal(other.unit_name, '东城派出所');
  expectError(await patch(officer, '519901-G07', { version: other.version, name: 'x' }), 403, 'permission_denied');
  expectError(await officer.put('/community/grids/519901-G07/team', { version: other.version, team: [] }), 403);
  const own = expectStatus(await officer.get('/community/grids/519901-G01'), 200);
  const renamed = expectStatus(await patch(officer, '519901-G01', { version: own.version, expected_population: 3000 }), 200);
  assert.equal(renamed.expected_population, 3000);
  expectError(await patch(officer, '519901-G01', { version: renamed.version, unit_id: other.unit_id }), 403, 'permission_denied');
  assert.equal(sql1("SELECT name FROM community_grids WHERE code = '519901-G07'"), other.name);
});
