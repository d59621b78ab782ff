// The person watch list (人员布控, issue 15) through the real server: an officer applies, the officer may not approve,
// the leader approves; lists and details are masked, the full record needs a purpose and a case number; the phone's
// check answers hit / miss, raises exactly one alert per event that the duty desk sees on the board with the source
// and the position; the demo county's wanted persons are found with their master-index person; the offline list
// holds keyed hashes only; bad input names the field; checks are rate-limited per user.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, loggedIn, execSql } from './lib/server.mjs';
import { expectError, expectStatus } from './lib/expect.mjs';
import { isoTime as iso } from './lib/china_time.mjs';

// A synthetic resident ID of region 519901 (GB 11643 check character).
function id18(first17) {
  const w = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = [...first17].reduce((s, ch, i) => s + Number(ch) * w[i], 0);
  return first17 + '10X98765432'[sum % 11];
}
const WANTED = id18('51990119770707555');
let PURPOSE;  // headers of a sensitive read: a purpose and a case number of the bureau's format

let server;
let officer;
let leader;
let duty;
let centre;
before(async () => {
  server = await startServer('personwatch');
  const caseNo = execSql(server.db, 'SELECT case_no FROM cases ORDER BY id LIMIT 1').trim();
  PURPOSE = { 'x-purpose': encodeURIComponent('核查在逃人员身份'), 'x-case-no': encodeURIComponent(caseNo) };
  officer = await loggedIn(server, 'officer');
  leader = await loggedIn(server, 'leader');
  duty = await loggedIn(server, 'duty');
  const opts = expectStatus(await officer.get('/personwatch/options'), 200);
  centre = opts.units.find((u) => u.name === '指挥中心').id;
  assert.deepEqual(opts.kinds.map((k) => k.code), ['wanted', 'poi', 'missing']);
});
after(async () => { await server?.cleanup(); });

function entry(extra = {}) {
  return {
    kind: 'wanted', id_number: WANTED, name: '蓝天明', case_no: '示公刑立字〔2026〕201号',
    reason: '涉嫌抢劫罪，在逃', instruction: '立即控制，通知城关派出所', valid_from: iso(-60), valid_to: iso(86400),
    unit_ids: [centre], ...extra,
  };
}

test('apply → the applicant cannot approve → the leader approves; lists are masked', async () => {
  expectError(await duty.post('/personwatch/entries', entry()), 403, 'permission_denied');
  const created = expectStatus(await officer.post('/personwatch/entries', entry()), 201);
  assert.equal(created.status, 'pending');
  assert.equal(created.colour, 'red');
  assert.equal(created.id_number, `519901********${WANTED.slice(-4)}`);
  assert.equal(created.name, '蓝**');
  assert.equal(created.birth_date, undefined);
  expectError(await officer.post(`/personwatch/entries/${created.id}/approve`, {}), 403, 'permission_denied');
  expectError(await officer.post('/personwatch/entries', entry()), 409, 'conflict');
  const approved = expectStatus(await leader.post(`/personwatch/entries/${created.id}/approve`,
    { version: created.version, reason: '同意' }), 200);
  assert.equal(approved.status, 'active');
  const list = expectStatus(await officer.get('/personwatch/entries?status=active&kind=wanted&page_size=200'), 200);
  const row = list.items.find((e) => e.id === created.id);
  assert.ok(row);
  assert.ok(!JSON.stringify(list).includes(WANTED), 'list masked');
  const detail = expectStatus(await officer.get(`/personwatch/entries/${created.id}`), 200);
  assert.deepEqual(detail.events.map((e) => e.action), ['create', 'approve']);
  assert.ok(!JSON.stringify(detail).includes(WANTED), 'detail masked');
  // The full record: purpose and case number, or a 400 naming them.
  expectError(await officer.get(`/personwatch/entries/${created.id}/record`), 400, 'invalid_argument',
    { purpose: 'required', case_no: 'required' });
  const full = expectStatus(await officer.get(`/personwatch/entries/${created.id}/record`, { headers: PURPOSE }), 200);
  assert.equal(full.id_number, WANTED);
  assert.equal(full.name, '蓝天明');
  assert.equal(full.birth_date, '1977-07-07');
  const found = expectStatus(await officer.get(`/personwatch/search?id_number=${WANTED}`, { headers: PURPOSE }), 200);
  assert.deepEqual(found.items.map((e) => e.id), [created.id]);
});

test('a check raises exactly one alert per event, seen by the duty desk with source and position', async () => {
  const personAlerts = async () => expectStatus(await duty.get('/alerts?state=open&page_size=200'), 200).items
    .filter((x) => x.source === 'personwatch');
  const before = (await personAlerts()).length;
  const body = { id_number: WANTED, purpose: '路面盘查', event_ref: 'phone-evt-1', latitude: 30.6123, longitude: 104.0712 };
  const a = expectStatus(await officer.post('/personwatch/check', body), 200);
  assert.equal(a.hit, true);
  assert.equal(a.hits.length, 1);
  assert.equal(a.hits[0].instruction, '立即控制，通知城关派出所');
  assert.equal(a.hits[0].name, '蓝**');
  const again = expectStatus(await officer.post('/personwatch/check', body), 200);
  assert.equal(again.hits[0].alert_id, a.hits[0].alert_id);
  const board = await personAlerts();
  assert.equal(board.length, before + 1, 'one alert for the event, however often it is sent');
  assert.ok(board.some((x) => x.id === a.hits[0].alert_id));
  const alert = expectStatus(await duty.get(`/alerts/${a.hits[0].alert_id}`), 200);
  assert.equal(alert.payload.check_source, 'mobile_check');
  assert.equal(alert.payload.latitude, 30.6123);
  assert.equal(alert.sightings.length, 1);
  assert.ok(!JSON.stringify(alert).includes(WANTED), 'the alert carries the masked number only');
  const miss = expectStatus(await officer.post('/personwatch/check',
    { id_number: id18('51990119770707556'), purpose: '路面盘查' }), 200);
  assert.equal(miss.hit, false);
  assert.deepEqual(miss.hits, []);
});

test('the demo county: a wanted person of the master index is found with their person', async () => {
  const list = expectStatus(await leader.get('/personwatch/entries?status=active&kind=wanted&page_size=200'), 200);
  const known = list.items.find((e) => e.in_master_index && e.case_no.includes('101'));
  assert.ok(known, JSON.stringify(list.items.map((e) => [e.case_no, e.in_master_index])));
  const full = expectStatus(await leader.get(`/personwatch/entries/${known.id}/record`, { headers: PURPOSE }), 200);
  const a = expectStatus(await leader.post('/personwatch/check', { id_number: full.id_number, purpose: '窗口核查',
    source: 'desk' }), 200);
  assert.equal(a.hit, true);
  assert.ok(a.master_index?.person_id > 0);
  const pending = expectStatus(await leader.get('/personwatch/entries?status=pending'), 200);
  assert.ok(pending.total >= 1, 'one demo application waits for the leader');
});

test('bad input names the field and the courier source is not reachable over HTTP', async () => {
  expectError(await officer.post('/personwatch/check', { id_number: WANTED }), 400, 'invalid_argument',
    { purpose: 'required' });
  expectError(await officer.post('/personwatch/check', { id_number: '519901197707075559', purpose: '盘查' }), 400,
    'invalid_argument');
  expectError(await officer.post('/personwatch/check', { id_number: WANTED, purpose: '盘查', source: 'courier' }),
    400, 'invalid_argument', { source: 'invalid_enum' });
  expectError(await officer.post('/personwatch/check', { id_number: WANTED, purpose: '盘查', latitude: 30 }), 400,
    'invalid_argument', { longitude: 'required' });
  expectError(await officer.post('/personwatch/entries', entry({ kind: 'suspect', id_number: id18('51990119800101999') })),
    400, 'invalid_argument', { kind: 'invalid_enum' });
});

test('the offline list: keyed hashes of the wanted and a version; officers only', async () => {
  const l = expectStatus(await officer.get('/personwatch/offline-list'), 200);
  assert.equal(l.alg, 'HMAC-SM3');
  assert.match(l.key, /^[0-9a-f]{64}$/);
  assert.ok(l.count >= 3, `${l.count} wanted persons`);
  assert.ok(l.hashes.every((h) => /^[0-9a-f]{64}$/.test(h)));
  assert.ok(!JSON.stringify(l).includes(WANTED));
  expectError(await duty.get('/personwatch/offline-list'), 403, 'permission_denied');
});

test('withdrawn: the person no longer hits', async () => {
  const list = expectStatus(await officer.get(`/personwatch/entries?case_no=${encodeURIComponent('示公刑立字〔2026〕201号')}`), 200);
  const id = list.items[0].id;
  expectError(await officer.post(`/personwatch/entries/${id}/withdraw`, {}), 400, 'invalid_argument', { reason: 'required' });
  expectStatus(await officer.post(`/personwatch/entries/${id}/withdraw`, { reason: '已抓获' }), 200);
  const a = expectStatus(await officer.post('/personwatch/check', { id_number: WANTED, purpose: '路面盘查' }), 200);
  assert.equal(a.hit, false);
});

test('person checks are rate-limited per user', async () => {
  const analyst = await loggedIn(server, 'leader');
  let limited = null;
  for (let i = 0; i < 70 && !limited; i++) {
    const res = await analyst.post('/personwatch/check', { id_number: id18('51990119800101123'), purpose: '路面盘查' });
    if (res.status === 429) limited = res;
  }
  assert.ok(limited, 'the 61st check within a minute is refused');
  expectError(limited, 429, 'rate_limited');
});
