// Security: accounts of organisations outside the police (issue 16, ADR 0051). The central rule: an external
// account is refused (403, audited) on every route whose permission no external role holds — checked by walking
// the server's whole route table (GET /routes) as the court's demo account, so that a module that forgets its own
// check still leaks nothing. And an organisation's administrator cannot reach another organisation's staff.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, loggedIn, execSql } from '../integration/lib/server.mjs';
import { expectError, expectStatus } from '../integration/lib/expect.mjs';

let server;
let routes;
before(async () => {
  server = await startServer('orgs-security');
  const secadmin = await loggedIn(server, 'secadmin');
  routes = expectStatus(await secadmin.get('/routes'), 200).items;
});
after(async () => { await server?.cleanup(); });

// A concrete path for a pattern: every parameter becomes 1.
const concrete = (pattern) => pattern.replace(/:[a-z_]+/g, '1');

test('the route table marks the police routes and a few routes open to external accounts', () => {
  assert.ok(routes.length > 100, `${routes.length} routes`);
  const open = routes.filter((r) => r.external).map((r) => r.action);
  for (const a of ['session.read', 'session.logout', 'session.password', 'org.own_staff_list', 'todo.read']) assert.ok(open.includes(a), a);
  for (const a of ['case.list', 'user.list', 'org.list', 'audit.search', 'unit.list']) {
    const r = routes.find((x) => x.action === a);
    if (r) assert.equal(r.external, false, a);
  }
});

test('the court\'s account is refused on every police route, and each refusal is audited', async () => {
  const judge = await loggedIn(server, 'judge');
  const police = routes.filter((r) => !r.external && r.pattern.startsWith('/api/'));
  const leaks = [];
  for (const r of police) {
    const res = await judge.request(r.method, concrete(r.pattern), r.method === 'GET' ? {} : { json: {} });
    if (res.status !== 403 || res.json?.code !== 'permission_denied') leaks.push(`${r.method} ${r.pattern} → ${res.status}`);
  }
  assert.deepEqual(leaks, [], 'every police route refuses the external account');
  const auditor = await loggedIn(server, 'auditadmin');
  const denied = expectStatus(await auditor.get('/audit?user=judge&result=denied&page_size=1'), 200);
  assert.ok(denied.total >= police.length, `${denied.total} denied records for ${police.length} routes`);
  // Its own session still works: it is refused police data, not logged out.
  const me = expectStatus(await judge.get('/session'), 200);
  assert.equal(me.user.org_name, '示范县人民法院');
  // Only what is shared with a court: transfer lists of case property sent to it (issue 16, property module).
  assert.deepEqual(me.permissions.filter((p) => p !== 'notify.read' && !p.startsWith('property.transfer.')), []);
});

test('an external account given a police role by the database still gets nothing of it', async () => {
  // Even written straight into the database, a police role does not reach an external account (SessionService).
  execSql(server.db, "INSERT INTO user_roles (user_id, role_code) SELECT id, 'officer' FROM users WHERE username = 'citymgmt'");
  const dept = await loggedIn(server, 'citymgmt');
  const me = expectStatus(await dept.get('/session'), 200);
  assert.ok(!me.permissions.includes('case.read'));
  expectError(await dept.get('/cases'), 403, 'permission_denied');
});

test('the security administrator cannot assign a police role to an external account, nor an external role to police', async () => {
  const secadmin = await loggedIn(server, 'secadmin');
  const sysadmin = await loggedIn(server, 'sysadmin');
  const court = expectStatus(await sysadmin.get('/orgs?kind=court'), 200).items[0];
  const judge = expectStatus(await sysadmin.get(`/orgs/${court.id}/staff`), 200).items[0];
  expectError(await secadmin.put(`/users/${judge.id}/roles`, { roles: ['officer'] }), 400, 'invalid_argument', { roles: 'external_role' });
  const officers = expectStatus(await sysadmin.get('/users?q=officer'), 200).items;
  const officer = officers.find((u) => u.username === 'officer');
  expectError(await secadmin.put(`/users/${officer.id}/roles`, { roles: ['judge'] }), 400, 'invalid_argument', { roles: 'external_role' });
});
