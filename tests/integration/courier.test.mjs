// Courier real-name registration (寄递实名, issue 17) through the real server: the counter (快递暂行条例 art. 22,
// 反恐怖主义法 art. 20: identity checked, parcel inspected with a photo of it opened, prohibited items refused); a
// sender on the watch list raises exactly one alert at the outlet's station while the clerk sees only the neutral
// instruction; the companies' bulk API (HMAC-SM3 with timestamp and nonce, replays refused, idempotent by company +
// waybill, per-record GA/T 1400 statuses) and its intake rate; outlet isolation; the police's masked search with a
// purpose, real-name rates and 碰撞比对 against the demo's planted pattern.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import { startServer, loggedIn, execSql, rawRequest } from './lib/server.mjs';
import { expectError, expectStatus } from './lib/expect.mjs';
import { isoTime as iso } from './lib/china_time.mjs';

function id18(first17) {
  const w = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = [...first17].reduce((s, ch, i) => s + Number(ch) * w[i], 0);
  return first17 + '10X98765432'[sum % 11];
}
const WANTED = id18('51990119810303777');
const PATTERN_SENDER = '519901198807150035';  // courier/demo.hpp kDemoPatternSender
// An 8×8 JPEG is not a parcel, but it is an image: the media store takes it.
const JPEG = Buffer.from('/9j/4AAQSkZJRgABAQAAAQABAAD/2wBDAAYEBQYFBAYGBQYHBwYIChAKCgkJChQODwwQFxQYGBcUFhYaHSUfGhsjHBYWICwgIyYnKSopGR8tMC0oMCUoKSj/2wBDAQcHBwoIChMKChMoGhYaKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCj/wAARCAAIAAgDASIAAhEBAxEB/8QAFQABAQAAAAAAAAAAAAAAAAAAAAX/xAAUEAEAAAAAAAAAAAAAAAAAAAAA/8QAFAEBAAAAAAAAAAAAAAAAAAAABf/EABQRAQAAAAAAAAAAAAAAAAAAAAD/2gAMAwEAAhEDEQA/AIgAUu//2Q==', 'base64');

let server, clerk, clerk2, admin1, police, duty, officer, leader, PURPOSE;
before(async () => {
  server = await startServer('courier');
  const caseNo = execSql(server.db, 'SELECT case_no FROM cases ORDER BY id LIMIT 1').trim();
  PURPOSE = { 'x-purpose': encodeURIComponent('核查寄递记录'), 'x-case-no': encodeURIComponent(caseNo) };
  [clerk, clerk2, admin1, police, duty, officer, leader] = await Promise.all(
    ['outlet_clerk1', 'outlet_clerk2', 'outlet_admin1', 'courier', 'duty', 'officer', 'leader'].map((u) => loggedIn(server, u)));
});
after(async () => { await server?.cleanup(); });

async function photo(client) {
  const r = await client.request('POST', '/media', { body: JPEG, headers: { 'Content-Type': 'image/jpeg' } });
  return expectStatus(r, 201).media_id;
}

function record(extra = {}) {
  return {
    waybill_no: 'SD' + crypto.randomInt(1e9, 9e9), sender_doc_type: 'resident_id', sender_name: '张三',
    sender_id: id18('51990119900107001'), sender_phone: '13800138000', receiver_name: '李四',
    receiver_phone: '13900139000', receiver_address: '广东省广州市天河区示例路1号', category: 'clothing',
    declared_content: '衣服', declared_value_cents: 5000, inspected: true, ...extra,
  };
}

test('the counter: validation names the field, prohibited items are refused with the reason', async () => {
  // 反恐怖主义法 art. 20: 开封验视 — without a photo of the opened parcel the record is not taken.
  expectError(await clerk.post('/courier/records', record()), 400, 'invalid_argument', { photos: 'opened_photo_required' });
  // 快递暂行条例 art. 22: the sender's ID is checked (GB 11643).
  const badId = record({ sender_id: '519901199001070010', photos: [{ media_id: await photo(clerk), kind: 'opened' }] });
  expectError(await clerk.post('/courier/records', badId), 400, 'invalid_argument', { sender_id: 'bad_check_character' });
  const knife = record({ category: 'control_knife', photos: [{ media_id: await photo(clerk), kind: 'opened' }] });
  const refused = expectStatus(await clerk.post('/courier/records', knife), 201);
  assert.equal(refused.status, 'refused');
  assert.match(refused.reason, /管制/);
  const ok = expectStatus(await clerk.post('/courier/records',
    record({ photos: [{ media_id: await photo(clerk), kind: 'opened' }], ocr_used: true, ocr_corrected: ['name'] })), 201);
  assert.equal(ok.status, 'accepted');
  // The police are not clerks: the counter is the outlets'.
  expectError(await police.post('/courier/records', record()), 403, 'permission_denied');
});

test('a watch-list sender: one alert at the station, the clerk sees only the neutral instruction', async () => {
  const entry = expectStatus(await officer.post('/personwatch/entries', {
    kind: 'wanted', id_number: WANTED, name: '蓝天青', case_no: '示公刑立字〔2026〕301号', reason: '涉嫌诈骗罪，在逃',
    instruction: '立即控制', valid_from: iso(-60), valid_to: iso(86400),
    unit_ids: [expectStatus(await officer.get('/personwatch/options'), 200).units.find((u) => u.name === '指挥中心').id],
  }), 201);
  expectStatus(await leader.post(`/personwatch/entries/${entry.id}/approve`, {}), 200);
  const courierAlerts = async () => expectStatus(await duty.get('/alerts?state=open&page_size=200'), 200).items
    .filter((a) => a.source === 'personwatch');
  const beforeIds = new Set((await courierAlerts()).map((a) => a.id));
  const body = record({ sender_id: WANTED, sender_name: '蓝天青', photos: [{ media_id: await photo(clerk), kind: 'opened' }] });
  const res = await clerk.post('/courier/records', body);
  const answer = expectStatus(res, 201);
  assert.equal(answer.status, 'wait');
  assert.equal(answer.instruction, '系统核验中，请稍候，暂不收寄');
  assert.ok(!/hit|wanted|在逃|布控|watch/i.test(res.text), 'nothing in the answer tells the clerk it was a hit');
  // The same waybill again (the phone's queue resent it): the same record, no second alert.
  const again = expectStatus(await clerk.post('/courier/records', { ...body, photos: [{ media_id: await photo(clerk), kind: 'opened' }] }), 201);
  assert.equal(again.status, 'duplicate');
  assert.equal(again.record_id, answer.record_id);
  const added = (await courierAlerts()).filter((a) => !beforeIds.has(a.id));
  assert.equal(added.length, 1, 'exactly one alert');
  const alert = expectStatus(await duty.get(`/alerts/${added[0].id}`), 200);
  assert.equal(alert.payload.check_source, 'courier');
});

test('outlet isolation: an outlet sees its own records only, and no police route', async () => {
  const mine = expectStatus(await clerk.get('/courier/my/records?page_size=200'), 200);
  const theirs = expectStatus(await clerk2.get('/courier/my/records?page_size=200'), 200);
  assert.ok(mine.total > 0 && theirs.total > 0);
  const mineIds = new Set(mine.items.map((r) => r.id));
  assert.ok(theirs.items.every((r) => !mineIds.has(r.id)));
  assert.equal(new Set(mine.items.map((r) => r.outlet_id)).size, 1);
  // A person filter is ignored for outlets (person searches are the police's), and the police routes refuse them.
  const filtered = expectStatus(await clerk.get(`/courier/my/records?sender_id=${PATTERN_SENDER}`), 200);
  assert.equal(filtered.total, mine.total);
  expectError(await clerk.get('/courier/records'), 403, 'permission_denied');
  expectError(await admin1.get(`/courier/records/search?sender_id=${PATTERN_SENDER}`, { headers: PURPOSE }), 403, 'permission_denied');
  expectError(await clerk.get('/courier/supervision/rates'), 403, 'permission_denied');
});

test('police: masked browse, a person search needs a purpose, rates per outlet and day, 碰撞比对', async () => {
  const page = expectStatus(await police.get('/courier/records?page_size=5'), 200);
  assert.ok(page.total >= 30000);
  assert.match(page.items[0].sender_id, /^\d{6}\*{8}[\dX]{4}$/);
  expectError(await police.get(`/courier/records?sender_id=${PATTERN_SENDER}`), 400, 'invalid_argument', { sender_id: 'use_person_search' });
  const noPurpose = await police.get(`/courier/records/search?sender_id=${PATTERN_SENDER}`);
  assert.equal(noPurpose.status, 400);
  const found = expectStatus(await police.get(`/courier/records/search?sender_id=${PATTERN_SENDER}&page_size=100`, { headers: PURPOSE }), 200);
  assert.ok(found.total >= 40);
  assert.ok(found.items.every((r) => r.sender_id.includes('*')), 'masked by default');
  const rates = expectStatus(await police.get('/courier/supervision/rates'), 200);
  assert.ok(rates.items.length > 0);
  assert.ok(rates.items.every((x) => x.rate >= 0 && x.rate <= 1 && x.verified <= x.total));
  assert.ok(rates.items.some((x) => x.rate < 1), 'the demo has unverified documents');
  const within = expectStatus(await police.post('/courier/collide', { min_count: 30 }, { headers: PURPOSE }), 200);
  assert.ok(within.items.some((x) => x.kind === 'one_sender_many_receivers' && x.key === '519901********0035' && x.count >= 40));
  const listed = expectStatus(await police.post('/courier/collide', { list: [PATTERN_SENDER] }, { headers: PURPOSE }), 200);
  assert.equal(listed.items.length, 1);
});

// The bulk API client of a company's system (docs/api/courier.md).
function signed(body, { company = 'SDKD', key = 'jingwu-demo-SDKD', ts = Math.floor(Date.now() / 1000), nonce = crypto.randomBytes(12).toString('hex') } = {}) {
  const text = JSON.stringify(body);
  const base = ['POST', '/api/v1/courier/bulk', String(ts), nonce, crypto.createHash('sm3').update(text).digest('hex')].join('\n');
  const sig = crypto.createHmac('sm3', key).update(base).digest('hex');
  return { text, headers: { 'content-type': 'application/json', 'x-courier-company': company, 'x-timestamp': String(ts), 'x-nonce': nonce, 'x-signature': sig } };
}
const bulk = ({ text, headers }) => rawRequest(server.port, 'POST', '/api/v1/courier/bulk', { headers, body: text });

test('bulk API: signature, clock and replay checks; idempotent; per-record statuses; the intake rate', async () => {
  const records = Array.from({ length: 1000 }, (_, i) => record({
    outlet_code: 'SDKD-' + (1 + (i % 4)), waybill_no: 'BULK' + (100000 + i), sender_id: id18('519901198506' + String(10000 + i).slice(-5)),
    accepted_at: Math.floor(Date.now() / 1000) - 600,
  }));
  records[1] = { ...records[1], category: 'explosive' };
  records[2] = { ...records[2], receiver_phone: '' };
  records[3] = { ...records[3], outlet_code: 'YTWL-1' };  // another company's outlet
  const req = signed({ records });
  const t0 = process.hrtime.bigint();
  const res = await bulk(req);
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  assert.equal(res.status, 200, res.text);
  console.log(`# bulk intake: 1000 records in ${ms.toFixed(0)} ms = ${(1000 / ms * 1000).toFixed(0)} records/s (${process.env.JW_BACKEND || 'sqlite'})`);
  const list = JSON.parse(res.text).ResponseStatusListObject.ResponseStatusObject;
  assert.equal(list.length, 1000);
  assert.deepEqual([list[0].StatusCode, list[1].StatusCode, list[2].StatusCode, list[3].StatusCode], [0, 4, 8, 8]);
  assert.match(list[1].StatusString, /爆炸/);
  assert.equal(list[2].StatusString, 'receiver_phone: required');
  assert.equal(list[3].StatusString, 'outlet_code: not_found');
  // The same request again is a replay (nonce seen); the same records under a new nonce are duplicates.
  assert.equal((await bulk(req)).status, 401);
  const again = await bulk(signed({ records: records.slice(0, 10) }));
  const statuses = JSON.parse(again.text).ResponseStatusListObject.ResponseStatusObject;
  assert.equal(statuses[0].StatusString, 'duplicate');
  assert.equal(execSql(server.db, "SELECT COUNT(*) FROM courier_records WHERE waybill_no = 'BULK100000'").trim(), '1');
  // Wrong key, stale clock, unknown company: refused before any record is read.
  assert.equal((await bulk(signed({ records: records.slice(0, 1) }, { key: 'guess' }))).status, 401);
  const stale = await bulk(signed({ records: records.slice(0, 1) }, { ts: Math.floor(Date.now() / 1000) - 3600 }));
  assert.equal(stale.status, 400);
  assert.match(stale.text, /x_timestamp/);
  assert.equal((await bulk(signed({ records: records.slice(0, 1) }, { company: 'NOPE' }))).status, 401);
  const tooMany = await bulk(signed({ records: Array(1001).fill(records[0]) }));
  assert.equal(tooMany.status, 400);
});

test('inspections: passed or a 责令整改通知书 (HTML and PDF) tracked to closure; fields checked; only the inspector records', async () => {
  const outlet = execSql(server.db, 'SELECT id FROM courier_outlets ORDER BY id LIMIT 1').trim();
  expectError(await police.post('/courier/inspections', { outlet_id: Number(outlet), findings: '', rectify_days: 7 }), 400, 'invalid_argument', { findings: 'required' });
  expectError(await police.post('/courier/inspections', { outlet_id: Number(outlet), findings: '未验视', rectify_days: 91 }), 400, 'invalid_argument', { rectify_days: 'out_of_range' });
  expectError(await police.post('/courier/inspections', { outlet_id: 999999, findings: '未验视' }), 400, 'invalid_argument', { outlet_id: 'not_found' });
  // The supervisor sees inspections but does not record them (courier.inspect).
  expectError(await leader.post('/courier/inspections', { outlet_id: Number(outlet), findings: '未验视' }), 403, 'permission_denied');
  const passed = expectStatus(await police.post('/courier/inspections', { outlet_id: Number(outlet), findings: '实名登记、开箱验视均规范' }), 201);
  assert.equal(passed.status, 'passed');
  assert.equal(passed.notice_no, '');
  expectError(await police.get(`/courier/inspections/${passed.id}/notice`), 404, 'not_found');
  const findings = '抽查十件，三件未开箱验视即收寄；两件寄件人身份证号码未核对';
  const notice = expectStatus(await police.post('/courier/inspections', { outlet_id: Number(outlet), findings, rectify_days: 15 }), 201);
  assert.equal(notice.status, 'rectifying');
  assert.match(notice.notice_no, /^寄递责改〔\d{4}〕\d+号$/);
  assert.equal(notice.rectify_by - notice.inspected_at, 15 * 86400);
  const html = await leader.get(`/courier/inspections/${notice.id}/notice`);
  assert.equal(html.status, 200);
  for (const words of ['责令整改通知书', notice.notice_no, findings, '第二十二条', notice.outlet_name]) assert.ok(html.text.includes(words), words);
  const pdf = await leader.get(`/courier/inspections/${notice.id}/notice?format=pdf`);
  assert.equal(pdf.status, 200);
  assert.equal(pdf.bytes.subarray(0, 5).toString(), '%PDF-');
  const open = expectStatus(await leader.get(`/courier/inspections?status=rectifying&outlet_id=${outlet}`), 200);
  assert.ok(open.items.some((i) => i.id === notice.id));
  expectError(await police.post(`/courier/inspections/${passed.id}/close`, { note: '复查' }), 409, 'conflict', { status: 'not_rectifying' });
  const closed = expectStatus(await police.post(`/courier/inspections/${notice.id}/close`, { note: '复查：已整改，验视规范' }), 200);
  assert.equal(closed.status, 'closed');
  expectError(await clerk.get('/courier/inspections'), 403, 'permission_denied');
});

test('an outlet\'s staff for the police: the 备案 check\'s status, personal fields masked', async () => {
  const outlet = execSql(server.db, 'SELECT outlet_id FROM courier_staff ORDER BY id LIMIT 1').trim();
  const staff = expectStatus(await leader.get(`/courier/outlets/${outlet}/staff`), 200);
  assert.ok(staff.items.length >= 1);
  for (const s of staff.items) {
    assert.ok(['registered', 'unmatched', 'left'].includes(s.status), s.status);
    assert.match(s.id_number, /\*{4}/);
    assert.match(s.name, /\*/);
  }
  expectError(await leader.get('/courier/outlets/999999/staff'), 404, 'not_found');
  expectError(await clerk.get(`/courier/outlets/${outlet}/staff`), 403, 'permission_denied');
});
