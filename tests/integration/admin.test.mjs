// The three separated administrators (system, security, audit) and the life of a new account:
// created by the system admin, granted a role by the security admin, found in the audit log by the audit admin.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, loggedIn, findUser } from './lib/server.mjs';
import { expectError, expectStatus } from './lib/expect.mjs';

let server, sys, sec, aud;
before(async () => {
  server = await startServer('admin');
  sys = await loggedIn(server, 'sysadmin');
  sec = await loggedIn(server, 'secadmin');
  aud = await loggedIn(server, 'auditadmin');
});
after(async () => { await server?.cleanup(); });

const NEW_USER = { username: 'li_jianjun', police_no: '880101', name: '李建军', phone: '13912345678' };
const NEW_PASSWORD = 'Zhong#Guo2027';
let created; // {user, initial_password}

async function unitId(client, name) {
  const units = expectStatus(await client.get('/units'), 200);
  const u = units.items.find((x) => x.name === name);
  assert.ok(u, `unit ${name} in ${JSON.stringify(units.items.map((x) => x.name))}`);
  return u.id;
}

test('separation of duties: the system admin manages users but cannot read the audit log or roles', async () => {
  const list = expectStatus(await sys.get('/users'), 200);
  assert.ok(Array.isArray(list.items));
  assert.ok(list.total > 100, `demo county has ~130 users, total=${list.total}`);
  expectStatus(await sys.get('/units'), 200);
  expectError(await sys.get('/audit'), 403, 'permission_denied');
  expectError(await sys.get('/audit/verify'), 403, 'permission_denied');
  expectError(await sys.get('/roles'), 403, 'permission_denied');
  expectError(await sys.get('/policy'), 403, 'permission_denied');
});

test('separation of duties: the audit admin cannot see users, roles or units', async () => {
  expectError(await aud.get('/users'), 403, 'permission_denied');
  expectError(await aud.get('/roles'), 403, 'permission_denied');
  expectError(await aud.get('/units'), 403, 'permission_denied');
  expectStatus(await aud.get('/audit'), 200);
});

test('separation of duties: the security admin cannot create users or units', async () => {
  const before = expectStatus(await sys.get('/users?page_size=1'), 200).total;
  const r = await sec.post('/users', { ...NEW_USER, username: 'sec_made', police_no: '880199', unit_id: 1 });
  expectError(r, 403, 'permission_denied');
  expectError(await sec.post('/units', { code: '519901039900', name: '测试派出所', kind: 'station', parent_id: 1 }),
    403, 'permission_denied');
  expectStatus(await sec.get('/roles'), 200);
  assert.equal(expectStatus(await sys.get('/users?page_size=1'), 200).total, before, 'nothing was written');
});

test('the system admin creates a user: 201, no roles, initial password shown once', async () => {
  const unit = await unitId(sys, '城关派出所');
  const r = await sys.post('/users', { ...NEW_USER, unit_id: unit });
  created = expectStatus(r, 201);
  assert.equal(created.user.username, NEW_USER.username);
  assert.equal(created.user.police_no, NEW_USER.police_no);
  assert.equal(created.user.name, NEW_USER.name);
  assert.equal(created.user.unit_id, unit);
  assert.deepEqual(created.user.roles, []);
  assert.equal(created.user.status, 'active');
  assert.equal(created.user.phone, '139****5678', 'phone comes masked');
  assert.equal(typeof created.initial_password, 'string');
  assert.ok(created.initial_password.length >= 8);
  const found = await findUser(sys, NEW_USER.username);
  assert.ok(found, 'the new user is listed');
  assert.equal(found.id, created.user.id);
  assert.equal(found.initial_password, undefined, 'the initial password is not shown again');
});

test('creating the same username again is refused and writes nothing', async () => {
  const before = expectStatus(await sys.get('/users?page_size=1'), 200).total;
  const r = await sys.post('/users', { ...NEW_USER, police_no: '880102', unit_id: created.user.unit_id });
  assert.ok([400, 409].includes(r.status), `${r.status} ${r.text}`);
  expectError(r, r.status, undefined, { username: true });
  assert.equal(expectStatus(await sys.get('/users?page_size=1'), 200).total, before);
});

test('the system admin cannot grant roles; the security admin can', async () => {
  expectError(await sys.put(`/users/${created.user.id}/roles`, { roles: ['officer'] }), 403, 'permission_denied');
  const r = await sec.put(`/users/${created.user.id}/roles`, { roles: ['officer'] });
  const u = expectStatus(r, 200);
  assert.deepEqual(u.roles, ['officer']);
});

test('an administrator role together with a business role is 400 separation_of_duties', async () => {
  const r = await sec.put(`/users/${created.user.id}/roles`, { roles: ['sys_admin', 'officer'] });
  expectError(r, 400, 'invalid_argument', { roles: 'separation_of_duties' });
  const two = await sec.put(`/users/${created.user.id}/roles`, { roles: ['sys_admin', 'audit_admin'] });
  expectError(two, 400, 'invalid_argument', { roles: 'separation_of_duties' });
  const u = await findUser(sys, NEW_USER.username);
  assert.deepEqual(u.roles, ['officer'], 'the refused grant changed nothing');
});

test('the new user logs in with the initial password and must change it first', async () => {
  const c = server.client();
  const info = expectStatus(await c.login(NEW_USER.username, created.initial_password), 200);
  assert.equal(info.must_change_password, true);
  expectError(await c.get('/notifications'), 403, 'password_change_required');
  const r = await c.put('/session/password', { old_password: created.initial_password, new_password: NEW_PASSWORD });
  assert.equal(r.status, 204, `${r.status} ${r.text}`);
});

test('the new officer sees only what the officer role permits', async () => {
  const c = server.client();
  const info = expectStatus(await c.login(NEW_USER.username, NEW_PASSWORD), 200);
  assert.equal(info.must_change_password, false);
  assert.deepEqual(info.user.roles, ['officer']);
  assert.ok(info.permissions.includes('notify.read'));
  for (const p of ['unit.read', 'unit.write', 'user.read', 'user.write', 'role.read', 'role.write', 'role.assign',
    'policy.read', 'policy.write', 'audit.read', 'audit.export', 'audit.verify']) {
    assert.ok(!info.permissions.includes(p), `officer must not hold ${p}`);
  }
  expectStatus(await c.get('/notifications'), 200);
  for (const p of ['/users', '/units', '/roles', '/permissions', '/policy', '/audit', '/audit/verify']) {
    expectError(await c.get(p), 403, 'permission_denied');
  }
});

test('reading a colleague\'s unmasked phone needs a purpose and a case number', async () => {
  const id = created.user.id;
  const none = await sys.get(`/users/${id}/contact`);
  expectError(none, 400, 'invalid_argument', { purpose: true, case_no: true });
  expectError(await sys.get(`/users/${id}/contact?purpose=${encodeURIComponent('核查身份')}`), 400, 'invalid_argument',
    { case_no: true });
  // A purpose must say something (4 characters) and the case number be in the bureau's format.
  expectError(await sys.get(`/users/${id}/contact?purpose=${encodeURIComponent('核查')}&case_no=5199012026XS00001`), 400,
    'invalid_argument', { purpose: 'too_short' });
  expectError(await sys.get(`/users/${id}/contact?purpose=${encodeURIComponent('核查身份')}&case_no=A2026001`), 400,
    'invalid_argument', { case_no: 'bad_format' });
  const ok = expectStatus(await sys.get(`/users/${id}/contact?purpose=${encodeURIComponent('核查身份')}&case_no=5199012026XS00001`), 200);
  assert.equal(ok.id, id);
  assert.equal(ok.phone, NEW_USER.phone, 'unmasked');
  // The purpose and case number are in the audit record of the read.
  const log = expectStatus(await aud.get(`/audit?user=sysadmin&object=${encodeURIComponent(`user:${id}`)}&page_size=200`), 200);
  const rec = log.items.find((x) => x.case_no === '5199012026XS00001');
  assert.ok(rec, `no audit record with case_no 5199012026XS00001: ${JSON.stringify(log.items)}`);
  assert.equal(rec.purpose, '核查身份');
  assert.equal(rec.result, 'ok');
});

test('purpose and case number may come as URL-encoded X-Purpose / X-Case-No headers, audited decoded', async () => {
  const id = created.user.id;
  const r = await sys.get(`/users/${id}/contact`,
    { headers: { 'X-Purpose': encodeURIComponent('联系本人'), 'X-Case-No': encodeURIComponent('5199012026XZ00002') } });
  assert.equal(expectStatus(r, 200).phone, NEW_USER.phone);
  const log = expectStatus(await aud.get(`/audit?user=sysadmin&object=${encodeURIComponent(`user:${id}`)}&page_size=200`), 200);
  const rec = log.items.find((x) => x.case_no === '5199012026XZ00002');
  assert.ok(rec, `no audit record with case_no 5199012026XZ00002: ${JSON.stringify(log.items)}`);
  assert.equal(rec.purpose, '联系本人', 'X-Purpose is URL-decoded before it is recorded');
});

test('a password policy below the 等保 floor is refused', async () => {
  const policy = expectStatus(await sec.get('/policy'), 200);
  assert.deepEqual(policy, { min_length: 8, min_classes: 3, max_age_days: 90, history: 5, max_failures: 5,
    lock_minutes: 15, idle_minutes: 30, min_age_days: 1 });
  const weak = await sec.put('/policy', { ...policy, min_length: 6 });
  expectError(weak, 400, 'invalid_argument', { min_length: true });
  // Without a minimum age between changes the history could be cycled through at once.
  expectError(await sec.put('/policy', { ...policy, min_age_days: 0 }), 400, 'invalid_argument', { min_age_days: true });
  assert.deepEqual(expectStatus(await sec.get('/policy'), 200), policy, 'policy unchanged');
  expectError(await sys.put('/policy', policy), 403, 'permission_denied');
});

test('the audit admin finds the creation by action user.create', async () => {
  const r = expectStatus(await aud.get('/audit?action=user.create'), 200);
  assert.ok(r.total >= 1);
  const rec = r.items.find((x) => x.object === `user:${created.user.id}`);
  assert.ok(rec, `no user.create record for user:${created.user.id} in ${JSON.stringify(r.items)}`);
  assert.equal(rec.user, 'sysadmin');
  assert.equal(rec.result, 'ok');
  assert.match(rec.action, /user\.create/);
  assert.match(rec.at, /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/);
  assert.equal(rec.client, '127.0.0.1');
  assert.equal(typeof rec.hash, 'string');
  assert.ok(rec.request_id);
  // Filtering works: every returned record matches the action.
  for (const x of r.items) assert.match(x.action, /user\.create/);
});

test('the audit admin finds the new user\'s login by user', async () => {
  const r = expectStatus(await aud.get(`/audit?user=${NEW_USER.username}&page_size=200`), 200);
  assert.ok(r.items.length >= 1);
  for (const x of r.items) assert.equal(x.user, NEW_USER.username);
  const logins = r.items.filter((x) => /login|session\.(create|open)/i.test(x.action) && x.result === 'ok');
  assert.ok(logins.length >= 1, `no successful login record in ${JSON.stringify(r.items.map((x) => x.action))}`);
  // Newest first.
  for (let i = 1; i < r.items.length; i++) assert.ok(r.items[i - 1].id > r.items[i].id, 'newest first');
});

test('refusals are audited too: the system admin\'s denied audit read is in the log', async () => {
  const r = expectStatus(await aud.get('/audit?user=sysadmin&result=denied&page_size=200'), 200);
  assert.ok(r.items.length >= 1, 'denied attempts by sysadmin are recorded');
  for (const x of r.items) assert.equal(x.result, 'denied');
});

test('the audit admin exports CSV (UTF-8 with BOM), and the export itself is audited', async () => {
  const r = await aud.get('/audit/export.csv?action=user.create');
  assert.equal(r.status, 200, `${r.status} ${r.text.slice(0, 200)}`);
  assert.match(r.headers.get('content-type'), /^text\/csv/);
  assert.deepEqual([...r.bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf], 'starts with a UTF-8 BOM');
  const lines = r.bytes.subarray(3).toString('utf8').split(/\r?\n/).filter(Boolean);
  assert.match(lines[0], /操作代码/, 'header row, in the reader\'s language (ADR 0045)');
  assert.ok(lines.length >= 2, 'at least one record');
  // The object as the auditor reads it: the user's name and username (ADR 0045).
  assert.ok(lines.some((l) => l.includes('"user.create"') && l.includes(created.user.username)),
    'the user.create record is in the export');

  const log = expectStatus(await aud.get('/audit?user=auditadmin&page_size=50'), 200);
  const exp = log.items.find((x) => /export/i.test(x.action) || /export/i.test(x.object));
  assert.ok(exp, `export not audited: ${JSON.stringify(log.items.map((x) => [x.action, x.object]))}`);
  assert.equal(exp.result, 'ok');
});

test('GET /audit/verify reports an intact chain', async () => {
  const v = expectStatus(await aud.get('/audit/verify'), 200);
  assert.equal(v.ok, true);
  assert.ok(v.records > 0);
  assert.equal(v.first_bad_id, null);
  assert.equal(v.problem, null);
});

test('no API changes or deletes audit records', async () => {
  for (const method of ['POST', 'PUT', 'DELETE']) {
    const r = await aud.request(method, '/audit', { json: {} });
    assert.ok(r.status >= 400 && r.status < 500, `${method} /audit → ${r.status}`);
  }
  assert.equal(expectStatus(await aud.get('/audit/verify'), 200).ok, true);
});
