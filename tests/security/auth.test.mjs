// Security suite, area "auth" (findings 8, 9 and part of 10 of the outside test; docs/security.md):
// sessions that outlive what should end them, the Secure cookie flag, TOTP for the three administrators and
// the one-time use of a TOTP code; the login lock under parallel guesses, one answer for unknown / wrong /
// locked, password hashing off the network threads; blank purposes; the password policy (common passwords,
// the user's own name, minimum age, history).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, loggedIn, findUser, DEMO_PASSWORD } from '../integration/lib/server.mjs';
import { expectError, expectStatus } from '../integration/lib/expect.mjs';
import { totp, answer, userInt, agePasswords, sql } from './lib/auth.mjs';

let server, sys, sec;
before(async () => {
  server = await startServer('sec_auth');
  sys = await loggedIn(server, 'sysadmin');
  sec = await loggedIn(server, 'secadmin');
});
after(async () => { await server?.cleanup(); });

const cookieOf = (res, name) => res.headers.getSetCookie().find((c) => c.startsWith(`${name}=`));

// ---- finding 8: sessions ----

test('a password change ends the user\'s other sessions; the one that changed it stays', async () => {
  const a = await loggedIn(server, 'officer');
  const b = await loggedIn(server, 'officer');
  expectStatus(await a.put('/session/password', { old_password: DEMO_PASSWORD, new_password: 'Xun#Luo2027ab' }), 204);
  expectError(await b.get('/session'), 401, 'unauthenticated');
  expectError(await b.get('/notifications'), 401, 'unauthenticated');
  expectStatus(await a.get('/session'), 200);
  // The other session is gone from the database too, not only from the cache.
  const rows = sql(server, 'SELECT COUNT(*) FROM sessions s JOIN users u ON u.id = s.user_id '
    + "WHERE u.username = 'officer'").trim();
  assert.equal(rows, '1');

  // An administrator's reset ends every session of the user, the changing one included.
  const officer = await findUser(sys, 'officer');
  expectStatus(await sys.post(`/users/${officer.id}/reset-password`, {}), 200);
  expectError(await a.get('/session'), 401, 'unauthenticated');
});

test('locking or disabling an account ends its sessions', async () => {
  // Locking is the security administrator's, disabling the system administrator's (ADR 0045).
  for (const [username, verb, admin] of [['p990012', 'lock', sec], ['p990013', 'disable', sys]]) {
    const c = await loggedIn(server, username);
    expectStatus(await c.get('/session'), 200);
    const u = await findUser(sys, username);
    expectStatus(await admin.post(`/users/${u.id}/${verb}`, {}), 200);
    expectError(await c.get('/session'), 401, 'unauthenticated');
  }
});

test('the demo (plain http on loopback) sets session cookies without Secure, still HttpOnly and SameSite', async () => {
  const r = await server.client().login('leader');
  expectStatus(r, 200);
  const session = cookieOf(r, 'jw_session');
  assert.match(session, /;\s*HttpOnly/i);
  assert.match(session, /;\s*SameSite=Strict/i);
  assert.doesNotMatch(session, /;\s*Secure/i, 'the demo is plain http: a Secure cookie would never come back');
});

test('a TOTP code used at enrolment is not accepted again at login; the next step\'s code is', async () => {
  const c = await loggedIn(server, 'leader');
  const e = expectStatus(await c.post('/session/totp/enroll', {}), 200);
  const code = totp(e.secret);
  expectStatus(await c.post('/session/totp/confirm', { code }), 204);
  const replay = server.client();
  expectError(await replay.login('leader', DEMO_PASSWORD, { totp: code }), 401, 'totp_required', { totp: 'bad_code' });
  assert.equal(replay.cookie('jw_session'), undefined, 'no session from a used code');
  const next = totp(e.secret, Date.now() / 1000 + 30);
  expectStatus(await server.client().login('leader', DEMO_PASSWORD, { totp: next }), 200);
  // …and that one only once, too.
  expectError(await server.client().login('leader', DEMO_PASSWORD, { totp: next }), 401, 'totp_required',
    { totp: 'bad_code' });
});

// ---- finding 9: login ----

test('40 parallel wrong passwords: at most the policy\'s limit (5) are ever checked', async () => {
  const before = userInt(server, 'custodian', 'failed_logins');
  assert.equal(before, 0);
  const replies = await Promise.all(Array.from({ length: 40 }, (_, i) =>
    server.client().login('custodian', `Wrong#Guess${i}x`)));
  // Each is refused as a wrong password, or (when the bounded hashing queue is full) 503 busy unchecked.
  for (const r of replies) {
    if (r.status === 503) expectError(r, 503, 'busy');
    else expectError(r, 401, 'unauthenticated');
  }
  assert.ok(replies.filter((r) => r.status === 401).length >= 5, 'at least the limit reached the check');
  assert.equal(userInt(server, 'custodian', 'failed_logins'), 5, 'exactly the limit of guesses was checked');
  assert.ok(userInt(server, 'custodian', 'locked_until') > Date.now() / 1000, 'and the account is locked');
  // The right password now gets the same refusal, and no session.
  const c = server.client();
  expectError(await c.login('custodian'), 401, 'unauthenticated');
  assert.equal(c.cookie('jw_session'), undefined);
});

test('unknown, wrong and locked get one identical answer; unknown names lock in the same pattern', async () => {
  const unknownWrong = answer(await server.client().login('nobody_here', 'Wrong#Pass123'));
  const knownWrong = answer(await server.client().login('courier', 'Wrong#Pass123'));
  for (let i = 2; i <= 5; i++) await server.client().login('courier', `Wrong#Pass${i}23`);
  const lockedRight = answer(await server.client().login('courier', DEMO_PASSWORD));
  for (let i = 2; i <= 5; i++) await server.client().login('nobody_here', `Wrong#Pass${i}23`);
  const unknownLocked = answer(await server.client().login('nobody_here', DEMO_PASSWORD));
  assert.equal(unknownWrong.status, 401);
  assert.equal(unknownWrong.code, 'unauthenticated');
  assert.deepEqual(knownWrong, unknownWrong, 'a wrong password of an existing user reads like an unknown user');
  assert.deepEqual(lockedRight, unknownWrong, 'a locked account reads like an unknown user');
  assert.deepEqual(unknownLocked, unknownWrong);
  assert.ok(userInt(server, 'courier', 'locked_until') > Date.now() / 1000, 'courier is really locked');
});

test('a login flood is hashed off the network threads: other requests go on, an overflow is 503 busy', async () => {
  const analyst = await loggedIn(server, 'analyst');
  let hashed = 0;
  const flood = Array.from({ length: 80 }, (_, i) => server.client().login(`ghost_${i}_${Date.now()}`, 'Wrong#Pass123')
    .then((r) => { if (r.status === 401) hashed += 1; return r; }));
  const hashedBeforeRead = await analyst.get('/session').then((r) => { expectStatus(r, 200); return hashed; });
  const replies = await Promise.all(flood);
  for (const r of replies) {
    if (r.status === 503) expectError(r, 503, 'busy');
    else expectError(r, 401, 'unauthenticated');
  }
  assert.ok(replies.some((r) => r.status === 503), 'a full hashing queue answers 503 busy at once');
  assert.ok(hashedBeforeRead < hashed / 2,
    `the read waited behind the password hashing: ${hashedBeforeRead} of ${hashed} logins answered before it`);
});

test('a blank or short purpose and a case number not in the bureau\'s format are refused, naming the field', async () => {
  const duty = await findUser(sys, 'duty');
  const url = (purpose, caseNo) =>
    `/users/${duty.id}/contact?purpose=${encodeURIComponent(purpose)}&case_no=${encodeURIComponent(caseNo)}`;
  const good = '5199012026XS00001';
  const phone = sql(server, "SELECT phone FROM users WHERE username = 'duty'").trim();
  assert.match(phone, /^1\d{10}$/);
  for (const [purpose, caseNo, fields] of [
    ['  ', good, { purpose: 'required' }],
    ['\u3000\u3000\u3000\u3000', good, { purpose: 'required' }],
    [' 核查 ', good, { purpose: 'too_short' }],
    ['核查身份', '1234', { case_no: 'bad_format' }],
    ['核查身份', '    ', { case_no: 'required' }],
    ['核查身份', 'A2026001', { case_no: 'bad_format' }],
    ['核查身份', '5199012026XS0001', { case_no: 'bad_format' }],
  ]) {
    const r = await sys.get(url(purpose, caseNo));
    expectError(r, 400, 'invalid_argument', fields);
    assert.ok(!r.text.includes(phone), 'no unmasked phone in a refusal');
  }
  // The same for the header form.
  expectError(await sys.get(`/users/${duty.id}/contact`,
    { headers: { 'X-Purpose': '%20%20%20%20', 'X-Case-No': good } }), 400, 'invalid_argument', { purpose: 'required' });
  // A stated purpose and a case number in the bureau's format pass; the purpose is recorded trimmed.
  const ok = expectStatus(await sys.get(url('  核查身份  ', good)), 200);
  assert.equal(ok.phone, phone);
  const rows = sql(server, `SELECT purpose FROM audit_log WHERE action = 'user.read_contact' AND result = 'ok'`);
  assert.deepEqual(rows.trim().split('\n'), ['核查身份']);
});

// ---- finding 10: the password policy ----

test('the password policy refuses common passwords and the user\'s own name, and names the field', async () => {
  const c = await loggedIn(server, 'legal');
  for (const [pw, problem] of [
    ['Password1', 'common_password'],
    ['Password123!', 'common_password'],
    ['Qwerty123', 'common_password'],
    ['Legal#2026x', 'contains_username'],
    ['x#LEGAL2026', 'contains_username'],
    ['刘文静#Abc123', 'contains_username'],
    ['abc', 'weak_password'],
  ]) {
    expectError(await c.put('/session/password', { old_password: DEMO_PASSWORD, new_password: pw }), 400,
      'invalid_argument', { new_password: problem });
  }
  // None of them took: the demo password still works.
  expectStatus(await server.client().login('legal'), 200);
});

test('a minimum age between changes, and the last five passwords stay refused however quickly one changes', async () => {
  const c = await loggedIn(server, 'legal');
  const pw = (n) => `Fa#Zhi${n}Shen`;
  expectStatus(await c.put('/session/password', { old_password: DEMO_PASSWORD, new_password: pw(1) }), 204);
  // Seven quick changes to flush the history: refused at once.
  expectError(await c.put('/session/password', { old_password: pw(1), new_password: pw(2) }), 400,
    'invalid_argument', { new_password: 'too_recent' });
  // A day later (moved in the database), the original is still in the history.
  agePasswords(server, 'legal', 2);
  expectError(await c.put('/session/password', { old_password: pw(1), new_password: DEMO_PASSWORD }), 400,
    'invalid_argument', { new_password: 'password_reused' });
  agePasswords(server, 'legal', 2);
  expectStatus(await c.put('/session/password', { old_password: pw(1), new_password: pw(2) }), 204);
  agePasswords(server, 'legal', 2);
  expectError(await c.put('/session/password', { old_password: pw(2), new_password: DEMO_PASSWORD }), 400,
    'invalid_argument', { new_password: 'password_reused' });
  expectStatus(await server.client().login('legal', pw(2)), 200);
});

// ---- finding 8: TOTP for the three administrators ----

test('TOTP required for an administrator role: without it only enrolment is open (403 totp_enrolment_required)', async () => {
  const roles = expectStatus(await sec.get('/roles'), 200).items;
  const admin = roles.find((r) => r.code === 'sys_admin');
  assert.equal(admin.totp_required, false, 'the demo county turns the requirement off');
  expectStatus(await sec.put('/roles/sys_admin',
    { permissions: admin.permissions, totp_required: true, scope: admin.scope }), 200);

  // The session opened before the requirement is limited now too.
  expectError(await sys.get('/users'), 403, 'totp_enrolment_required');
  const c = server.client();
  const info = expectStatus(await c.login('sysadmin'), 200);
  assert.equal(info.totp_enrolment_required, true);
  for (const p of ['/users', '/units', '/notifications']) expectError(await c.get(p), 403, 'totp_enrolment_required');
  const duty = await findUser(sec, 'duty');
  expectError(await c.post(`/users/${duty.id}/lock`, {}), 403, 'totp_enrolment_required');
  assert.equal((await findUser(sec, 'duty')).status, 'active', 'the refused lock changed nothing');

  const e = expectStatus(await c.post('/session/totp/enroll', {}), 200);
  expectStatus(await c.post('/session/totp/confirm', { code: totp(e.secret) }), 204);
  expectStatus(await c.get('/users'), 200);
  expectError(await server.client().login('sysadmin'), 401, 'totp_required');
});

// ---- finding 8: the Secure flag outside the demo (restarts the server; keep last) ----

test('outside the demo the session cookies are Secure by default; [security] secure_cookies can turn it off', async () => {
  sql(server, 'UPDATE deployment SET demo = 0');
  await server.stop();
  await server.start();
  let r = await server.client().login('duty');
  expectStatus(r, 200);
  assert.match(cookieOf(r, 'jw_session'), /;\s*Secure/i);
  assert.match(cookieOf(r, 'jw_csrf'), /;\s*Secure/i);

  server.env.JINGWU_SECURE_COOKIES = '0';
  await server.stop();
  await server.start();
  r = await server.client().login('duty');
  expectStatus(r, 200);
  assert.doesNotMatch(cookieOf(r, 'jw_session'), /;\s*Secure/i);
});
