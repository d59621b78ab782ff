// The second factor: enrolment with a QR code, login with TOTP (RFC 6238), replay refusal, the security
// administrator requiring it per role, and turning it off.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, loggedIn } from './lib/server.mjs';
import { expectError, expectStatus } from './lib/expect.mjs';
import { totp } from './lib/totp.mjs';

let server;
before(async () => { server = await startServer('totp'); });
after(async () => { await server?.cleanup(); });

async function enrol(client) {
  const e = expectStatus(await client.post('/session/totp/enroll', {}), 200);
  assert.match(e.secret, /^[A-Z2-7]{32}$/);
  assert.match(e.otpauth_uri, /^otpauth:\/\/totp\/Jingwu:/);
  assert.match(e.qr_svg, /<svg[\s>]/);
  return e.secret;
}

test('an officer enrols with the QR secret; a wrong code is refused and a right one activates it', async () => {
  const c = await loggedIn(server, 'officer');
  const secret = await enrol(c);
  const wrong = totp(secret) === '000000' ? '111111' : '000000';
  expectError(await c.post('/session/totp/confirm', { code: wrong }), 400, 'invalid_argument', { code: 'bad_code' });
  const confirmCode = totp(secret);
  expectStatus(await c.post('/session/totp/confirm', { code: confirmCode }), 204);
  const info = expectStatus(await c.get('/session'), 200);
  assert.equal(info.user.totp_enabled, true);

  // From now on the password alone is not enough.
  const fresh = server.client();
  expectError(await fresh.login('officer'), 401, 'totp_required');
  expectError(await fresh.login('officer', undefined, { totp: wrong }), 401, 'totp_required', { totp: 'bad_code' });
  // The confirming code's step is used up (a code is good once); the next step's code is accepted (±1 step).
  expectError(await fresh.login('officer', undefined, { totp: confirmCode }), 401, 'totp_required',
    { totp: 'bad_code' });
  const code = totp(secret, Date.now() / 1000 + 30);
  expectStatus(await fresh.login('officer', undefined, { totp: code }), 200);
  // The same code cannot be used twice (RFC 6238 §5.2).
  expectError(await server.client().login('officer', undefined, { totp: code }), 401, 'totp_required',
    { totp: 'bad_code' });

  // Turning it off needs the password again.
  expectError(await fresh.del('/session/totp', { password: 'not-it' }), 400, 'invalid_argument',
    { password: 'wrong_password' });
  expectStatus(await fresh.del('/session/totp', { password: 'Jingwu@2026' }), 204);
  expectStatus(await server.client().login('officer'), 200);
});

test('the security administrator requires TOTP for a role; its users must enrol before anything else', async () => {
  const sec = await loggedIn(server, 'secadmin');
  const roles = expectStatus(await sec.get('/roles'), 200).items;
  const legal = roles.find((r) => r.code === 'legal_reviewer');
  assert.ok(legal, 'role legal_reviewer exists');
  expectStatus(await sec.put('/roles/legal_reviewer',
    { permissions: legal.permissions, totp_required: true, scope: legal.scope }), 200);

  const c = server.client();
  const info = expectStatus(await c.login('legal'), 200);
  assert.equal(info.totp_enrolment_required, true);
  expectError(await c.get('/notifications'), 403, 'totp_enrolment_required', { totp: 'enrolment_required' });
  const secret = await enrol(c);
  // While the role requires it, the second factor cannot be turned off.
  expectStatus(await c.post('/session/totp/confirm', { code: totp(secret) }), 204);
  expectStatus(await c.get('/notifications'), 200);
  expectError(await c.del('/session/totp', { password: 'Jingwu@2026' }), 403, 'permission_denied');

  // The change of role is in the audit log, with the security administrator as its author.
  const audit = await loggedIn(server, 'auditadmin');
  const found = expectStatus(await audit.get('/audit?action=role.update&user=secadmin'), 200);
  assert.ok(found.items.some((r) => r.object === 'role:legal_reviewer' && r.result === 'ok'));
});
