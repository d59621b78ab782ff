// The community admin pages' server side (issue 14 leftovers, ADR 0047): import and export of standard addresses,
// houses and units over HTTP (the command's CSV formats; all or nothing; a refused file names its line and
// column); the grid team editor; linking a case's unlinked place to a standard address. Every write audited.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, loggedIn, execSql } from './lib/server.mjs';
import { expectError, expectStatus } from './lib/expect.mjs';

let server;
let officer;
let leader;
before(async () => {
  server = await startServer('community_admin');
  officer = await loggedIn(server, 'officer');
  leader = await loggedIn(server, 'leader');
});
after(async () => { await server?.cleanup(); });

const csv = (c, p, body) => c.request('POST', p, { body, headers: { 'Content-Type': 'text/csv' } });
const count = (sql) => Number(execSql(server.db, sql).trim());

test('addresses: a bad line is refused by line and column, nothing written; a good file joins its grid; export has the header', async () => {
  const header = 'address_id,full_name,level,longitude,latitude\n';
  const good = 'T9-0001,示范县测试路1号,house,,\n';
  const bad = `${header}${good}T9-0002,示范县测试路2号,house,abc,30.1\n`;
  const before = count("SELECT COUNT(*) FROM community_addresses WHERE code LIKE 'T9-%'");
  const refused = await csv(leader, '/community/addresses/import', bad);
  const body = expectError(refused, refused.status === 400 ? 400 : 422, 'invalid_argument', { longitude: 'not_a_number' });
  assert.equal(body.fields.line, '3');
  assert.equal(count("SELECT COUNT(*) FROM community_addresses WHERE code LIKE 'T9-%'"), before);

  const ok = expectStatus(await csv(leader, '/community/addresses/import', header + good), 200);
  assert.deepEqual([ok.kind, ok.rows, ok.imported], ['addresses', 1, 1]);
  assert.equal(count("SELECT COUNT(*) FROM community_addresses WHERE code = 'T9-0001'"), 1);
  assert.equal(count("SELECT COUNT(*) FROM audit_log WHERE action = 'community.address.import' AND result = 'ok'"), 1);
  assert.equal(count("SELECT COUNT(*) FROM audit_log WHERE action = 'community.address.import' AND result <> 'ok'"), 1);

  const exp = await leader.get('/community/addresses/export');
  assert.equal(exp.status, 200);
  assert.match(exp.headers.get('content-type'), /text\/csv/);
  const lines = exp.text.replace(/^\uFEFF/, '').split('\n');
  assert.ok(lines[0].startsWith('address_id,full_name,longitude,latitude,grid_id'), lines[0]);
  assert.ok(lines.some((l) => l.startsWith('T9-0001,')));
  // the officer may read the addresses, not import them
  expectError(await csv(officer, '/community/addresses/import', header + good), 403);
});

test('houses and units: imported for the officer\'s unit, refused by line, exported with the unit phone masked', async () => {
  const addr = execSql(server.db, "SELECT code FROM community_addresses WHERE level = 'room' ORDER BY code LIMIT 1 OFFSET 7").trim();
  const houses = `address_id,use,notes\n${addr},rented,导入\n`;
  const badHouses = `${houses}${addr},palace,\n`;
  const refused = await csv(officer, '/community/houses/import', badHouses);
  assert.ok([400, 422].includes(refused.status), refused.text);
  assert.equal(refused.json.fields.line, '3', refused.text);
  assert.ok(refused.json.fields.use, refused.text);
  expectStatus(await csv(officer, '/community/houses/import', houses), 200);
  assert.equal(execSql(server.db, `SELECT use FROM community_houses WHERE address_code = '${addr}'`).trim(), 'rented');
  const hexp = await officer.get('/community/houses/export');
  assert.equal(hexp.status, 200);
  assert.ok(hexp.text.includes(addr));

  const units = `name,address_id,kind,phone\n导入测试商店,${addr},enterprise,13912345678\n`;
  const u = expectStatus(await csv(officer, '/community/orgs/import', units), 200);
  assert.equal(u.kind, 'units');
  const uexp = await officer.get('/community/orgs/export');
  assert.equal(uexp.status, 200);
  assert.ok(uexp.text.includes('导入测试商店'));
  assert.ok(!uexp.text.includes('13912345678'), 'the phone is masked');
  assert.ok(uexp.text.includes('139****5678'));
  assert.equal(count("SELECT COUNT(*) FROM audit_log WHERE action IN ('community.house.export', 'community.org.export')"), 2);
  // the administrators hold no business permission
  const admin = await loggedIn(server, 'sysadmin');
  expectError(await admin.get('/community/orgs/export'), 403);
});

test('demo cases lie at standard addresses inside the grids; a few are left for the officer to link', () => {
  const total = count('SELECT COUNT(*) FROM cases');
  const inGrid = count('SELECT COUNT(*) FROM cases k JOIN community_addresses a ON a.code = k.place_address_id WHERE a.grid_id IS NOT NULL');
  const unlinked = count('SELECT COUNT(*) FROM cases WHERE place_address_id IS NULL');
  assert.ok(total >= 20, `${total}`);
  assert.equal(inGrid + unlinked, total, `${inGrid} in a grid, ${unlinked} unlinked of ${total}`);
  assert.ok(unlinked >= 1 && inGrid >= total - 4, `${inGrid} in a grid, ${unlinked} unlinked`);
  // area levels hold no grid
  assert.equal(count("SELECT COUNT(*) FROM community_addresses WHERE level IN ('county', 'township', 'community') AND grid_id IS NOT NULL"), 0);
});

test('linking an unlinked case place: the candidate chosen, audited; an unknown address refused', async () => {
  const caseId = count('SELECT id FROM cases WHERE place_address_id IS NULL ORDER BY id LIMIT 1');
  const shown = expectStatus(await leader.get(`/cases/${caseId}`), 200);
  assert.equal(shown.place.standard.address_id, null);
  const candidates = expectStatus(await leader.post('/community/addresses/match', { input: shown.place.address }), 200).candidates;
  assert.ok(candidates.length > 0, JSON.stringify(candidates));
  expectError(await leader.request('PUT', `/cases/${caseId}/place-link`, { json: { address_id: 'NO-SUCH' } }), 400, 'invalid_argument', { address_id: 'unknown' });
  const linked = expectStatus(await leader.request('PUT', `/cases/${caseId}/place-link`, { json: { address_id: candidates[0].address_id } }), 200);
  assert.equal(linked.place.standard.address_id, candidates[0].address_id);
  assert.equal(linked.place.address, shown.place.address, 'the text stays as written');
  assert.equal(count(`SELECT COUNT(*) FROM audit_log WHERE action = 'case.place_link' AND object = 'case:${caseId}' AND result = 'ok'`), 1);
});

test('the grid team editor\'s rules name the row sent; a typed member keeps the stored phone', async () => {
  const grid = execSql(server.db, 'SELECT code FROM community_grids ORDER BY code LIMIT 1').trim();
  const g = expectStatus(await leader.get(`/community/grids/${grid}`), 200);
  const officerRow = g.team.find((m) => m.role === 'community_officer');
  const typed = g.team.find((m) => !m.user_id);
  const team = g.team.map((m) => (m.user_id ? { user_id: m.user_id, role: m.role } : { name: m.name, role: m.role }));
  expectError(await leader.put(`/community/grids/${grid}/team`, { version: g.version, team: [...team, { name: '新志愿者', role: 'volunteer' }] }),
    400, 'invalid_argument', { [`team.${team.length}.phone`]: 'required' });
  expectError(await leader.put(`/community/grids/${grid}/team`, { version: g.version, team: [...team, { user_id: officerRow.user_id, role: 'auxiliary' }] }),
    400, 'invalid_argument', { [`team.${team.length}.user_id`]: 'duplicate' });
  const saved = expectStatus(await leader.put(`/community/grids/${grid}/team`, { version: g.version, team: [...team, { name: '新志愿者', role: 'volunteer', phone: '13900001111' }] }), 200);
  assert.equal(saved.team.length, g.team.length + 1);
  if (typed) assert.equal(saved.team.find((m) => m.name === typed.name).phone, typed.phone, 'kept, shown masked as before');
});

// Last: it moves units. Community rows follow a merge (ADR 0024): register and live work move, history stays.
test('a unit merge moves the community rows of the merged unit; undo brings them back', async () => {
  const sys = await loggedIn(server, 'sysadmin');
  const [from, into] = ['519901031100', '519901031000'];  // 东城派出所 into 城关派出所
  const fromId = count(`SELECT id FROM units WHERE code = '${from}'`);
  const rows = (table, where = '1 = 1') => count(`SELECT COUNT(*) FROM ${table} WHERE unit_id = ${fromId} AND ${where}`);
  const tables = ['community_people', 'community_houses', 'community_orgs', 'community_grids'];
  const before = Object.fromEntries(tables.map((t) => [t, rows(t)]));
  assert.ok(before.community_people > 0 && before.community_grids > 0, JSON.stringify(before));
  const visits = rows('community_visits');
  const date = new Date(Date.now() + 8 * 3600_000 + 30 * 86400_000).toISOString().slice(0, 10);
  const plan = { title: '合并', effective_date: date, reason: '集成测试', operations: [{ op: 'merge', units: [into, from], into }] };

  const dry = expectStatus(await sys.post('/units/restructure', { plan, dry_run: true }), 200);
  const moved = (what) => dry.moves.find((m) => m.module === 'community' && m.what === what)?.count;
  assert.equal(moved('people'), before.community_people, JSON.stringify(dry.moves));
  assert.equal(moved('grids'), before.community_grids);

  const applied = expectStatus(await sys.post('/units/restructure', { plan }), 201);
  for (const t of tables) assert.equal(rows(t), 0, t);
  assert.equal(rows('community_visits'), visits, 'visits are history: kept');
  assert.equal(count(`SELECT COUNT(*) FROM community_grids WHERE unit_id = (SELECT id FROM units WHERE code = '${into}')`) >= before.community_grids, true);

  expectStatus(await sys.post(`/units/restructures/${applied.id}/undo`, { reason: '测试撤销' }), 200);
  for (const t of tables) assert.equal(rows(t), before[t], t);
});
