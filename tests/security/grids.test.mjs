// The other ways into the grids (issue 14, ADR 0034): every grid endpoint that shows a team (names and phones of
// auxiliaries, grid members and volunteers) refuses anonymous callers, the three administrators and roles without
// community.grid.read; changes refuse a missing CSRF token; team phones never leave the server whole (list, detail,
// summary, the team reply) and are not in the database in the clear.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, loggedIn, execSql } from '../integration/lib/server.mjs';
import { expectError, expectStatus } from '../integration/lib/expect.mjs';

let server;
before(async () => { server = await startServer('secgrids'); });
after(async () => { await server?.cleanup(); });

const READS = ['/community/grids', '/community/grids/rates', '/community/grids/519901-G01',
  '/community/grids/519901-G01/summary'];
const PHONE = '13912345678';

test('reads: anonymous 401; administrators and roles without the permission 403', async () => {
  const anon = server.client();
  for (const p of READS) expectError(await anon.get(p), 401);
  for (const user of ['sysadmin', 'secadmin', 'auditadmin', 'custodian', 'courier', 'legal']) {
    const c = await loggedIn(server, user);
    for (const p of READS) expectError(await c.get(p), 403, 'permission_denied');
  }
});

test('changes: no CSRF token, no change; team phones masked everywhere and sealed at rest', async () => {
  const leader = await loggedIn(server, 'leader');
  const g = expectStatus(await leader.get('/community/grids/519901-G01'), 200);
  const officerId = g.team.find((m) => m.role === 'community_officer').user_id;
  const team = [{ user_id: officerId, role: 'community_officer' }, { name: '安全测试', role: 'volunteer', phone: PHONE }];
  expectError(await leader.request('PUT', '/community/grids/519901-G01/team', { json: { version: g.version, team }, csrf: false }), 403);
  expectError(await leader.request('PATCH', '/community/grids/519901-G01', { json: { version: g.version, name: 'x' }, csrf: false }), 403);
  assert.equal(expectStatus(await leader.get('/community/grids/519901-G01'), 200).version, g.version);

  const saved = await leader.put('/community/grids/519901-G01/team', { version: g.version, team });
  assert.equal(saved.status, 200, saved.text);
  for (const p of READS) {
    const r = await leader.get(p);
    assert.equal(r.status, 200);
    assert.ok(!r.text.includes(PHONE), `${p} shows a whole phone`);
  }
  assert.ok(!saved.text.includes(PHONE));
  assert.equal(execSql(server.db, `SELECT COUNT(*) FROM community_grid_members WHERE phone LIKE '%${PHONE}%'`).trim(), '0');
  assert.equal(execSql(server.db, `SELECT COUNT(*) FROM community_grid_members WHERE phone <> '' AND phone NOT LIKE 'sm4:%'`).trim(), '0');
  // The reads of teams are in the audit log.
  assert.notEqual(execSql(server.db, "SELECT COUNT(*) FROM audit_log WHERE action = 'community.grid.summary' AND object = 'grid:519901-G01'").trim(), '0');
});
