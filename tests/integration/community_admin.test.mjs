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
