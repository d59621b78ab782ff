// Security suite, finding 6 — GA/T 1400 sessions could be taken over (docs/adr/0016-viid-session-security.md):
// a captured Register Authorization replayed (same or another address) re-registered the client; a request was
// trusted on User-Identify plus the source address; Digest guesses were not throttled; unknown and known client
// IDs answered differently; weak client secrets were accepted; /VIID/Dispositions gave every order to every
// client. Each test is the request that broke it, the answer now, and a check that nothing changed or leaked.
// Other source addresses are other loopback addresses (127.0.0.x), as the server sees them.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { startServer, loggedIn, execSql } from '../integration/lib/server.mjs';
import { expectError, expectStatus } from '../integration/lib/expect.mjs';
import { send, challengeFor, authorization, register, registerBody, call, refusalShape, REGISTER }
  from './lib/viid.mjs';

const A = '51990100002000000201';  // the command centre's platform (CLI, unit 指挥中心 = 519901010200)
const B = '51990100002000000202';  // 西河派出所's platform (admin API)
const C = '51990100002000000203';  // bound to no unit
const UNKNOWN = '51990100002000000299';
const WEAK = '51990100002000000204';  // only ever offered weak secrets
const PW = { [A]: 'Cmd#Centre2026', [B]: 'Xihe#Station26', [C]: 'NoUnit#Client9' };
const HOME = '127.0.0.1';      // where the genuine clients run
const ATTACKER = '127.0.0.2';  // an eavesdropper on the video network
const GUESSER = '127.0.0.3';   // online guessing
const PROBE = '127.0.0.4';     // enumeration probes

let server;
let admin;
const tokens = {};

before(async () => {
  server = await startServer('sec_viid');
  await server.stop();  // the command line writes the audit chain: run it while the server is stopped
  const weak = server.cli(['viid', 'add-client', '--id', WEAK, '--password', '12345678', '--unit', '519901010200']);
  assert.notEqual(weak.code, 0, weak.output);
  assert.match(weak.output, /password/, weak.output);
  const ok = server.cli(['viid', 'add-client', '--id', A, '--password', PW[A], '--name', '指挥中心平台',
    '--unit', '519901010200']);
  assert.equal(ok.code, 0, ok.output);
  await server.start();
  admin = await loggedIn(server, 'sysadmin');
});
after(async () => { await server?.cleanup(); });

const clients = async () => expectStatus(await admin.get('/checkpoint/viid/clients'), 200);

test('client secrets follow the password policy on the command line and in the admin API; nothing is written', async () => {
  const listed = await clients();
  const ids = () => listed.items.map((c) => c.id).filter((id) => id !== '51990100002000000001');  // the demo client
  assert.deepEqual(ids(), [A], 'the refused CLI call wrote nothing');
  const xihe = listed.units.find((u) => u.name === '西河派出所');
  assert.ok(xihe, JSON.stringify(listed.units));
  for (const password of ['12345678', 'Short#1a', 'abcdefghijklmnop', 'Password#2026', `X#${B}`, 'aaaaaaaaaaA1#']) {
    expectError(await admin.post('/checkpoint/viid/clients', { id: WEAK, password, unit_id: xihe.id }), 400,
      'invalid_argument', { password: true });
  }
  assert.ok(!(await clients()).items.some((c) => c.id === WEAK));
  expectStatus(await admin.post('/checkpoint/viid/clients', { id: B, password: PW[B], unit_id: xihe.id, name: '西河' }), 201);
  expectStatus(await admin.post('/checkpoint/viid/clients', { id: C, password: PW[C], name: '无单位' }), 201);
  const b = (await clients()).items.find((c) => c.id === B);
  assert.equal(b.unit_id, xihe.id);
});

test('a captured Register Authorization replayed from the same or another address is refused; the client keeps working', async () => {
  const first = await register(server, A, PW[A], HOME);
  assert.equal(first.reply.status, 200, first.reply.text);
  assert.match(first.token, /^[0-9a-f]{64}$/);
  tokens[A] = first.token;
  for (const from of [HOME, ATTACKER]) {
    const replay = await send(server, 'POST', REGISTER, { headers: { Authorization: first.auth }, body: registerBody(A), from });
    assert.equal(replay.status, 401, `${from}: ${replay.text}`);
    assert.equal(replay.headers['x-viid-session'], undefined);
  }
  // Intercepted before the genuine client sent it: the nonce belongs to the address it was issued to.
  const challenge = await challengeFor(server, A, HOME);
  const auth = authorization(A, PW[A], challenge);
  const stolen = await send(server, 'POST', REGISTER, { headers: { Authorization: auth }, body: registerBody(A), from: ATTACKER });
  assert.equal(stolen.status, 401, stolen.text);
  assert.equal(stolen.headers['x-viid-session'], undefined);
  // The genuine client still works with its session, from its address; the registration was not moved.
  const time = await call(server, 'GET', '/VIID/System/Time', A, tokens[A], { from: HOME });
  assert.equal(time.status, 200, time.text);
  const me = (await clients()).items.find((c) => c.id === A);
  assert.ok(me.registered && me.last_address === HOME, JSON.stringify(me));
  // The genuine answer of that challenge (nc 1, never accepted elsewhere) still registers, once.
  const genuine = await send(server, 'POST', REGISTER, { headers: { Authorization: auth }, body: registerBody(A), from: HOME });
  assert.equal(genuine.status, 200, genuine.text);
  const again = await send(server, 'POST', REGISTER, { headers: { Authorization: auth }, body: registerBody(A), from: HOME });
  assert.equal(again.status, 401, 'each nc of a nonce is used once');
  // A new Register ends the previous session.
  assert.equal((await call(server, 'GET', '/VIID/System/Time', A, tokens[A])).status, 401);
  tokens[A] = genuine.headers['x-viid-session'];
  assert.equal((await call(server, 'GET', '/VIID/System/Time', A, tokens[A])).status, 200);
});

test('User-Identify alone, or a stolen session token from another address, is refused', async () => {
  const paths = [['GET', '/VIID/System/Time'], ['POST', '/VIID/System/Keepalive'], ['GET', '/VIID/Dispositions'],
    ['GET', '/VIID/DispositionNotifications'], ['POST', '/VIID/MotorVehicles'], ['POST', '/VIID/System/UnRegister']];
  for (const [method, path] of paths) {
    for (const [token, from] of [[undefined, ATTACKER], [undefined, HOME], [tokens[A], ATTACKER], ['0'.repeat(64), HOME]]) {
      const r = await call(server, method, path, A, token, { from, body: method === 'POST' ? {} : undefined });
      assert.equal(r.status, 401, `${method} ${path} token=${Boolean(token)} from ${from}: ${r.text}`);
      assert.equal(r.json.ResponseStatusObject.StatusCode, 4);
    }
  }
  // None of that unregistered or moved the genuine client.
  assert.equal((await call(server, 'GET', '/VIID/System/Time', A, tokens[A], { from: HOME })).status, 200);
  // UnRegister ends the session; registering again gives a new one.
  assert.equal((await call(server, 'POST', '/VIID/System/UnRegister', A, tokens[A], { body: {} })).status, 200);
  assert.equal((await call(server, 'GET', '/VIID/System/Time', A, tokens[A])).status, 401);
  const back = await register(server, A, PW[A], HOME);
  assert.equal(back.reply.status, 200, back.reply.text);
  tokens[A] = back.token;
});

test('an unknown client and a wrong secret get the same answer', async () => {
  const wrong = (await register(server, A, 'Wrong#Secret2026', PROBE)).reply;
  const unknown = (await register(server, UNKNOWN, PW[A], PROBE)).reply;
  const wrongOther = (await register(server, C, 'Wrong#Secret2026', PROBE)).reply;
  assert.equal(wrong.status, 401);
  assert.equal(refusalShape(unknown), refusalShape(wrong));
  assert.equal(refusalShape(wrongOther), refusalShape(wrong));
  assert.match(wrong.headers['www-authenticate'], /^Digest realm="jingwu-viid", qop="auth", algorithm=MD5, nonce="/);
});

test('a weak secret left from before the policy cannot register until it is rotated', async () => {
  // Planted as an older version would have stored it: SM4-CBC with the key file's key, IV first (ADR 0009).
  const key = Buffer.from(fs.readFileSync(path.join(server.dir, 'jingwu.key'), 'utf8').trim(), 'hex');
  const iv = crypto.randomBytes(16);
  const cipher = crypto.createCipheriv('sm4-cbc', key, iv);
  const enc = Buffer.concat([iv, cipher.update('12345678', 'utf8'), cipher.final()]).toString('hex');
  execSql(server.db, `INSERT INTO viid_clients (id, name, secret_enc, enabled, created_at, updated_at) ` +
    `VALUES ('${WEAK}', 'legacy', '${enc}', 1, 1, 1)`);
  const from = '127.0.0.5';
  const legacy = (await register(server, WEAK, '12345678', from)).reply;
  const wrong = (await register(server, WEAK, 'Wrong#Secret2026', from)).reply;
  assert.equal(legacy.status, 401, legacy.text);
  assert.equal(refusalShape(legacy), refusalShape(wrong));
  assert.match(server.log(), /client 51990100002000000204 has a secret below the policy; rotate it/);
  expectStatus(await admin.post('/checkpoint/viid/clients', { id: WEAK, password: 'Rotated#Secret26' }), 201);
  const rotated = await register(server, WEAK, 'Rotated#Secret26', from);
  assert.equal(rotated.reply.status, 200, rotated.reply.text);
});

test('50 wrong guesses lock the guesser out; locked, unknown and wrong answers are identical; the genuine client still registers', async () => {
  for (let i = 0; i < 50; i++) {
    const r = (await register(server, A, `Guess#${i}abcdefg`, GUESSER)).reply;
    assert.equal(r.status, 401);
  }
  // The right secret from the guessing address is now refused exactly like a wrong one or an unknown client.
  const locked = (await register(server, A, PW[A], GUESSER)).reply;
  const wrongThere = (await register(server, A, 'Wrong#Secret2026', GUESSER)).reply;
  const unknownThere = (await register(server, UNKNOWN, PW[A], GUESSER)).reply;
  const wrongElsewhere = (await register(server, A, 'Wrong#Secret2026', PROBE)).reply;
  assert.equal(locked.status, 401, locked.text);
  assert.equal(locked.headers['x-viid-session'], undefined);
  assert.equal(refusalShape(locked), refusalShape(wrongThere));
  assert.equal(refusalShape(locked), refusalShape(unknownThere));
  assert.equal(refusalShape(locked), refusalShape(wrongElsewhere));
  // Guessing several IDs from one address locks the address (20 counted failures): then even another client's
  // right secret is refused there …
  assert.equal((await register(server, B, PW[B], GUESSER)).reply.status, 200, 'B is not locked by guesses on A');
  for (let i = 0; i < 20; i++) await register(server, `5199010000200000030${i % 4}`, `Guess#${i}abcdefg`, GUESSER);
  const lockedB = (await register(server, B, PW[B], GUESSER)).reply;
  assert.equal(refusalShape(lockedB), refusalShape(wrongThere));
  // … but the genuine client, from the address it registered from, is not shut out by someone else's guesses.
  const home = await register(server, A, PW[A], HOME);
  assert.equal(home.reply.status, 200, home.reply.text);
  tokens[A] = home.token;
  // Counted and logged.
  const metrics = await fetch(`${server.url}/metrics`);
  if (metrics.status === 200) {
    const text = await metrics.text();
    const n = (name) => Number((text.match(new RegExp(`^${name} (\\d+)`, 'm')) || [])[1]);
    assert.ok(n('jw_viid_auth_lockouts_total') >= 1, text);
    assert.ok(n('jw_viid_auth_refused_locked_total') >= 1, text);
    assert.ok(n('jw_viid_auth_failures_total') + n('jw_viid_auth_refused_locked_total') >= 50, text);
  }
  assert.match(server.log(), /viid: register of 51990100002000000201 from 127\.0\.0\.3 locked/);
});

test('a client reads only the dispositions and notifications addressed to it', async () => {
  const officer = await loggedIn(server, 'officer');
  const leader = await loggedIn(server, 'leader');
  const units = expectStatus(await officer.get('/checkpoint/watch-orders/options'), 200).units;
  const xihe = units.find((u) => u.name === '西河派出所').id;
  const iso = (s) => new Date(Date.now() + s * 1000).toISOString().replace(/\.\d+Z$/, 'Z');
  const created = expectStatus(await officer.post('/checkpoint/watch-orders', { target: '川A5G6H7', reason: '涉嫌诈骗案件车辆',
    case_no: 'A5199012026000077', priority: 2, valid_from: iso(-60), valid_to: iso(86400), unit_ids: [xihe] }), 201);
  expectStatus(await leader.post(`/checkpoint/watch-orders/${created.id}/approve`, {}), 200);

  for (const id of [B, C]) {
    const r = await register(server, id, PW[id], HOME);
    assert.equal(r.reply.status, 200, r.reply.text);
    tokens[id] = r.token;
  }
  const orders = async (id) => {
    const r = await call(server, 'GET', '/VIID/Dispositions?PageRecordNum=1000', id, tokens[id]);
    assert.equal(r.status, 200, r.text);
    return r.json.DispositionListObject.DispositionObject;
  };
  const ofA = await orders(A);
  const ofB = await orders(B);
  assert.deepEqual(ofB.map((o) => o.TargetFeature), ['川A5G6H7']);
  assert.ok(ofA.length >= 1, 'the command centre receives the demo orders that notify it');
  assert.ok(!ofA.some((o) => o.TargetFeature === '川A5G6H7'), JSON.stringify(ofA));
  assert.deepEqual(await orders(C), [], 'a client bound to no unit receives nothing');

  const hits = async (id, query = '') => {
    const r = await call(server, 'GET', `/VIID/DispositionNotifications?PageRecordNum=1000${query}`, id, tokens[id]);
    assert.equal(r.status, 200, r.text);
    return r.json.DispositionNotificationListObject.DispositionNotificationObject;
  };
  const hitsOfA = await hits(A);
  assert.ok(hitsOfA.length >= 1, 'the demo orders have hits');
  assert.deepEqual(await hits(B), []);
  assert.deepEqual(await hits(B, `&DispositionID=${hitsOfA[0].DispositionID}`), [], 'asking by ID does not help');
  assert.deepEqual(await hits(C), []);
  const text = JSON.stringify([await orders(B), await hits(B)]);
  for (const o of ofA) assert.ok(!text.includes(o.TargetFeature), `B saw ${o.TargetFeature}`);
});
