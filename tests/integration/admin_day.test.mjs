// Issue 13, the administrators (ADR 0045): the three administrators each do exactly their part (the security
// administrator locks, the system administrator keeps the accounts, the audit administrator reads); the audit log
// is searched by what the auditor reads (action words, people) in their language; a role change shows before and
// after; the export is in China time; "上次登录" is the login before this one; 警号 and names are checked.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, loggedIn, findUser, DEMO_PASSWORD } from './lib/server.mjs';
import { expectError, expectStatus } from './lib/expect.mjs';

let server, sys, sec, aud;
before(async () => {
  server = await startServer('admin_day');
  sys = await loggedIn(server, 'sysadmin');
  sec = await loggedIn(server, 'secadmin');
  aud = await loggedIn(server, 'auditadmin');
});
after(async () => { await server?.cleanup(); });

test('the security administrator locks and unlocks; the system administrator cannot, the audit administrator neither', async () => {
  const target = await findUser(sys, 'custodian');
  expectError(await sys.post(`/users/${target.id}/lock`, {}), 403, 'permission_denied');
  expectError(await aud.post(`/users/${target.id}/lock`, {}), 403, 'permission_denied');
  assert.equal((await findUser(sys, 'custodian')).status, 'active');
  assert.equal(expectStatus(await sec.post(`/users/${target.id}/lock`, {}), 200).status, 'locked');
  // Unlock does not enable a disabled account and enable does not unlock: each route keeps to its two states.
  expectError(await sys.post(`/users/${target.id}/enable`, {}), 400, 'invalid_argument', { status: 'not_disabled' });
  assert.equal(expectStatus(await sec.post(`/users/${target.id}/unlock`, {}), 200).status, 'active');
});

test('the system administrator keeps the accounts; the security administrator cannot disable, edit or reset', async () => {
  const target = await findUser(sys, 'courier');
  expectError(await sec.post(`/users/${target.id}/disable`, {}), 403, 'permission_denied');
  expectError(await sec.post(`/users/${target.id}/reset-password`, {}), 403, 'permission_denied');
  expectError(await sec.put(`/users/${target.id}`, { name: '改名', unit_id: target.unit_id }), 403, 'permission_denied');
  expectError(await aud.post(`/users/${target.id}/disable`, {}), 403, 'permission_denied');
  assert.equal(expectStatus(await sys.post(`/users/${target.id}/disable`, {}), 200).status, 'disabled');
  expectError(await sec.post(`/users/${target.id}/unlock`, {}), 400, 'invalid_argument', { status: 'not_locked' });
  assert.equal(expectStatus(await sys.post(`/users/${target.id}/enable`, {}), 200).status, 'active');
  // Roles and policy stay the security administrator's, the audit log the audit administrator's.
  expectError(await sys.put(`/users/${target.id}/roles`, { roles: ['officer'] }), 403, 'permission_denied');
  expectError(await sys.get('/audit'), 403, 'permission_denied');
  expectError(await sec.get('/audit'), 403, 'permission_denied');
  expectError(await aud.get('/users'), 403, 'permission_denied');
  expectError(await aud.get('/roles'), 403, 'permission_denied');
  // The audit log names people: no other way in for the other administrators or a business user.
  const officer = await loggedIn(server, 'officer');
  for (const c of [sys, sec, officer]) {
    expectError(await c.get('/audit?q=duty'), 403, 'permission_denied');
    expectError(await c.get('/audit/export.csv?q=duty'), 403, 'permission_denied');
  }
});

test('the audit log is found by the words the auditor reads: 锁定 and the username; a role change shows before and after', async () => {
  const target = await findUser(sys, 'duty');
  expectStatus(await sec.post(`/users/${target.id}/lock`, {}), 200);
  expectStatus(await sec.post(`/users/${target.id}/unlock`, {}), 200);
  expectStatus(await sec.put(`/users/${target.id}/roles`, { roles: [...target.roles, 'analyst'] }), 200);
  const zh = expectStatus(await aud.get('/audit?q=' + encodeURIComponent('锁定')), 200);
  const lock = zh.items.find((r) => r.action === 'user.lock' && r.object === `user:${target.id}`);
  assert.ok(lock, JSON.stringify(zh.items.slice(0, 3)));
  assert.equal(lock.action_name, '锁定用户');
  assert.equal(lock.result_name, '成功');
  assert.match(lock.detail_text, /正常 → 锁定/);
  assert.match(lock.object_text, /duty/);
  assert.ok(zh.items.every((r) => /锁定/.test(r.action_name + r.detail_text + r.object_text + (r.user_name ?? ''))),
    'every hit shows the word');
  const byName = expectStatus(await aud.get('/audit?q=duty'), 200);
  assert.ok(byName.items.some((r) => r.action === 'user.lock' && r.object === `user:${target.id}`));
  const en = expectStatus(await aud.get('/audit?q=lock', { headers: { 'Accept-Language': 'en' } }), 200);
  assert.equal(en.items.find((r) => r.action === 'user.lock').action_name, 'Lock user');
  const roles = expectStatus(await aud.get('/audit?q=' + encodeURIComponent('分配角色')), 200);
  const change = roles.items.find((r) => r.action === 'user.assign_roles' && r.object === `user:${target.id}`);
  assert.ok(change);
  assert.deepEqual(change.change.before, [...target.roles].sort());
  assert.deepEqual(change.change.after, [...target.roles, 'analyst'].sort());
});

test('a refused login is worded, not English: 账号已被锁定', async () => {
  const target = await findUser(sys, 'custodian');
  expectStatus(await sec.post(`/users/${target.id}/lock`, {}), 200);
  expectError(await server.client().login('custodian', DEMO_PASSWORD), 423, 'account_locked');
  const page = expectStatus(await aud.get('/audit?action=session.login&result=denied'), 200);
  const refused = page.items.find((r) => r.user === 'custodian');
  assert.ok(refused);
  assert.equal(refused.detail_text, '账号已被锁定');
  expectStatus(await sec.post(`/users/${target.id}/unlock`, {}), 200);
});

test('the CSV export is in China time and says so in its header', async () => {
  const r = await aud.get('/audit/export.csv?q=' + encodeURIComponent('锁定'));
  assert.equal(r.status, 200);
  const lines = r.text.replace(/^\uFEFF/, '').split('\r\n');
  assert.match(lines[0], /北京时间 UTC\+08:00/);
  const first = expectStatus(await aud.get('/audit?q=' + encodeURIComponent('锁定') + '&page_size=1'), 200).items[0];
  const utc = new Date(first.at);
  const china = new Date(utc.getTime() + 8 * 3600 * 1000).toISOString().slice(0, 19).replace('T', ' ');
  assert.ok(lines[1].startsWith(`${first.id},${china},`) || lines[1].startsWith(`"${first.id}","${china}"`), lines[1]);
  assert.ok(lines.some((l) => l.includes('"锁定用户"')), 'the action in words');
});

test('上次登录 is the login before this one', async () => {
  const a = server.client();
  expectStatus(await a.login('leader', DEMO_PASSWORD), 200);
  const first = expectStatus(await a.get('/session'), 200);
  const b = server.client();
  expectStatus(await b.login('leader', DEMO_PASSWORD), 200);
  const second = expectStatus(await b.get('/session'), 200);
  const user = second.user ?? second;
  const firstUser = first.user ?? first;
  assert.equal(user.previous_login_at, firstUser.last_login_at, JSON.stringify(user));
  assert.ok(user.previous_login_ip);
});

test('警号 must be six digits and a name 2–20 characters; the field is named', async () => {
  const unit = (await findUser(sys, 'officer')).unit_id;
  const base = { username: 'zhao_test', police_no: '770301', name: '赵测试', unit_id: unit, phone: '13912340000' };
  const short = expectError(await sys.post('/users', { ...base, police_no: '12' }), 400, 'invalid_argument',
    { police_no: 'bad_police_no' });
  assert.match(short.message, /警号/);
  expectError(await sys.post('/users', { ...base, police_no: '1234567' }), 400, 'invalid_argument', { police_no: 'bad_police_no' });
  expectError(await sys.post('/users', { ...base, name: '赵'.repeat(60) }), 400, 'invalid_argument', { name: true });
  expectError(await sys.post('/users', { ...base, name: '赵1' }), 400, 'invalid_argument', { name: 'bad_person_name' });
  expectStatus(await sys.post('/users', { ...base, name: '阿依古丽·买买提' }), 201);
});
