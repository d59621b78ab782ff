// The other ways into the phone's checks (issue 15): the administrators get none of the routes; another station's
// officer sees none of 城关's checks in the list; the subject is masked in every reply and sealed in the database;
// a key stored for one user replays nothing for another.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, loggedIn, execSql } from '../integration/lib/server.mjs';
import { expectError, expectStatus } from '../integration/lib/expect.mjs';
import { stationOfficer } from './lib/access.mjs';

let server;
before(async () => { server = await startServer('secfield'); });
after(async () => { await server?.cleanup(); });

test('checks are the officer\'s and their station\'s, masked, sealed', async () => {
  const officer = await loggedIn(server, 'officer');
  const id = (() => {
    const first17 = '51990119850505123';
    const w = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
    const sum = [...first17].reduce((s, ch, i) => s + Number(ch) * w[i], 0);
    return first17 + '10X98765432'[sum % 11];
  })();
  const a = expectStatus(await officer.post('/field/checks', { client_key: 'sec-1', id_number: id },
    { headers: { 'Idempotency-Key': 'sec-key-000001' } }), 201);
  for (const admin of ['sysadmin', 'secadmin', 'auditadmin']) {
    const c = await loggedIn(server, admin);
    expectError(await c.get('/field/checks'), 403);
    expectError(await c.post('/field/checks', { client_key: 'x', id_number: id }), 403);
    expectError(await c.get('/field/cache-key'), 403);
  }
  const east = await stationOfficer(server, '东城派出所');
  const list = expectStatus(await east.get('/field/checks'), 200);
  assert.ok(!list.items.some((x) => x.id === a.id), 'another station does not list 城关\'s checks');
  // east sends the same key: a write of its own, not officer's stored reply
  const replay = await east.post('/field/checks', { client_key: 'sec-1', id_number: id }, { headers: { 'Idempotency-Key': 'sec-key-000001' } });
  assert.notEqual(replay.headers.get('idempotent-replayed'), 'true');
  const mine = expectStatus(await officer.get('/field/checks?mine=true'), 200);
  assert.ok(!JSON.stringify(mine).includes(id));
  assert.equal(Number(execSql(server.db, `SELECT count(*) FROM field_checks WHERE subject LIKE '%${id}%'`).trim()), 0);
  assert.equal(Number(execSql(server.db, `SELECT count(*) FROM idempotency_keys WHERE reply LIKE '%${id.slice(0, 6)}%'`).trim()), 0);
});
