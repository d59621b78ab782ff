// Two `jingwu serve` processes behind one PostgreSQL (issue 19, ADR 0066): a session opened on one is used on the
// other and ended there; a red alert raised through server A reaches the station desk whose WebSocket is open on
// server B; a role's permission taken away through A is refused on B (and given back), a unit made through A is in
// B's cached unit list; a scheduled job made due runs once although both servers' schedulers look for it; an SMS
// queued once is sent once although both servers' delivery threads see it.
// PostgreSQL only: a SQLite database belongs to one server process, so there is no second server to test.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { startServer, loggedIn, freePort, execSql, Client, BACKEND, JINGWU_BIN } from './lib/server.mjs';
import { expectStatus } from './lib/expect.mjs';
import { openWebSocket } from './lib/websocket.mjs';

const skip = BACKEND !== 'postgres'
  ? 'two servers share a PostgreSQL database; on SQLite one process owns the database (run with JW_BACKEND=postgres)'
  : false;
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

// Polls `probe` until it returns a truthy value. Bounded (a hung server fails the test instead of hanging it),
// well below the session cache's 30 s recheck, so a change that only the recheck would pick up fails here.
async function until(what, probe, { tries = 100, everyMs = 100 } = {}) {
  for (let i = 0; i < tries; i += 1) {
    const v = await probe();
    if (v) return v;
    await sleep(everyMs);
  }
  assert.fail(`not within ${(tries * everyMs) / 1000} s: ${what}`);
}

let a;  // the harness's server (made the demo county)
let b;  // a second `jingwu serve` on the same database, key and directory
before(async () => {
  if (skip) return;
  a = await startServer('scaleout');
  const port = await freePort();
  const log = fs.openSync(path.join(a.dir, 'server-b.log'), 'a');
  const proc = spawn(JINGWU_BIN, ['serve', '--listen', `127.0.0.1:${port}`], { env: a.env, cwd: a.dir, stdio: ['ignore', log, log] });
  fs.closeSync(log);
  const exited = new Promise((resolve) => proc.on('exit', resolve));
  b = { proc, port, url: `http://127.0.0.1:${port}`, exited, client: () => new Client(`http://127.0.0.1:${port}`) };
  await until('server B ready', async () => {
    try {
      const r = await fetch(`${b.url}/readyz`);
      await r.arrayBuffer();
      return r.status === 200;
    } catch { return false; }
  }, { tries: 1800 });
});
after(async () => {
  if (b?.proc && b.proc.exitCode === null) {
    b.proc.kill('SIGTERM');
    await b.exited;
  }
  await a?.cleanup();
});

// A client of server B holding the cookies of a client of server A.
function onB(clientOfA) {
  const c = b.client();
  for (const name of ['jw_session', 'jw_csrf']) c.setCookie(name, clientOfA.cookie(name));
  return c;
}

test('a session opened on A works on B, and a logout on B ends it on A', { skip }, async () => {
  const officer = await loggedIn(a, 'officer');
  const same = onB(officer);
  assert.equal(expectStatus(await same.get('/session'), 200).user.username, 'officer');
  assert.equal(expectStatus(await officer.get('/session'), 200).user.username, 'officer');  // cached on A now
  expectStatus(await same.del('/session'), 204);
  await until('A refuses the session ended on B', async () => (await officer.get('/session')).status === 401);
});

test('a red alert raised on A reaches the desk whose WebSocket is open on B', { skip }, async () => {
  const duty = await loggedIn(a, 'duty');
  const officer = await loggedIn(a, 'officer');  // 城关派出所's desk, its page open on server B
  const station = expectStatus(await duty.get('/alerts/units'), 200).items.find((u) => u.name === '城关派出所').id;
  const ws = await openWebSocket(b.port, '/api/v1/ws', { cookie: `jw_session=${officer.cookie('jw_session')}` });
  try {
    assert.equal(ws.status, 101);
    assert.equal(JSON.parse(await ws.nextText()).type, 'hello');
    const raised = expectStatus(await duty.post('/alerts', {
      colour: 'red', subject: '川A54321', title: '两台服务器之间的红色预警', unit_ids: [String(station)],
    }), 201);
    let push;
    for (let i = 0; i < 50; i += 1) {  // the demo county's own alerts may come first
      push = JSON.parse(await ws.nextText(10_000));
      if (push.type === 'notification' && push.data.params?.alert_id === String(raised.id)) break;
    }
    assert.equal(push.data.params?.alert_id, String(raised.id));
    assert.equal(push.data.params.colour, 'red');
    assert.equal(push.data.title, '【红色预警】两台服务器之间的红色预警');
    // Marked delivered (by B: A has no socket of the officer's), once: one row for the officer.
    const me = expectStatus(await officer.get('/session'), 200).user.id;
    // The in-app message only: a red alert also goes to the officer by SMS, a row of its own (channel 'sms'), which
    // the SMS test below covers.
    const rows = () => execSql(a.db, `SELECT id, delivered_at, attempts, claimed_until FROM notifications WHERE user_id = ${me} `
      + `AND channel = 'inapp' AND code = 'alerts.raised' AND params LIKE '%"alert_id":"${raised.id}"%' ORDER BY id`).trim();
    // The mark is B's write after its push, through its committer: on a loaded runner allow it 30 s.
    await until('the officer\'s message is marked delivered', async () => rows().split('\n').some((r) => Number(r.split('|')[1]) > 0),
      { tries: 300 }).catch((e) => { throw new Error(`${e.message}; rows (id|delivered_at|attempts|claimed_until): ${rows()}`); });
    assert.equal(rows().split('\n').length, 1, `one row for the officer: ${rows()}`);
  } finally {
    await ws.close();
  }
});

test('a permission taken away through A is refused on B at once, and given back', { skip }, async () => {
  const sec = await loggedIn(a, 'secadmin');
  const officer = onB(await loggedIn(a, 'officer'));
  expectStatus(await officer.get('/alerts'), 200);  // B has the officer's principal cached now
  const role = expectStatus(await sec.get('/roles'), 200).items.find((r) => r.code === 'officer');
  assert.ok(role.permissions.includes('alerts.read'));
  const put = (permissions) => sec.put('/roles/officer', { permissions, totp_required: role.totp_required, scope: role.scope });
  expectStatus(await put(role.permissions.filter((p) => p !== 'alerts.read')), 200);
  await until('B refuses GET /alerts without alerts.read', async () => (await officer.get('/alerts')).status === 403);
  expectStatus(await put(role.permissions), 200);
  await until('B allows GET /alerts again', async () => (await officer.get('/alerts')).status === 200);
});

test('a unit made through A is in the unit list B serves from its cache', { skip }, async () => {
  const sysA = await loggedIn(a, 'sysadmin');
  const sysB = onB(sysA);
  const before = expectStatus(await sysB.get('/units'), 200).items;  // cached on B
  const parent = before.find((u) => u.name === '城关派出所');
  const made = expectStatus(await sysA.post('/units', {
    code: `${parent.code.slice(0, 6)}990066`, name: '扩容测试警务室', kind: 'office', parent_id: parent.id,
  }), 201);
  await until('B lists the new unit', async () =>
    expectStatus(await sysB.get('/units'), 200).items.some((u) => u.id === made.id));
});

test('a scheduled job made due runs once, not on both servers', { skip }, async () => {
  const audited = () => Number(execSql(a.db, "SELECT count(*) FROM audit_log WHERE action = 'media.purge'").trim());
  const runs = audited();
  execSql(a.db, "UPDATE scheduled_jobs SET next_run = 0, last_run = 0 WHERE name = 'media.purge_unattached'");
  await until('the purge ran', async () =>
    execSql(a.db, "SELECT last_run > 0 AND running_until = 0 FROM scheduled_jobs WHERE name = 'media.purge_unattached'").trim() === 't',
  { tries: 300 });
  // Its next run is an interval away now, so neither server can claim it again: exactly one audited run.
  assert.equal(audited(), runs + 1);
});

test('an SMS queued once is sent once although both servers deliver', { skip }, async () => {
  const marker = `扩容测试短信${Date.now()}`;
  execSql(a.db, `INSERT INTO notifications (user_id, kind, title, body, channel, created_at, phone) VALUES (0, 'test', '', '${marker}', 'sms', 0, '13800000066')`);
  await until('the SMS was sent', async () => execSql(a.db,
    `SELECT count(*) FROM notifications WHERE kind = 'test' AND channel = 'sms' AND delivered_at > 0`).trim() === '1');
  const sent = a.sms().split('\n').filter((line) => line.includes(marker));
  assert.equal(sent.length, 1, sent.join('\n'));
});
