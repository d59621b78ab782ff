// 110 dispatch (issue 18) through the real server: the desk takes a call (the number masked for everyone else, the
// related earlier calls shown at once), dispatches a patrol, the patrol officer accepts, arrives and finishes, the
// callback closes it exactly once; a non-police call is diverted to a department whose dept_staff account accepts
// and reports, the callback is recorded and the figures move; the 12345 platform in both directions through the
// signed webhook (a test receiver here gets the signed outbound message; a police matter comes in); and the other
// ways in (another department's order, a department account on police routes, a bad signature).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import http from 'node:http';
import { startServer, loggedIn, execSql } from './lib/server.mjs';
import { expectError, expectStatus } from './lib/expect.mjs';

let server, duty, patrol, leader, analyst, citymgmt, market, receiver, received = [], webhookKey;

before(async () => {
  // The 12345 platform's stand-in: records each message with its signature.
  receiver = http.createServer((req, res) => {
    const chunks = [];
    req.on('data', (c) => chunks.push(c));
    req.on('end', () => {
      received.push({ body: Buffer.concat(chunks).toString('utf8'), signature: req.headers['x-jingwu-signature'] });
      res.writeHead(200, { 'Content-Type': 'application/json' });
      res.end('{"ok":true}');
    });
  });
  await new Promise((resolve) => receiver.listen(0, '127.0.0.1', resolve));
  process.env.JINGWU_12345_URL = `http://127.0.0.1:${receiver.address().port}/api/12345/inbound`;
  server = await startServer('dispatch');
  delete process.env.JINGWU_12345_URL;
  const key = server.cli(['dispatch', 'webhook-key']);
  webhookKey = Buffer.from(key.stdout.trim(), 'hex');
  assert.equal(webhookKey.length, 16);
  [duty, patrol, leader, analyst, citymgmt, market] = await Promise.all(
    ['duty', 'patrol', 'leader', 'analyst', 'citymgmt', 'market'].map((u) => loggedIn(server, u)));
});
after(async () => {
  await server?.cleanup();
  receiver?.close();
});

const sign = (body) => crypto.createHmac('sm3', webhookKey).update(body).digest('hex');
const phone = () => `139${String(Math.floor(Math.random() * 1e8)).padStart(8, '0')}`;

function call(extra = {}) {
  return { caller_phone: phone(), caller_name: '韦志强', summary: '报警称邻居家中传出打斗声', place_text: '城关镇解放路12号',
    category: '0201', ...extra };
}

// Waits for a condition (a delivery, a scheduler round), never for a fixed time: the suite's timeout bounds it.
async function waitFor(fn) {
  for (;;) {
    const v = await fn();
    if (v) return v;
    await new Promise((r) => setTimeout(r, 200));
  }
}

test('intake masks the caller for everyone but the desk and shows related calls at once', async () => {
  const number = phone();
  const first = expectStatus(await duty.post('/dispatch/calls', call({ caller_phone: number })), 201);
  assert.equal(first.state, 'received');
  assert.equal(first.caller_phone, `${number.slice(0, 3)}****${number.slice(-4)}`);
  // The related lookup while the desk types: the same number written differently finds the first call.
  const related = expectStatus(await duty.post('/dispatch/related',
    { caller_phone: `+86 ${number.slice(0, 3)} ${number.slice(3)}` }), 200);
  assert.ok(related.items.some((k) => k.id === first.id));
  const second = expectStatus(await duty.post('/dispatch/calls', call({ caller_phone: number })), 201);
  assert.ok(second.related.some((k) => k.id === first.id));
  // Only the desk opens the number; the patrol officer and the analyst see it masked, and not by the caller route.
  const full = expectStatus(await duty.get(`/dispatch/calls/${first.id}/caller`), 200);
  assert.equal(full.caller_phone, number);
  expectError(await patrol.get(`/dispatch/calls/${first.id}/caller`), 403, 'permission_denied');
  expectError(await analyst.get(`/dispatch/calls/${first.id}/caller`), 403, 'permission_denied');
  const seen = expectStatus(await analyst.get(`/dispatch/calls/${first.id}`), 200);
  assert.ok(!JSON.stringify(seen).includes(number));
  // Sealed at rest.
  const raw = execSql(server.db, `SELECT caller_phone FROM dispatch_calls WHERE id = ${first.id}`).trim();
  assert.match(raw, /^sm4:/);
  expectError(await duty.post('/dispatch/calls', call({ category: '9999', caller_phone: 'x' })), 400, undefined,
    { category: 'invalid_enum', caller_phone: 'bad_phone' });
  expectError(await patrol.post('/dispatch/calls', call()), 403, 'permission_denied');
});

test('dispatch → accept → arrive → finish by the patrol; one callback; satisfied closes it', async () => {
  const k = expectStatus(await duty.post('/dispatch/calls', call()), 201);
  const board = expectStatus(await duty.get('/dispatch/board'), 200);
  const free = board.patrols.find((p) => p.status === 'available' && board.units[p.unit_id] === '城关派出所');
  assert.ok(free, 'a free patrol of 城关派出所');
  expectError(await patrol.post(`/dispatch/calls/${k.id}/dispatch`, { patrol_id: free.id }), 403, 'permission_denied');
  expectStatus(await duty.post(`/dispatch/calls/${k.id}/dispatch`, { patrol_id: free.id, version: k.version }), 200);
  expectError(await duty.post(`/dispatch/calls/${k.id}/dispatch`, { patrol_id: free.id }), 409);
  for (const action of ['accept', 'arrive']) expectStatus(await patrol.post(`/dispatch/calls/${k.id}/respond`, { action }), 200);
  expectError(await patrol.post(`/dispatch/calls/${k.id}/respond`, { action: 'finish' }), 400, undefined, { note: 'required' });
  const done = expectStatus(await patrol.post(`/dispatch/calls/${k.id}/respond`, { action: 'finish', note: '双方已调解' }), 200);
  assert.equal(done.state, 'finished');
  assert.ok(done.dispatched_at && done.accepted_at && done.arrived_at && done.finished_at);
  const detail = expectStatus(await duty.get(`/dispatch/calls/${k.id}`), 200);
  assert.equal(detail.callback.state, 'pending');
  assert.deepEqual(detail.events.map((e) => e.action), ['intake', 'dispatch', 'accept', 'arrive', 'finish']);
  // Two desks record the same callback at once: one wins, the call has exactly one callback.
  const [a, b] = await Promise.all([
    duty.post(`/dispatch/callbacks/${detail.callback.id}`, { result: 'satisfied' }),
    duty.post(`/dispatch/callbacks/${detail.callback.id}`, { result: 'satisfied' }),
  ]);
  assert.deepEqual([a.status, b.status].sort(), [200, 409]);
  assert.equal(execSql(server.db, `SELECT COUNT(*) FROM dispatch_callbacks WHERE call_id = ${k.id}`).trim(), '1');
  assert.equal(expectStatus(await duty.get(`/dispatch/calls/${k.id}`), 200).state, 'closed');
});

test('diversion to a department account: accept, report, callback, the figure moves', async () => {
  const before = expectStatus(await leader.get('/dispatch/figures'), 200).total;
  const number = phone();
  const k = expectStatus(await duty.post('/dispatch/calls',
    call({ category: '0901', summary: '路灯不亮，井盖缺失', caller_phone: number })), 201);
  expectError(await duty.post(`/dispatch/calls/${k.id}/divert`, { department_code: 'citymgmt', category: '0201' }), 400,
    undefined, { category: 'police_matter' });
  const diverted = expectStatus(await duty.post(`/dispatch/calls/${k.id}/divert`, { department_code: 'citymgmt', note: '请尽快处理' }), 200);
  const order = diverted.work_order;
  assert.equal(order.state, 'sent');
  // The department sees its own order, without the caller; another department sees nothing of it.
  const mine = expectStatus(await citymgmt.get('/dispatch/dept/orders?state=sent&page_size=200'), 200);
  const row = mine.items.find((w) => w.id === order.id);
  assert.ok(row);
  assert.equal(row.caller_phone, undefined);
  assert.ok(!JSON.stringify(mine).includes(number.slice(3, 7)), 'no caller number in the department list');
  const theirs = expectStatus(await market.get('/dispatch/dept/orders?page_size=200'), 200);
  assert.ok(!theirs.items.some((w) => w.id === order.id));
  expectError(await market.get(`/dispatch/dept/orders/${order.id}`), 404);
  expectError(await market.post(`/dispatch/dept/orders/${order.id}/accept`, {}), 404);
  // A department account reaches no police route.
  expectError(await citymgmt.get(`/dispatch/calls/${k.id}`), 403);
  expectError(await citymgmt.get(`/dispatch/calls/${k.id}/caller`), 403);
  expectError(await citymgmt.get('/dispatch/board'), 403);
  expectStatus(await citymgmt.post(`/dispatch/dept/orders/${order.id}/accept`, { version: order.version }), 200);
  // Not closed before the department reports.
  assert.equal(expectStatus(await duty.get(`/dispatch/calls/${k.id}`), 200).callback, null);
  expectStatus(await citymgmt.post(`/dispatch/dept/orders/${order.id}/report`, { report: '井盖已补齐，路灯已修复' }), 200);
  const cb = expectStatus(await duty.get(`/dispatch/calls/${k.id}`), 200).callback;
  assert.equal(cb.state, 'pending');
  expectStatus(await duty.post(`/dispatch/callbacks/${cb.id}`, { result: 'satisfied', comment: '很满意' }), 200);
  const closed = expectStatus(await duty.get(`/dispatch/calls/${k.id}`), 200);
  assert.equal(closed.state, 'closed');
  assert.equal(closed.work_orders[0].state, 'closed');
  const after = expectStatus(await leader.get('/dispatch/figures'), 200).total;
  assert.equal(after.diverted, before.diverted + 1);
  assert.equal(after.satisfied, before.satisfied + 1);
  // The caller was told where the call went (the demo SMS file is the caller's phone).
  await waitFor(() => server.sms().includes(order.order_no));
});

test('12345 both directions: a signed outbound order, inbound accept/report and a police matter', async () => {
  const number = phone();
  const k = expectStatus(await duty.post('/dispatch/calls',
    call({ category: '0909', summary: '咨询户籍办理流程', caller_phone: number })), 201);
  const { work_order: order } = expectStatus(await duty.post(`/dispatch/calls/${k.id}/divert`,
    { department_code: 'hotline12345' }), 200);
  const msg = await waitFor(() => received.find((m) => m.body.includes(order.order_no)));
  assert.equal(msg.signature, sign(msg.body));
  assert.ok(!msg.body.includes(number.slice(3, 7)), 'the number goes masked');

  const send = (obj, signature) => {
    const body = JSON.stringify(obj);
    return duty.request('POST', '/dispatch/webhook/12345', { body, headers: { 'X-Jingwu-Signature': signature ?? sign(body) } });
  };
  expectError(await send({ event: 'order.accepted', order_no: order.order_no }, 'ab'.repeat(32)), 401, 'bad_signature');
  expectStatus(await send({ event: 'order.accepted', order_no: order.order_no }), 200);
  expectStatus(await send({ event: 'order.reported', order_no: order.order_no, report: '已电话答复' }), 200);
  const cb = expectStatus(await duty.get(`/dispatch/calls/${k.id}`), 200).callback;
  assert.equal(cb.state, 'pending');

  const matter = { event: 'police_matter', external_ref: `12345-${Date.now()}`, caller_phone: phone(), caller_name: '李某',
    summary: '市民反映小区内有人持刀威胁', place_text: '城关镇解放路12号', category: '0201' };
  const first = expectStatus(await send(matter), 200);
  const again = expectStatus(await send(matter), 200);
  assert.equal(first.call_id, again.call_id);
  const incoming = expectStatus(await duty.get(`/dispatch/calls/${first.call_id}`), 200);
  assert.equal(incoming.source, '12345');
  assert.equal(incoming.state, 'received');
  expectError(await send({ ...matter, external_ref: 'x2', category: '0904' }), 400, undefined, { category: 'police_only' });
});

test('unsatisfied callback reopens a review the leader concludes', async () => {
  const k = expectStatus(await duty.post('/dispatch/calls', call()), 201);
  expectStatus(await duty.post(`/dispatch/calls/${k.id}/dispatch`, { unit_id: k.unit_id }), 200);
  for (const action of ['accept', 'arrive']) expectStatus(await duty.post(`/dispatch/calls/${k.id}/respond`, { action }), 200);
  expectStatus(await duty.post(`/dispatch/calls/${k.id}/respond`, { action: 'finish', note: '已处理' }), 200);
  const cb = expectStatus(await duty.get(`/dispatch/calls/${k.id}`), 200).callback;
  expectStatus(await duty.post(`/dispatch/callbacks/${cb.id}`, { result: 'unsatisfied', comment: '出警太慢' }), 200);
  assert.equal(expectStatus(await duty.get(`/dispatch/calls/${k.id}`), 200).state, 'review');
  const todo = expectStatus(await leader.get('/todo'), 200);
  assert.ok(todo.items.some((i) => i.kind === 'dispatch.reviews' && i.count > 0));
  expectError(await duty.post(`/dispatch/callbacks/${cb.id}/conclude`, { note: '已核查' }), 403, 'permission_denied');
  expectStatus(await leader.post(`/dispatch/callbacks/${cb.id}/conclude`, { note: '已核查并约谈' }), 200);
  assert.equal(expectStatus(await duty.get(`/dispatch/calls/${k.id}`), 200).state, 'closed');
});

test('the demo county: eight departments with orders in every state', async () => {
  const rows = execSql(server.db, "SELECT department_code || ':' || state FROM dispatch_work_orders GROUP BY department_code, state")
    .trim().split('\n');
  const opts = expectStatus(await duty.get('/dispatch/options'), 200);
  assert.equal(opts.departments.length, 8);
  for (const d of opts.departments)
    for (const s of ['sent', 'accepted', 'reported', 'closed']) assert.ok(rows.includes(`${d.code}:${s}`), `${d.code} ${s}`);
  const figures = expectStatus(await analyst.get('/dispatch/figures'), 200).total;
  assert.ok(figures.diverted_share > 0.5 && figures.diverted_share < 0.8);
});
