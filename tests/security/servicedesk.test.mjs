// Security: the service supervision centre and the public SMS-code login (issue 18, ADR 0058).
//  - SMS codes: brute force is refused (a code dies after 5 wrong tries, even for the right digits), codes per
//    number are limited, a wrong code and a number that never asked get the same answer;
//  - tokens: scoped to the number's tickets and to the servicedesk purpose; a forged or absent token is refused;
//  - public progress: the stage only, the same 404 for a wrong code and an unknown number;
//  - the other ways into a ticket's complainant: list, detail, record, photo access — another station's officer
//    gets what an unknown ticket gets, roles without the permission are refused, nothing unmasked leaks.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, loggedIn, execSql } from '../integration/lib/server.mjs';
import { expectError, expectStatus } from '../integration/lib/expect.mjs';
import { stationOfficer, assertNoLeak } from './lib/access.mjs';

const NAME = '欧阳明月';
const PHONE = '13612345678';
const SECRETS = [NAME, PHONE, '5678欧阳'];

let server;
let supervisor;
let ticket;
before(async () => {
  server = await startServer('servicedesk_sec');
  supervisor = await loggedIn(server, 'supervisor');
  const opts = expectStatus(await supervisor.get('/servicedesk/options'), 200);
  const station = opts.units.find((u) => u.name === '城关派出所').id;
  ticket = expectStatus(await supervisor.post('/servicedesk/tickets', { channel: 'hotline', name: NAME, phone: PHONE,
    category: 'conduct', title: '出警不规范', content: '出警民警未出示证件。', unit_id: station }), 201);
});
after(async () => { await server?.cleanup(); });

async function smsCodes(phoneTail) {
  for (let i = 0; i < 600; i++) {
    const all = [...server.sms().matchAll(/您的验证码为(\d{6})/g)].map((m) => m[1]);
    if (all.length > phoneTail) return all;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error('no SMS code');
}

test('SMS code brute force is refused; limits per number; no difference for unknown numbers', async () => {
  const anon = server.client();
  const phone = '13512345678';
  const sent = (await smsCodes(-1)).length;
  expectStatus(await anon.post('/public/auth/code', { phone, purpose: 'servicedesk' }), 202);
  const code = (await smsCodes(sent)).at(-1);
  const wrong = code === '000000' ? '000001' : '000000';
  for (let i = 0; i < 5; i++)
    expectError(await anon.post('/public/auth/verify', { phone, code: wrong, purpose: 'servicedesk' }), 401, 'wrong_code');
  // The code is dead now: the right digits are refused like a wrong code.
  expectError(await anon.post('/public/auth/verify', { phone, code, purpose: 'servicedesk' }), 401, 'wrong_code');
  // A number that never asked answers the same.
  expectError(await anon.post('/public/auth/verify', { phone: '13512340000', code: '123456', purpose: 'servicedesk' }), 401, 'wrong_code');
  // Codes per number: 3 in 15 minutes, then 429 (counted in the database).
  expectStatus(await anon.post('/public/auth/code', { phone, purpose: 'servicedesk' }), 202);
  expectStatus(await anon.post('/public/auth/code', { phone, purpose: 'servicedesk' }), 202);
  const limited = await anon.post('/public/auth/code', { phone, purpose: 'servicedesk' });
  assert.equal(limited.status, 429);
  assert.ok(Number(limited.headers.get('retry-after')) > 0);
  // Bad input names the field; an unregistered purpose is refused.
  expectError(await anon.post('/public/auth/code', { phone: '1234', purpose: 'servicedesk' }), 400, 'invalid_argument', { phone: 'bad_mobile' });
  expectError(await anon.post('/public/auth/code', { phone, purpose: 'payroll' }), 400, 'invalid_argument', { purpose: 'invalid_enum' });
  // The codes are stored hashed: the digits are nowhere in the table.
  assert.equal(execSql(server.db, `SELECT COUNT(*) FROM publicauth_codes WHERE code_hash LIKE '%${code}%' OR subject LIKE '%${phone}%'`).trim(), '0');
});

test('a token opens only its holder\'s tickets; forged and absent tokens are refused', async () => {
  const anon = server.client();
  const sent = (await smsCodes(-1)).length;
  expectStatus(await anon.post('/public/auth/code', { phone: '13412345678', purpose: 'servicedesk' }), 202);
  const code = (await smsCodes(sent)).at(-1);
  const v = expectStatus(await anon.post('/public/auth/verify', { phone: '13412345678', code, purpose: 'servicedesk' }), 200);
  // Another person's ticket (filed at the desk) is not among this person's own.
  const own = expectStatus(await anon.get('/public/service-tickets', { headers: { 'X-Public-Token': v.token } }), 200);
  assert.deepEqual(own.items, []);
  assertNoLeak({ text: JSON.stringify(own) }, SECRETS, 'own tickets');
  const forged = v.token.slice(0, -2) + (v.token.endsWith('00') ? '11' : '00');
  expectError(await anon.get('/public/service-tickets', { headers: { 'X-Public-Token': forged } }), 401, 'unauthenticated');
  expectError(await anon.get('/public/service-tickets'), 401, 'unauthenticated');
  // A public token is no session: the desk's API stays closed.
  expectError(await anon.get('/servicedesk/tickets', { headers: { 'X-Public-Token': v.token } }), 401, 'unauthenticated');
});

test('public progress: a wrong code and an unknown number look the same, and guessing is stopped', async () => {
  const anon = server.client();
  const a = await anon.post('/public/service-progress', { ticket_no: ticket.ticket_no, query_code: 'WRONG123' });
  const b = await anon.post('/public/service-progress', { ticket_no: 'FW209901010001', query_code: 'WRONG123' });
  assert.equal(a.status, 404);
  assert.equal(b.status, 404);
  assert.equal(a.json.code, b.json.code);
  assert.equal(a.json.message, b.json.message);
  assertNoLeak(a, SECRETS, 'progress');
  let last;
  for (let i = 0; i < 5; i++) last = await anon.post('/public/service-progress', { ticket_no: 'FW20990101000' + i, query_code: 'X' });
  assert.equal(last.status, 429);
  // Even the right code is refused from that address now.
  const right = await anon.post('/public/service-progress', { ticket_no: ticket.ticket_no, query_code: ticket.query_code });
  assert.equal(right.status, 429);
});

test('the other ways into the complainant: list, detail, record, steps — masked or refused', async () => {
  const other = await stationOfficer(server, '东城派出所');
  const courier = await loggedIn(server, 'courier');
  const calls = [
    (c) => c.get(`/servicedesk/tickets/${ticket.id}`),
    (c) => c.get(`/servicedesk/tickets/${ticket.id}/record?purpose=${encodeURIComponent('核实投诉人身份')}`),
    (c) => c.post(`/servicedesk/tickets/${ticket.id}/steps`, { action: 'reply', version: ticket.version, note: 'x' }),
  ];
  for (const call of calls) {
    const r = await call(other);
    assert.ok(r.status === 404 || r.status === 403, `other station ${r.status}`);
    assertNoLeak(r, SECRETS, 'other station');
    const c = await call(courier);
    assert.equal(c.status, 403);
    assertNoLeak(c, SECRETS, 'courier');
  }
  // The other station's list does not hold the ticket at all.
  const list = expectStatus(await other.get('/servicedesk/tickets?page_size=200'), 200);
  assert.ok(!list.items.some((t) => t.id === ticket.id));
  // The supervisor's list and detail are masked; the record is whole only with a purpose.
  for (const p of [`/servicedesk/tickets?ticket_no=${ticket.ticket_no}`, `/servicedesk/tickets/${ticket.id}`]) {
    const r = await supervisor.get(p);
    expectStatus(r, 200);
    assertNoLeak(r, SECRETS, p);
  }
  const full = expectStatus(await supervisor.get(`/servicedesk/tickets/${ticket.id}/record?purpose=${encodeURIComponent('回访核实情况')}`), 200);
  assert.equal(full.complainant.name, NAME);
  // Administrators have no business permission.
  const sysadmin = await loggedIn(server, 'sysadmin');
  expectError(await sysadmin.get('/servicedesk/tickets'), 403, 'permission_denied');
});
