// The service supervision centre (issue 18) through the real server: a member of the public logs in with an SMS
// code and files a complaint on the website form; the supervisor assigns it, the unit replies, rectification is
// required and verified, the complainant is called back (once), the figure moves, and the public progress query
// shows the stage and nothing else. Desk intake of a 12345 transfer, duplicates joined, roles refused, bad input
// naming the field; the demo county's 300 tickets.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, loggedIn } from './lib/server.mjs';
import { expectError, expectStatus } from './lib/expect.mjs';

let server;
let supervisor;
let officer;
let leader;
let duty;
let station;  // 城关派出所, the demo officer's unit
before(async () => {
  server = await startServer('servicedesk');
  supervisor = await loggedIn(server, 'supervisor');
  officer = await loggedIn(server, 'officer');
  leader = await loggedIn(server, 'leader');
  duty = await loggedIn(server, 'duty');
  const opts = expectStatus(await supervisor.get('/servicedesk/options'), 200);
  assert.deepEqual(opts.channels.map((c) => c.code), ['police110', 'hotline12345', 'xinfang', 'mailbox', 'web', 'hotline']);
  station = opts.units.find((u) => u.name === '城关派出所').id;
});
after(async () => { await server?.cleanup(); });

// Waits for the demo SMS gateway to have "delivered" a text matching `re` (the outbox sends on its own thread).
async function smsMatching(re) {
  for (let i = 0; i < 600; i++) {
    const all = [...server.sms().matchAll(re)];
    if (all.length) return all[all.length - 1];
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`no SMS matching ${re}`);
}

// A public visitor (no session) logged in with an SMS code; returns the token header.
async function publicLogin(phone) {
  const anon = server.client();
  expectStatus(await anon.post('/public/auth/code', { phone, purpose: 'servicedesk' }), 202);
  const m = await smsMatching(/您的验证码为(\d{6})/g);
  const v = expectStatus(await anon.post('/public/auth/verify', { phone, code: m[1], purpose: 'servicedesk' }), 200);
  assert.equal(v.phone_masked, `${phone.slice(0, 3)}****${phone.slice(-4)}`);
  return { anon, headers: { 'X-Public-Token': v.token } };
}

async function figure(unitId) {
  const f = expectStatus(await supervisor.get('/servicedesk/figures'), 200);
  return f.items.find((i) => i.unit_id === unitId) || { received: 0, closed: 0, satisfied: 0 };
}

test('public complaint by the form → assigned → replied → rectified → called back; the figure moves', async () => {
  const phone = '13712345670';
  const { anon, headers } = await publicLogin(phone);
  // Without a token, or as someone else's number, the form refuses.
  expectError(await anon.post('/public/service-tickets', { phone, name: '林小雨', category: 'attitude',
    title: '窗口民警态度差', content: '办理居住证时被民警呵斥。', unit_id: station }), 401, 'unauthenticated');
  expectError(await anon.post('/public/service-tickets', { phone: '13712345671', name: '林小雨', category: 'attitude',
    title: '窗口民警态度差', content: '办理居住证时被民警呵斥。', unit_id: station }, { headers }), 400,
  'invalid_argument', { phone: 'not_verified' });
  const before = await figure(station);
  const filed = expectStatus(await anon.post('/public/service-tickets', { phone, name: '林小雨', category: 'attitude',
    title: '窗口民警态度差', content: '办理居住证时被民警呵斥。', unit_id: station }, { headers }), 201);
  assert.match(filed.ticket_no, /^FW\d{12}$/);
  const own = expectStatus(await anon.get('/public/service-tickets', { headers }), 200);
  assert.deepEqual(own.items.map((i) => i.ticket_no), [filed.ticket_no]);

  // The centre sees it masked.
  const list = expectStatus(await supervisor.get(`/servicedesk/tickets?ticket_no=${filed.ticket_no}`), 200);
  assert.equal(list.total, 1);
  const t = list.items[0];
  assert.equal(t.channel, 'web');
  assert.equal(t.complainant.name, '林**');
  assert.equal(t.complainant.phone, '137****5670');
  assert.equal(t.state, 'registered');

  const step = async (who, body, status = 200) => expectStatus(await who.post(`/servicedesk/tickets/${t.id}/steps`, body), status);
  let cur = await step(supervisor, { action: 'assign', version: t.version, unit_id: station });
  assert.equal(cur.state, 'assigned');
  assert.ok(cur.due, 'a handling deadline');
  expectError(await leader.post(`/servicedesk/tickets/${t.id}/steps`, { action: 'require_rectification', version: cur.version, note: 'x' }), 403, 'permission_denied');
  cur = await step(officer, { action: 'reply', version: cur.version, note: '已对当事民警批评教育，并电话致歉。' });
  assert.equal(cur.state, 'replied');
  cur = await step(supervisor, { action: 'require_rectification', version: cur.version, note: '须落实窗口服务规范。' });
  cur = await step(officer, { action: 'report_rectified', version: cur.version, note: '已组织全所文明服务培训。' });
  cur = await step(supervisor, { action: 'verify', version: cur.version });
  assert.equal(cur.state, 'awaiting_callback');
  assert.deepEqual(cur.actions, ['callback']);
  cur = await step(supervisor, { action: 'callback', version: cur.version, result: 'satisfied', note: '群众表示满意' });
  assert.equal(cur.state, 'closed');
  // Exactly once: the same callback again is refused.
  expectError(await supervisor.post(`/servicedesk/tickets/${t.id}/steps`, { action: 'callback', version: cur.version, result: 'satisfied' }), 400, 'invalid_argument', { action: 'not_allowed_in_state' });
  const after = await figure(station);
  assert.equal(after.received, before.received + 1);
  assert.equal(after.closed, before.closed + 1);
  assert.equal(after.satisfied, before.satisfied + 1);

  const detail = expectStatus(await supervisor.get(`/servicedesk/tickets/${t.id}`), 200);
  assert.deepEqual(detail.events.map((e) => e.action),
    ['register', 'assign', 'reply', 'require_rectification', 'report_rectified', 'verify', 'callback']);
  assert.equal(detail.callback.result, 'satisfied');

  // The public progress query with the SMS'd code: the stage and nothing personal.
  const code = (await smsMatching(new RegExp(`工单号${filed.ticket_no}，查询码([A-Z0-9]{8})`, 'g')))[1];
  assert.equal(code, filed.query_code);
  const p = expectStatus(await server.client().post('/public/service-progress', { ticket_no: filed.ticket_no, query_code: code }), 200);
  assert.equal(p.stage, 'closed');
  assert.equal(p.called_back, true);
  for (const secret of ['林小雨', phone, '呵斥', '城关', '批评教育']) assert.ok(!JSON.stringify(p).includes(secret), secret);
  expectError(await server.client().post('/public/service-progress', { ticket_no: filed.ticket_no, query_code: 'AAAAAAAA' }), 404, 'not_found');
});

test('desk intake: a 12345 transfer carries its work order number once; a duplicate is joined', async () => {
  const transfer = { channel: 'hotline12345', external_ref: `12345-IT-${Date.now()}`, name: '周春梅', phone: '13912340001',
    category: 'slow', title: '身份证补办拖延', content: '补办身份证一个月未办结。', unit_id: station };
  expectError(await officer.post('/servicedesk/tickets', transfer), 403, 'permission_denied');
  expectError(await duty.post('/servicedesk/tickets', { ...transfer, external_ref: '' }), 400, 'invalid_argument', { external_ref: 'required' });
  const first = expectStatus(await duty.post('/servicedesk/tickets', transfer), 201);
  assert.equal(first.state, 'registered');
  assert.equal(first.complainant.name, '周**');
  expectError(await duty.post('/servicedesk/tickets', transfer), 409, 'conflict');
  const again = expectStatus(await supervisor.post('/servicedesk/tickets', { ...transfer, channel: 'xinfang', external_ref: '' }), 201);
  assert.equal(again.state, 'joined');
  assert.equal(again.joined_to, first.id);
  const root = expectStatus(await supervisor.get(`/servicedesk/tickets/${first.id}`), 200);
  assert.deepEqual(root.joined, [again.id]);
  // 信访 clocks cite the regulation.
  const petition = expectStatus(await supervisor.get(`/servicedesk/tickets/${again.id}`), 200);
  assert.equal(petition.clocks.length, 0, 'a joined ticket follows its root');
  const split = expectStatus(await supervisor.post(`/servicedesk/tickets/${again.id}/steps`, { action: 'split', version: again.version, note: '不同事项' }), 200);
  assert.equal(split.state, 'registered');
  assert.match(split.clocks[0].basis, /信访工作条例/);
});

test('the full complainant needs the record permission and a stated purpose; lists stay masked', async () => {
  const list = expectStatus(await supervisor.get('/servicedesk/tickets?channel=mailbox&page_size=5'), 200);
  assert.ok(list.total > 0, 'demo tickets');
  const id = list.items[0].id;
  assert.match(list.items[0].complainant.phone, /^\d{3}\*{4}\d{4}$/);
  expectError(await supervisor.get(`/servicedesk/tickets/${id}/record`), 400, 'invalid_argument', { purpose: 'required' });
  expectError(await leader.get(`/servicedesk/tickets/${id}/record?purpose=${encodeURIComponent('核实投诉情况')}`), 403, 'permission_denied');
  const full = expectStatus(await supervisor.get(`/servicedesk/tickets/${id}/record?purpose=${encodeURIComponent('回访核实投诉情况')}`), 200);
  assert.match(full.complainant.phone, /^1391234\d{4}$/);
});

test('demo: 300 tickets over six channels in every state; figures per unit; bad filters name the field', async () => {
  const all = expectStatus(await supervisor.get('/servicedesk/tickets?page_size=1'), 200);
  assert.ok(all.total >= 300);
  for (const state of ['registered', 'joined', 'assigned', 'replied', 'rectifying', 'rectified', 'awaiting_callback', 'closed']) {
    const r = expectStatus(await supervisor.get(`/servicedesk/tickets?state=${state}&page_size=1`), 200);
    assert.ok(r.total > 0, state);
  }
  expectError(await supervisor.get('/servicedesk/tickets?state=lost'), 400, 'invalid_argument', { state: 'invalid_enum' });
  expectError(await supervisor.get('/servicedesk/figures?month=2026-13'), 400, 'invalid_argument');
  // The officer sees only the station's tickets.
  const mine = expectStatus(await officer.get('/servicedesk/tickets?page_size=200'), 200);
  assert.ok(mine.total > 0 && mine.items.every((t) => t.unit_id === station));
  expectError(await server.client().get('/servicedesk/tickets'), 401, 'unauthenticated');
});
