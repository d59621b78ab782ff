// 110 dispatch (issue 18) from the other ways in: a caller's number is sealed at rest and masked in every list,
// detail, board and related-call reply but the desk's caller route; an officer of another station (东城派出所) gets
// nothing of a call of 城关派出所 (list, detail, caller, board, respond: 404 or nothing); a department account
// (dept_staff) sees only its own organisation's work orders and no police route; the three administrators reach
// no dispatch route; the 12345 webhook refuses an unsigned or wrongly signed message.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, loggedIn, execSql } from '../integration/lib/server.mjs';
import { expectError, expectStatus } from '../integration/lib/expect.mjs';
import { stationOfficer, assertNoLeak } from './lib/access.mjs';

const NUMBER = '13912345678';
let server, duty, patrol, east, citymgmt, market, callId, orderId, ownOrderId;

before(async () => {
  server = await startServer('secdispatch');
  [duty, patrol, citymgmt, market] = await Promise.all(['duty', 'patrol', 'citymgmt', 'market'].map((u) => loggedIn(server, u)));
  east = await stationOfficer(server, '东城派出所');
  const opts = expectStatus(await duty.get('/dispatch/options'), 200);
  const chengguan = opts.units.find((u) => u.name === '城关派出所').id;
  const k = expectStatus(await duty.post('/dispatch/calls', { caller_phone: NUMBER, caller_name: '柏秋生',
    summary: '求助：楼道堆放杂物', place_text: '城关镇解放路12号', category: '0901', unit_id: chengguan }), 201);
  callId = k.id;
  orderId = expectStatus(await duty.post(`/dispatch/calls/${callId}/divert`, { department_code: 'market' }), 200).work_order.id;
  const own = expectStatus(await duty.post('/dispatch/calls', { caller_phone: '13912345679', summary: '路灯损坏',
    place_text: '城关镇解放路3号', category: '0901', unit_id: chengguan }), 201);
  ownOrderId = expectStatus(await duty.post(`/dispatch/calls/${own.id}/divert`, { department_code: 'citymgmt' }), 200).work_order.id;
});
after(async () => { await server?.cleanup(); });

test('the number is sealed at rest and masked everywhere but the desk caller route', async () => {
  const raw = execSql(server.db, `SELECT caller_phone || caller_name FROM dispatch_calls WHERE id = ${callId}`);
  assert.ok(!raw.includes(NUMBER) && !raw.includes('柏秋生'));
  for (const [who, path] of [[duty, '/dispatch/calls?page_size=50'], [duty, `/dispatch/calls/${callId}`],
    [duty, '/dispatch/board'], [patrol, `/dispatch/calls/${callId}`], [duty, '/dispatch/work-orders?page_size=50']]) {
    const res = await who.get(path);
    expectStatus(res, 200);
    assertNoLeak(res, [NUMBER, '柏秋生'], path);
  }
  const related = await duty.post('/dispatch/related', { caller_phone: NUMBER });
  expectStatus(related, 200);
  assertNoLeak(related, [NUMBER], 'related');
  assert.equal(expectStatus(await duty.get(`/dispatch/calls/${callId}/caller`), 200).caller_phone, NUMBER);
});

test('another station sees nothing of the call', async () => {
  const list = expectStatus(await east.get('/dispatch/calls?page_size=200'), 200);
  assert.ok(!list.items.some((k) => k.id === callId));
  expectError(await east.get(`/dispatch/calls/${callId}`), 404);
  expectError(await east.get(`/dispatch/calls/${callId}/caller`), 403);
  expectError(await east.post(`/dispatch/calls/${callId}/respond`, { action: 'accept' }), 404);
  expectError(await east.get(`/dispatch/work-orders/${orderId}`), 404);
  const board = expectStatus(await east.get('/dispatch/board'), 200);
  assert.ok(!board.calls.some((k) => k.id === callId));
  // By its number (how a case's source opens its call) the call is out of scope the same way.
  const callNo = expectStatus(await duty.get(`/dispatch/calls/${callId}`), 200).call_no;
  assert.equal(expectStatus(await duty.get(`/dispatch/calls?call_no=${callNo}`), 200).items[0].id, callId);
  assert.equal(expectStatus(await east.get(`/dispatch/calls?call_no=${callNo}`), 200).total, 0);
  expectError(await duty.get(`/dispatch/calls?call_no=${'9'.repeat(33)}`), 400, undefined, { call_no: 'too_long' });
});

test('a department account: its own orders only, no caller, no police route', async () => {
  const mine = await citymgmt.get('/dispatch/dept/orders?page_size=200');
  expectStatus(mine, 200);
  assert.ok(mine.json.items.some((w) => w.id === ownOrderId));
  assert.ok(!mine.json.items.some((w) => w.id === orderId));
  assertNoLeak(mine, ['13912345679'], 'dept list');
  expectError(await citymgmt.get(`/dispatch/dept/orders/${orderId}`), 404);
  expectError(await citymgmt.post(`/dispatch/dept/orders/${orderId}/accept`, {}), 404);
  expectError(await citymgmt.post(`/dispatch/dept/orders/${orderId}/report`, { report: 'x' }), 404);
  for (const path of ['/dispatch/calls', `/dispatch/calls/${callId}`, `/dispatch/calls/${callId}/caller`, '/dispatch/board',
    '/dispatch/work-orders', `/dispatch/work-orders/${orderId}`, '/dispatch/figures', '/dispatch/callbacks'])
    expectError(await citymgmt.get(path), 403);
  expectError(await citymgmt.post(`/dispatch/calls/${callId}/divert`, { department_code: 'citymgmt' }), 403);
  // The order it does see names no caller.
  const detail = await market.get(`/dispatch/dept/orders/${orderId}`);
  expectStatus(detail, 200);
  assertNoLeak(detail, [NUMBER, '柏秋生'], 'dept detail');
});

test('administrators reach no dispatch route; the webhook needs the signature', async () => {
  for (const admin of ['sysadmin', 'secadmin', 'auditadmin']) {
    const c = await loggedIn(server, admin);
    expectError(await c.get('/dispatch/calls'), 403);
    expectError(await c.get(`/dispatch/calls/${callId}/caller`), 403);
  }
  const anon = server.client();
  const body = JSON.stringify({ event: 'police_matter', external_ref: 'forged', caller_phone: NUMBER, summary: 'x',
    place_text: 'y', category: '0201' });
  expectError(await anon.request('POST', '/dispatch/webhook/12345', { body }), 401, 'bad_signature');
  expectError(await anon.request('POST', '/dispatch/webhook/12345', { body, headers: { 'X-Jingwu-Signature': '00'.repeat(32) } }),
    401, 'bad_signature');
  assert.equal(execSql(server.db, "SELECT COUNT(*) FROM dispatch_calls WHERE external_ref = 'forged'").trim(), '0');
});
