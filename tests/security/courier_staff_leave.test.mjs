// Security: a courier outlet's staff member marked "left" (从业人员备案, issue 17, ADR 0068 §5, ADR 0074) loses their
// login at once. The outlet administrator marks the logged-in clerk as left: in the same transaction the clerk's
// account is disabled and every session of it ends — the clerk's next request is 401, their open WebSocket closes,
// and a new login is refused exactly as any disabled account's is (the right password: the same 423 as an account
// disabled on /org-staff; a wrong one: the same 401 as any wrong password), naming nothing about leaving. The
// administrator of another outlet cannot do it (404, as for no such staff member), and nothing changes then.
// Re-added later, the same person gets the same account back, enabled. Audited. Both databases.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, loggedIn, execSql } from '../integration/lib/server.mjs';
import { expectError, expectStatus } from '../integration/lib/expect.mjs';
import { openWebSocket } from '../integration/lib/websocket.mjs';

let server, admin1, admin2, clerk1, auditor, staffId, staff;
const sql = (q) => execSql(server.db, q).trim();

before(async () => {
  server = await startServer('courier-leave');
  [admin1, admin2, clerk1, auditor] = await Promise.all(
    ['outlet_admin1', 'outlet_admin2', 'outlet_clerk1', 'auditadmin'].map((u) => loggedIn(server, u)));
  staffId = Number(sql(`SELECT s.id FROM courier_staff s JOIN users u ON u.id = s.user_id WHERE u.username = 'outlet_clerk1'`));
  staff = expectStatus(await admin1.get('/courier/my/staff'), 200).items.find((s) => s.id === staffId);
  assert.ok(staff?.has_account, 'the demo clerk is staff of outlet 1 with an account');
});
after(async () => { await server?.cleanup(); });

// What a login with these credentials answers, from a fresh client (without the request's own id).
async function loginAnswer(username, password) {
  const res = await server.client().login(username, password);
  return { status: res.status, body: { ...res.json, request_id: undefined } };
}

test('another outlet\'s administrator cannot mark the clerk as left: 404 as for none, nothing changes', async () => {
  expectError(await admin2.post(`/courier/my/staff/${staffId}/deactivate`, {}), 404, 'not_found');
  expectError(await admin2.post('/courier/my/staff/999999999/deactivate', {}), 404, 'not_found');
  assert.equal(sql(`SELECT status FROM courier_staff WHERE id = ${staffId}`), staff.status);
  assert.equal(sql(`SELECT status FROM users WHERE username = 'outlet_clerk1'`), 'active');
  expectStatus(await clerk1.get('/courier/my/records'), 200);
});

test('marked left: the account is disabled, its sessions end at once, its WebSocket closes, a new login is refused', async () => {
  const other = await loggedIn(server, 'outlet_clerk1');  // a second session, idle
  const ws = await openWebSocket(server.port, '/api/v1/ws', { cookie: `jw_session=${clerk1.cookie('jw_session')}` });
  try {
    assert.equal(ws.status, 101);
    assert.equal(JSON.parse(await ws.nextText()).type, 'hello');
    const left = expectStatus(await admin1.post(`/courier/my/staff/${staffId}/deactivate`, {}), 200);
    assert.equal(left.status, 'left');
    assert.equal(sql(`SELECT status FROM users WHERE username = 'outlet_clerk1'`), 'disabled');
    assert.equal(sql(`SELECT COUNT(*) FROM sessions s JOIN users u ON u.id = s.user_id WHERE u.username = 'outlet_clerk1'`), '0');
    // The very next request of either session: 401.
    expectError(await clerk1.get('/courier/my/records'), 401, 'unauthenticated');
    expectError(await other.get('/courier/my/records'), 401, 'unauthenticated');
    // The socket: closed by the server's session check (every 2 s); anything still queued before it is read off.
    let closed = false;
    for (let i = 0; i < 20 && !closed; i += 1) {
      try { await ws.nextText(15_000); } catch (e) {
        assert.match(String(e.message), /connection closed/);
        closed = true;
      }
    }
    assert.ok(closed, 'the WebSocket of the ended session is closed');
  } finally { await ws.close(); }

  // A new login: the right password answers as for any account disabled by its administrator (the control:
  // outlet 2's clerk, disabled on /org-staff), a wrong one as any wrong password; neither says "left".
  const clerk2Id = Number(sql(`SELECT id FROM users WHERE username = 'outlet_clerk2'`));
  expectStatus(await admin2.post(`/my-org/staff/${clerk2Id}/disable`, {}), 200);
  const leftRight = await loginAnswer('outlet_clerk1', 'Jingwu@2026');
  const disabledRight = await loginAnswer('outlet_clerk2', 'Jingwu@2026');
  assert.deepEqual(leftRight, disabledRight);
  assert.notEqual(leftRight.status, 200);
  const leftWrong = await loginAnswer('outlet_clerk1', 'Wrong@20260');
  const activeWrong = await loginAnswer('outlet_admin2', 'Wrong@20260');
  assert.deepEqual(leftWrong, activeWrong);
  assert.equal(leftWrong.status, 401);
  for (const a of [leftRight, leftWrong]) assert.ok(!/left|离职|courier/i.test(JSON.stringify(a.body)), JSON.stringify(a.body));

  // Audited: the staff change names the account it disabled.
  const audit = expectStatus(await auditor.get('/audit?action=courier.my_staff.deactivate&page_size=10'), 200).items;
  const userId = sql(`SELECT id FROM users WHERE username = 'outlet_clerk1'`);
  assert.ok(audit.some((a) => a.object === `courier_staff:${staffId}` && a.result === 'ok'), JSON.stringify(audit.slice(0, 2)));
  assert.equal(sql(`SELECT detail FROM audit_log WHERE action = 'courier.my_staff.deactivate' AND object = 'courier_staff:${staffId}'`),
    `left, account user:${userId}`);
});

test('the administrator cannot mark themself as left (the registry\'s rule: not one\'s own account); nothing written', async () => {
  const own = Number(sql(`SELECT s.id FROM courier_staff s JOIN users u ON u.id = s.user_id WHERE u.username = 'outlet_admin1'`));
  expectError(await admin1.post(`/courier/my/staff/${own}/deactivate`, {}), 400, 'invalid_argument', { id: 'own_account' });
  assert.notEqual(sql(`SELECT status FROM courier_staff WHERE id = ${own}`), 'left');
  assert.equal(sql(`SELECT status FROM users WHERE username = 'outlet_admin1'`), 'active');
});

test('re-added later, the same person gets the same account back, enabled, and logs in with their own password', async () => {
  // The outlet administrator types the person's number again.
  const row = expectStatus(await admin1.get('/courier/my/staff'), 200).items.find((s) => s.id === staffId);
  assert.equal(row.status, 'left');
  const number = demoIdNumber(100000 + 0 * 2 + 1);  // outlet 1's clerk

  const again = expectStatus(await admin1.post('/courier/my/staff', { role: 'clerk', name: row.name, id_number: number, phone: '13600003333' }), 201);
  assert.notEqual(again.id, staffId);
  assert.equal(again.has_account, true);
  assert.equal(sql(`SELECT COUNT(*) FROM courier_staff WHERE id = ${staffId} AND user_id IS NULL AND status = 'left'`), '1');
  assert.equal(sql(`SELECT status FROM users WHERE username = 'outlet_clerk1'`), 'active');
  const back = await loggedIn(server, 'outlet_clerk1');
  expectStatus(await back.get('/courier/my/records'), 200);
});

// The ID numbers the demo gives staff (courier/demo.cpp DemoIdNumber: born 1960–1999, the sequence from n), so the
// test types the number the way the administrator would, without reading the sealed column.
function demoIdNumber(n) {
  const year = 1960 + (n % 40), month = 1 + (Math.floor(n / 40) % 12), day = 1 + (Math.floor(n / 480) % 28);
  const first17 = `519901${year}${String(month).padStart(2, '0')}${String(day).padStart(2, '0')}${String(n % 1000).padStart(3, '0')}`;
  const w = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  return first17 + '10X98765432'[[...first17].reduce((s, d, i) => s + Number(d) * w[i], 0) % 11];
}
