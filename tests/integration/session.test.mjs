// Session endpoints: login, current session, wrong passwords and lock-out, logout, forced password change.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, loggedIn, DEMO_PASSWORD } from './lib/server.mjs';
import { expectError, expectStatus } from './lib/expect.mjs';

let server;
before(async () => { server = await startServer('session'); });
after(async () => { await server?.cleanup(); });

test('login with the right password returns SessionInfo and sets the session and CSRF cookies', async () => {
  const c = server.client();
  const r = await c.login('officer');
  const info = expectStatus(r, 200);
  assert.equal(info.user.username, 'officer');
  assert.deepEqual(info.user.roles, ['officer']);
  assert.equal(info.must_change_password, false);
  assert.equal(typeof info.csrf_token, 'string');
  assert.ok(info.csrf_token.length >= 16, 'csrf_token looks too short');
  assert.ok(Array.isArray(info.permissions));
  assert.ok(info.permissions.includes('notify.read'), 'officer must have notify.read');
  assert.equal(info.idle_timeout_s, 1800);

  const setCookies = r.headers.getSetCookie();
  const session = setCookies.find((s) => s.startsWith('jw_session='));
  const csrf = setCookies.find((s) => s.startsWith('jw_csrf='));
  assert.ok(session, 'jw_session cookie set');
  assert.match(session, /;\s*HttpOnly/i);
  assert.match(session, /;\s*SameSite=Strict/i);
  assert.match(session, /;\s*Path=\//i);
  assert.ok(csrf, 'jw_csrf cookie set');
  assert.doesNotMatch(csrf, /HttpOnly/i, 'jw_csrf must be readable by the page');
  assert.equal(c.cookie('jw_csrf'), info.csrf_token, 'jw_csrf cookie equals csrf_token');
});

test('GET /session shows the logged-in user and permissions', async () => {
  const c = await loggedIn(server, 'officer');
  const info = expectStatus(await c.get('/session'), 200);
  assert.equal(info.user.username, 'officer');
  assert.equal(info.user.status, 'active');
  assert.match(info.user.phone, /\*{4}/, 'phone comes masked');
  assert.ok(info.permissions.includes('notify.read'));
  assert.ok(!info.permissions.includes('user.read'), 'a business role has no admin permission');
  assert.equal(info.csrf_token, c.cookie('jw_csrf'));
});

test('GET /session without a cookie is 401 unauthenticated', async () => {
  expectError(await server.client().get('/session'), 401, 'unauthenticated');
});

test('a wrong password is 401 unauthenticated and sets no session', async () => {
  const c = server.client();
  const r = await c.login('legal', 'Wrong#Pass123');
  expectError(r, 401, 'unauthenticated');
  assert.equal(c.cookie('jw_session'), undefined);
  expectError(await c.get('/session'), 401, 'unauthenticated');
});

test('an unknown user gets the same 401 unauthenticated as a wrong password', async () => {
  expectError(await server.client().login('nosuchuser', 'Wrong#Pass123'), 401, 'unauthenticated');
});

test('five failures lock the account: the next login, even with the right password, is refused like a wrong one', async () => {
  const c = server.client();
  for (let i = 1; i <= 5; i++) expectError(await c.login('courier', `Wrong#Pass${i}00`), 401, 'unauthenticated');
  const locked = await c.login('courier', DEMO_PASSWORD);
  // One answer for unknown, wrong and locked, so that an outsider learns nothing about the account.
  const body = expectError(locked, 401, 'unauthenticated');
  const unknown = expectError(await server.client().login('nosuchuser', 'Wrong#Pass123'), 401, 'unauthenticated');
  assert.equal(body.message, unknown.message);
  assert.deepEqual(body.fields, unknown.fields);
  assert.equal(c.cookie('jw_session'), undefined, 'no session for a locked account');
});

test('the lock-out is notified to the security administrator', async () => {
  const sec = await loggedIn(server, 'secadmin');
  // GET /notifications is for anyone logged in (docs/http_api.md), and the lock-out goes to every security admin.
  const list = expectStatus(await sec.get('/notifications'), 200);
  const n = list.items.find((x) => x.kind === 'security' && x.code === 'auth.account_locked');
  assert.ok(n, `no auth.account_locked notification: ${JSON.stringify(list.items)}`);
  assert.equal(n.params.username, 'courier');
  assert.match(n.params.locked_until, /^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$/);  // China time
  assert.match(n.title, /账号已被锁定/);  // worded by the server (zh-CN: no Accept-Language)
  assert.ok(n.body.includes('courier') && n.body.includes(n.params.locked_until), n.body);
});

test('logout ends the session: 204, then GET /session is 401, and the old token stays dead', async () => {
  const c = await loggedIn(server, 'duty');
  const oldToken = c.cookie('jw_session');
  const out = await c.del('/session');
  assert.equal(out.status, 204, `logout: ${out.status} ${out.text}`);
  expectError(await c.get('/session'), 401, 'unauthenticated');
  const replay = server.client();
  replay.setCookie('jw_session', oldToken);
  expectError(await replay.get('/session'), 401, 'unauthenticated');
});

test('logout without the CSRF token is refused and the session stays', async () => {
  const c = await loggedIn(server, 'leader');
  const r = await c.del('/session', undefined, { csrf: false });
  expectError(r, 403, undefined, { csrf: 'csrf_failed' });
  expectStatus(await c.get('/session'), 200);
});

test('a generated officer must change the password before anything else', async (t) => {
  const username = 'p990011';  // the first generated officer (after the ten named demo accounts)
  const newPassword = 'Xin#Mima2027';
  const c = server.client();
  const login = expectStatus(await c.login(username), 200);
  assert.equal(login.must_change_password, true);
  assert.equal(login.user.username, username);

  await t.test('every other endpoint answers 403 password_change_required', async () => {
    expectStatus(await c.get('/session'), 200);
    for (const [method, p, json] of [
      ['GET', '/notifications'],
      ['GET', '/users'],
      ['GET', '/units'],
      ['GET', '/audit'],
      ['GET', '/roles'],
      ['POST', '/notifications/1/read', {}],
      ['POST', '/users', { username: 'x_y_z', police_no: '881234', name: '张三', unit_id: 1, phone: '13912345678' }],
    ]) {
      const r = await c.request(method, p, { json });
      expectError(r, 403, 'password_change_required');
    }
  });

  await t.test('a weak new password is 400 with fields.new_password = weak_password', async () => {
    for (const weak of ['abc', 'password', 'abcdefgh1']) {
      const r = await c.put('/session/password', { old_password: DEMO_PASSWORD, new_password: weak });
      expectError(r, 400, 'invalid_argument', { new_password: 'weak_password' });
    }
  });

  await t.test('reusing the current password is 400 with fields.new_password = password_reused', async () => {
    const r = await c.put('/session/password', { old_password: DEMO_PASSWORD, new_password: DEMO_PASSWORD });
    expectError(r, 400, 'invalid_argument', { new_password: 'password_reused' });
  });

  await t.test('a wrong old password is 401', async () => {
    const r = await c.put('/session/password', { old_password: 'Wrong#Pass123', new_password: newPassword });
    expectError(r, 401);
  });

  await t.test('still blocked after the failed attempts', async () => {
    expectError(await c.get('/notifications'), 403, 'password_change_required');
  });

  await t.test('a good new password is accepted with 204', async () => {
    const r = await c.put('/session/password', { old_password: DEMO_PASSWORD, new_password: newPassword });
    assert.equal(r.status, 204, `${r.status} ${r.text}`);
  });

  await t.test('after the change the officer works normally with the new password only', async () => {
    expectError(await server.client().login(username, DEMO_PASSWORD), 401, 'unauthenticated');
    const fresh = server.client();
    const info = expectStatus(await fresh.login(username, newPassword), 200);
    assert.equal(info.must_change_password, false);
    expectStatus(await fresh.get('/notifications'), 200);
    // Permissions still apply: an officer is not a system administrator.
    expectError(await fresh.get('/users'), 403, 'permission_denied');
  });

  await t.test('changing again at once is 400 too_recent (minimum age); the forced change above was exempt', async () => {
    const fresh = server.client();
    expectStatus(await fresh.login(username, newPassword), 200);
    const r = await fresh.put('/session/password', { old_password: newPassword, new_password: DEMO_PASSWORD });
    expectError(r, 400, 'invalid_argument', { new_password: 'too_recent' });
  });
});

test('an idle session ends after the idle timeout', { skip: 'the idle timeout is 30 minutes; cannot be waited for' }, () => {});
