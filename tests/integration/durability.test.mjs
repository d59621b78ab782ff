// Nothing acknowledged is lost: a write that returned success survives `kill -9` and restart, with its audit
// record, and the audit chain verifies. A row edited behind the server's back is named by `jingwu audit verify`.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, loggedIn, findUser, execSql } from './lib/server.mjs';
import { expectStatus } from './lib/expect.mjs';

let server;
let created;
const USER = { username: 'zhao_durable', police_no: '770301', name: '赵持久', phone: '13712345678' };
const TAMPERED_ID = 3;

before(async () => { server = await startServer('durability'); });
after(async () => { await server?.cleanup(); });

test('a user created just before kill -9 is there after restart, with its audit record', async (t) => {
  const sys = await loggedIn(server, 'sysadmin');
  const unit = expectStatus(await sys.get('/units'), 200).items.find((u) => u.name === '东城派出所');
  const r = await sys.post('/users', { ...USER, unit_id: unit.id });
  created = expectStatus(r, 201).user;

  const killed = await server.kill9();
  assert.equal(killed.signal, 'SIGKILL', 'the server was killed, not stopped');
  await server.start();

  await t.test('the user exists', async () => {
    const again = await loggedIn(server, 'sysadmin');
    const u = await findUser(again, USER.username);
    assert.ok(u, 'user survived kill -9');
    assert.equal(u.id, created.id);
    assert.equal(u.police_no, USER.police_no);
    assert.equal(u.name, USER.name);
  });

  await t.test('the audit log has its user.create record', async () => {
    const aud = await loggedIn(server, 'auditadmin');
    const log = expectStatus(await aud.get('/audit?action=user.create'), 200);
    const rec = log.items.find((x) => x.object === `user:${created.id}`);
    assert.ok(rec, `user.create for user:${created.id} missing: ${JSON.stringify(log.items)}`);
    assert.equal(rec.user, 'sysadmin');
    assert.equal(rec.result, 'ok');
    const v = expectStatus(await aud.get('/audit/verify'), 200);
    assert.equal(v.ok, true, JSON.stringify(v));
  });

  await t.test('the session of before the kill still works (sessions are durable too)', async () => {
    sys.base = server.url;
    expectStatus(await sys.get('/session'), 200);
  });
});

test('SIGTERM stops the server cleanly and `jingwu audit verify` exits 0', async () => {
  const e = await server.stop();
  assert.equal(e.code, 0, `exit ${JSON.stringify(e)}\n${server.log().slice(-2000)}`);
  const v = server.cli(['audit', 'verify']);
  assert.equal(v.code, 0, `jingwu audit verify:\n${v.output}`);
});

test('an audit row edited directly in the database makes `jingwu audit verify` fail naming that record', async (t) => {
  execSql(server.db, `UPDATE audit_log SET object='tampered' WHERE id=${TAMPERED_ID}`);
  const check = execSql(server.db, `SELECT object FROM audit_log WHERE id=${TAMPERED_ID}`);
  assert.match(check, /tampered/, 'the tamper took effect');

  const v = server.cli(['audit', 'verify']);
  assert.notEqual(v.code, 0, `audit verify must fail:\n${v.output}`);
  assert.match(v.output, new RegExp(`(record|id|#)\\D{0,20}\\b${TAMPERED_ID}\\b`, 'i'),
    `output names record ${TAMPERED_ID}:\n${v.output}`);

  await t.test('GET /audit/verify reports the same record as changed', async () => {
    await server.start();
    const aud = await loggedIn(server, 'auditadmin');
    const r = expectStatus(await aud.get('/audit/verify'), 200);
    assert.equal(r.ok, false);
    assert.equal(r.first_bad_id, TAMPERED_ID);
    assert.equal(r.problem, 'changed');
    assert.equal((await server.stop()).code, 0);
  });
});
