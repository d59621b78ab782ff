// Finding 2 — secrets and personal data at rest (docs/security.md): ID numbers, phones and addresses of case
// people were plain text in the database; query codes were HMAC-SM3 keyed with the public case number (found by
// brute force in seconds); the server log held whole SMS texts with their query codes; the public progress page
// had no limit per case (50 addresses made 250 guesses on one case).
// Each test reads the raw database / log the way an intruder with a copy of them would.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import { startServer, loggedIn, execSql } from '../integration/lib/server.mjs';
import { expectError, expectStatus } from '../integration/lib/expect.mjs';

let server;
before(async () => { server = await startServer('secdata'); });
after(async () => { await server?.cleanup(); });

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

// A GB 11643 ID number with its check character.
function residentId(body17) {
  const w = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = [...body17].reduce((s, d, i) => s + Number(d) * w[i], 0);
  return body17 + '10X98765432'[sum % 11];
}

const ID_A = residentId('11010519850612731');
const PHONE_A = '13907771234';
const ADDRESS_A = '示范县密文路八十八号院';
const ID_B = residentId('11010519720305114');
const PHONE_B = '13600445566';

const newCase = (person) => ({
  case_type: 'administrative',
  cause: '盗窃',
  source: 'walk_in',
  occurred_at: new Date(Date.now() - 3600_000).toISOString().replace(/\.\d+Z$/, 'Z'),
  place: { address: '示范县城关镇人民路12号' },
  facts: '报案人称自行车被盗。',
  people: [person, { role: 'suspect', name: '某某', id_type: 'none' }],
});

// The whole text of every row of `table`, as one string (sqlite3 / psql -A print rows joined by '|').
const tableText = (table) => execSql(server.db, `SELECT * FROM ${table}`);
const PEOPLE_TABLES = ['case_people', 'case_events', 'case_query_codes', 'case_query_attempts', 'notifications',
  'audit_log'];

// Whole SMS texts: the demo SMS file (an older server, without one, logged them whole — read there too, so this
// file shows what that server leaks; the fixed server's log has them masked and never matches).
const smsTexts = () => server.sms() + server.log();

async function smsCodeFor(caseNo) {
  const deadline = Date.now() + 10_000;
  while (Date.now() < deadline) {
    const m = smsTexts().match(new RegExp(`案件编号${caseNo}，查询码(\\d{8})`));
    if (m) return m[1];
    await sleep(200);
  }
  throw new Error(`no query code SMS for ${caseNo}`);
}

const progress = (client, caseNo, code, headers = {}) =>
  client.request('POST', '/public/case-progress', { json: { case_no: caseNo, query_code: code }, headers });

// The answer without what differs per request.
const comparable = (res) => ({ status: res.status, code: res.json?.code, message: res.json?.message,
  fields: res.json?.fields, retry: res.headers.get('retry-after') });

let caseA, caseB, codeA, codeB;

test('personal fields of case people are not in the database in plain text; the API shows them as before', async () => {
  const c = await loggedIn(server, 'officer');
  caseA = expectStatus(await c.post('/cases', newCase({ role: 'reporter', name: '赵明', id_type: 'resident_id',
    id_number: ID_A, phone: PHONE_A, address: ADDRESS_A })), 201);
  caseB = expectStatus(await c.post('/cases', newCase({ role: 'victim', name: '钱亮', id_type: 'resident_id',
    id_number: ID_B, phone: PHONE_B, address: '示范县另一条路1号' })), 201);
  codeA = await smsCodeFor(caseA.case_no);
  codeB = await smsCodeFor(caseB.case_no);
  await sleep(300);  // the delivery pass commits after the gateway took the message

  for (const table of PEOPLE_TABLES) {
    const text = tableText(table);
    for (const secret of [ID_A, PHONE_A, ADDRESS_A, ID_B, PHONE_B, codeA, codeB]) {
      assert.ok(!text.includes(secret), `${table} holds ${secret} in plain text`);
    }
  }
  // Not vacuous: the rows are there.
  assert.ok(tableText('case_people').includes('赵明'));

  const p = caseA.people[0];
  assert.equal(p.id_number, `${ID_A.slice(0, 6)}********${ID_A.slice(14)}`);
  assert.equal(p.phone, `${PHONE_A.slice(0, 3)}****${PHONE_A.slice(7)}`);
  assert.equal(p.address, '');
  assert.equal(p.has_query_code, true);
  expectError(await c.get(`/cases/${caseA.id}/people/${p.id}`), 400, 'invalid_argument', { purpose: 'required' });
  const full = expectStatus(await c.get(`/cases/${caseA.id}/people/${p.id}?purpose=${encodeURIComponent('询问核实')}&case_no=${caseA.case_no}`), 200);
  assert.equal(full.id_number, ID_A);
  assert.equal(full.phone, PHONE_A);
  assert.equal(full.address, ADDRESS_A);
  // An edit re-encrypts: the new address is not stored plain either, and reads back whole.
  const edited = expectStatus(await c.put(`/cases/${caseA.id}/people/${p.id}`,
    { expected_version: caseA.version + 0, address: '示范县新址九十九号' }), 200);
  caseA = edited;
  assert.ok(!tableText('case_people').includes('示范县新址九十九号'));
  const again = expectStatus(await c.get(`/cases/${caseA.id}/people/${p.id}?purpose=${encodeURIComponent('询问核实')}&case_no=${caseA.case_no}`), 200);
  assert.equal(again.address, '示范县新址九十九号');
});

test('a lookup by ID number still finds the person\'s cases (and only theirs)', async () => {
  const c = await loggedIn(server, 'officer');
  const found = expectStatus(await c.get(`/cases?id_number=${ID_A}&page_size=200`), 200);
  assert.deepEqual(found.items.map((k) => k.id), [caseA.id]);
  // Lower-case x and spaces are the same number.
  const lower = expectStatus(await c.get(`/cases?id_number=${encodeURIComponent(` ${ID_B.toLowerCase()} `)}&page_size=200`), 200);
  assert.deepEqual(lower.items.map((k) => k.id), [caseB.id]);
  const none = expectStatus(await c.get(`/cases?id_number=${residentId('11010519990101123')}&page_size=200`), 200);
  assert.equal(none.total, 0);
});

test('the stored query code is keyed with a secret: brute force with public data finds nothing', () => {
  const rows = execSql(server.db, `SELECT code_hash FROM case_query_codes WHERE case_id = ${caseA.id}`).trim().split('\n');
  assert.ok(rows.length >= 1 && rows[0].length >= 32, `stored: ${rows}`);
  const hmac = (key, data) => crypto.createHmac('sm3', key).update(data).digest('hex');
  const sm3 = (data) => crypto.createHash('sm3').update(data).digest('hex');
  const no = caseA.case_no;
  // Every function of public data and the code an attacker would try first; the code is known here, so one
  // candidate per function is the whole brute force.
  const candidates = [hmac(no, codeA), hmac(codeA, no), sm3(codeA), sm3(no + codeA), sm3(codeA + no),
    hmac('', codeA), hmac(String(caseA.id), codeA), hmac(hmac(no, codeA), codeA)];
  for (const stored of rows) {
    for (const cand of candidates) assert.notEqual(stored.toLowerCase(), cand, 'stored code hash is a function of public data');
    assert.ok(!stored.includes(codeA));
  }
});

test('the public progress page is limited per case: the right code is refused after many wrong ones, same answer', async () => {
  const anon = server.client();
  expectStatus(await progress(anon, caseA.case_no, codeA), 200);
  // Wrong codes for case A from ten other addresses (the server sees 127.0.0.1 for everything on loopback, so
  // the other addresses' attempts are stored as the endpoint stores them) and one through the API.
  const now = Math.floor(Date.now() / 1000);
  for (let i = 1; i <= 10; i++) {
    execSql(server.db, `INSERT INTO case_query_attempts (client, case_no, at, ok) VALUES ('10.9.0.${i}', '${caseA.case_no}', ${now}, 0)`);
  }
  const wrong = await progress(anon, caseA.case_no, codeA === '00000000' ? '11111111' : '00000000',
    { 'X-Forwarded-For': '10.9.1.1' });
  expectError(wrong, 404, 'not_found');
  const locked = await progress(anon, caseA.case_no, codeA);
  expectError(locked, 404, 'not_found');
  const unknown = await progress(anon, '5199012026XZ99999', '12345678');
  assert.deepEqual(comparable(locked), comparable(wrong));
  assert.deepEqual(comparable(unknown), comparable(wrong));
  // Another case is not affected, and this address is still under its own limit.
  const okB = expectStatus(await progress(anon, caseB.case_no, codeB), 200);
  assert.equal(okB.case_no, caseB.case_no);
});

test('the server log holds no whole code, phone or ID number after progress SMS were sent', async () => {
  const c = await loggedIn(server, 'officer');
  const p = caseB.people[0];
  expectStatus(await c.post(`/cases/${caseB.id}/query-codes`, { person_id: p.id }), 201);
  const deadline = Date.now() + 10_000;
  let fresh;
  while (Date.now() < deadline) {
    const all = smsTexts().match(new RegExp(`案件编号${caseB.case_no}，查询码(\\d{8})`, 'g')) || [];
    if (all.length >= 2) { fresh = all.pop().slice(-8); break; }
    await sleep(200);
  }
  assert.ok(fresh, 'the reissued code was sent');
  await sleep(300);
  const log = server.log();
  assert.match(log, /sms to phone/, 'the SMS sends are logged (masked)');
  for (const secret of [codeA, codeB, fresh, PHONE_A, PHONE_B, ID_A, ID_B]) {
    assert.ok(!log.includes(secret), `the log holds ${secret}`);
  }
  // The sent SMS is not kept whole in the outbox either.
  const outbox = tableText('notifications');
  for (const secret of [fresh, PHONE_B]) assert.ok(!outbox.includes(secret), `notifications hold ${secret}`);
});

test('plain rows of an older database are encrypted at the next start, and still read back whole', async () => {
  const c = await loggedIn(server, 'officer');
  const p = caseB.people[0];
  // An older server wrote people in plain text (no sealed mark).
  execSql(server.db, `UPDATE case_people SET id_number = '${ID_B}', phone = '${PHONE_B}', address = '旧库明文地址', id_number_index = '', sealed = 0 WHERE id = ${p.id}`);
  await server.stop();
  await server.start();
  const text = tableText('case_people');
  for (const secret of [ID_B, PHONE_B, '旧库明文地址']) assert.ok(!text.includes(secret), `not migrated: ${secret}`);
  const c2 = await loggedIn(server, 'officer');
  const full = expectStatus(await c2.get(`/cases/${caseB.id}/people/${p.id}?purpose=${encodeURIComponent('核查身份信息')}&case_no=${caseB.case_no}`), 200);
  assert.deepEqual([full.id_number, full.phone, full.address], [ID_B, PHONE_B, '旧库明文地址']);
  const found = expectStatus(await c2.get(`/cases?id_number=${ID_B}&page_size=200`), 200);
  assert.deepEqual(found.items.map((k) => k.id), [caseB.id]);
  void c;
});
