// Security: courier real-name registration (issue 17, ADR 0055). A sender's and a receiver's personal data leave
// the server only masked — the police's browse, the person search without `full`, 碰撞比对, the outlet's own list —
// and in the clear only through the person search with a stated purpose and case number, audited with it. Every
// other way in is refused and leaks nothing: the three administrators, police roles without the permission,
// another outlet's clerk (by waybill, by a person filter, by the parcel photo's id), another kind of external
// account, no session at all; the outlets cannot use the police's routes. A parcel photo: only through its record
// with a purpose (never the shared media route, never another record's path).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, loggedIn, execSql } from '../integration/lib/server.mjs';
import { expectError, expectStatus } from '../integration/lib/expect.mjs';
import { assertNoLeak } from './lib/access.mjs';

function id18(first17) {
  const w = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  return first17 + '10X98765432'[[...first17].reduce((s, d, i) => s + Number(d) * w[i], 0) % 11];
}
const SENDER_ID = id18('51990119770412551');
const SENDER = '上官飞燕';
const SENDER_PHONE = '13512345678';
const RECEIVER = '诸葛青云';
const RECEIVER_PHONE = '13787654321';
const RECEIVER_TAIL = '秘密巷七号院';
const WAYBILL = 'SEC' + Date.now();
const SECRETS = [SENDER_ID, SENDER_ID.slice(6, 14), SENDER, SENDER_PHONE, RECEIVER, RECEIVER_PHONE, RECEIVER_TAIL];
// An 8×8 JPEG: an image the media store takes (the parcel photo 开封验视 requires).
const JPEG = Buffer.from('/9j/4AAQSkZJRgABAQAAAQABAAD/2wBDAAYEBQYFBAYGBQYHBwYIChAKCgkJChQODwwQFxQYGBcUFhYaHSUfGhsjHBYWICwgIyYnKSopGR8tMC0oMCUoKSj/2wBDAQcHBwoIChMKChMoGhYaKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCj/wAARCAAIAAgDASIAAhEBAxEB/8QAFQABAQAAAAAAAAAAAAAAAAAAAAX/xAAUEAEAAAAAAAAAAAAAAAAAAAAA/8QAFAEBAAAAAAAAAAAAAAAAAAAABf/EABQRAQAAAAAAAAAAAAAAAAAAAAD/2gAMAwEAAhEDEQA/AIgAUu//2Q==', 'base64');

let server, clerk, police, PURPOSE, CASE_NO, photoId, recordId;
before(async () => {
  server = await startServer('courier-security');
  CASE_NO = execSql(server.db, 'SELECT case_no FROM cases ORDER BY id LIMIT 1').trim();
  PURPOSE = { 'X-Purpose': encodeURIComponent('核查寄递记录'), 'X-Case-No': encodeURIComponent(CASE_NO) };
  [clerk, police] = await Promise.all([loggedIn(server, 'outlet_clerk1'), loggedIn(server, 'courier')]);
  photoId = expectStatus(await clerk.request('POST', '/media', { body: JPEG, headers: { 'Content-Type': 'image/jpeg' } }), 201).media_id;
  const rec = expectStatus(await clerk.post('/courier/records', {
    waybill_no: WAYBILL, sender_doc_type: 'resident_id', sender_name: SENDER, sender_id: SENDER_ID, sender_phone: SENDER_PHONE,
    receiver_name: RECEIVER, receiver_phone: RECEIVER_PHONE, receiver_address: `广东省广州市天河区${RECEIVER_TAIL}`,
    category: 'clothing', declared_content: '衣服', declared_value_cents: 5000, inspected: true,
    photos: [{ media_id: photoId, kind: 'opened' }],
  }), 201);
  assert.equal(rec.status, 'accepted');
  recordId = rec.record_id;
});
after(async () => { await server?.cleanup(); });

test('browse, person search, 碰撞比对 and the outlet\'s own list answer masked values only', async () => {
  const browse = expectStatus(await police.get(`/courier/records?waybill_no=${WAYBILL}`), 200);
  assert.equal(browse.total, 1);
  assertNoLeak({ text: JSON.stringify(browse) }, SECRETS, 'browse');
  const search = expectStatus(await police.get(`/courier/records/search?sender_id=${SENDER_ID}`, { headers: PURPOSE }), 200);
  assert.equal(search.total, 1);
  assertNoLeak({ text: JSON.stringify(search) }, SECRETS, 'person search');
  for (const q of [`sender_name=${encodeURIComponent(SENDER)}`, `phone=${RECEIVER_PHONE}`])
    assertNoLeak(await police.get(`/courier/records/search?${q}`, { headers: PURPOSE }), SECRETS, q);
  const collide = expectStatus(await police.post('/courier/collide', { list: [SENDER_ID, RECEIVER_PHONE] }, { headers: PURPOSE }), 200);
  assert.equal(collide.items.length, 2);
  assertNoLeak({ text: JSON.stringify(collide) }, SECRETS, 'collide');
  const own = expectStatus(await clerk.get(`/courier/my/records?waybill_no=${WAYBILL}`), 200);
  assert.equal(own.total, 1);
  assertNoLeak({ text: JSON.stringify(own) }, SECRETS, 'own list');
});

test('the clear values need a purpose and a case number, and the read is audited with them', async () => {
  for (const path of [`/courier/records/search?sender_id=${SENDER_ID}&full=true`, `/courier/records/search?sender_id=${SENDER_ID}`]) {
    const res = await police.get(path);
    expectError(res, 400, 'invalid_argument', { purpose: 'required', case_no: 'required' });
    assertNoLeak(res, SECRETS, `no purpose ${path}`);
  }
  const noPurpose = await police.post('/courier/collide', { list: [SENDER_ID] });
  expectError(noPurpose, 400, 'invalid_argument', { purpose: 'required' });
  const full = expectStatus(await police.get(`/courier/records/search?sender_id=${SENDER_ID}&full=true`, { headers: PURPOSE }), 200);
  assert.equal(full.items[0].sender_id, SENDER_ID);
  const auditor = await loggedIn(server, 'auditadmin');
  const reads = expectStatus(await auditor.get('/audit?action=courier.records.search&page_size=50'), 200).items;
  const fullRead = reads.find((r) => r.result === 'ok' && /full/.test(r.detail || ''));
  assert.ok(fullRead, JSON.stringify(reads.slice(0, 2)));
  assert.equal(fullRead.purpose, '核查寄递记录');
  assert.equal(fullRead.case_no, CASE_NO);
  assert.equal(fullRead.action_name, '按人员查询寄递记录');
  assertNoLeak({ text: JSON.stringify(reads) }, SECRETS, 'audit records');
});

test('administrators, police roles without the permission, other external accounts and no session get nothing', async () => {
  const police403 = [
    ['GET', `/courier/records?waybill_no=${WAYBILL}`], ['GET', `/courier/records/search?sender_id=${SENDER_ID}&full=true`],
    ['POST', '/courier/collide'], ['GET', `/courier/my/records?waybill_no=${WAYBILL}`],
  ];
  for (const user of ['sysadmin', 'secadmin', 'auditadmin', 'officer', 'custodian', 'legal', 'duty', 'judge']) {
    const c = await loggedIn(server, user);
    for (const [method, path] of police403) {
      const res = await c.request(method, path, { headers: PURPOSE, ...(method === 'POST' ? { json: { list: [SENDER_ID] } } : {}) });
      expectError(res, 403, 'permission_denied');
      assertNoLeak(res, SECRETS, `${user} ${path}`);
    }
  }
  const anonymous = server.client();
  for (const path of [`/courier/records?waybill_no=${WAYBILL}`, `/courier/my/records?waybill_no=${WAYBILL}`]) {
    const res = await anonymous.get(path);
    expectError(res, 401);
    assertNoLeak(res, SECRETS, `anonymous ${path}`);
  }
});

test('the outlets: another outlet sees nothing of it however it asks, and no outlet account reaches the police\'s routes', async () => {
  const [clerk2, admin2, admin1, company] = await Promise.all(
    ['outlet_clerk2', 'outlet_admin2', 'outlet_admin1', 'courier_company1'].map((u) => loggedIn(server, u)));
  for (const [who, c] of [['outlet_clerk2', clerk2], ['outlet_admin2', admin2]]) {
    const byWaybill = expectStatus(await c.get(`/courier/my/records?waybill_no=${WAYBILL}`), 200);
    assert.equal(byWaybill.total, 0, `${who} by waybill`);
    // A person filter is not a way round: outlets have no person search, the filter is dropped, the scope stays.
    const byPerson = await c.get(`/courier/my/records?sender_id=${SENDER_ID}&page_size=200`);
    assertNoLeak(byPerson, SECRETS, `${who} by person`);
    assert.ok(!byPerson.json.items.some((r) => r.waybill_no === WAYBILL), `${who} by person`);
    // The parcel photo by its id: the photo route is the police's (central refusal of external accounts).
    expectError(await c.get(`/media/${photoId}`), 403, 'permission_denied');
  }
  for (const c of [clerk, admin1, company]) {
    for (const path of [`/courier/records?waybill_no=${WAYBILL}`, `/courier/records/search?sender_id=${SENDER_ID}&full=true`, '/courier/supervision/rates']) {
      const res = await c.get(path, { headers: PURPOSE });
      expectError(res, 403, 'permission_denied');
      assertNoLeak(res, SECRETS, path);
    }
  }
  // The police's photo route is not theirs either (central refusal, whatever the purpose).
  for (const c of [clerk, clerk2, admin1, company])
    expectError(await c.get(`/courier/records/${recordId}/photos/${photoId}`, { headers: PURPOSE }), 403, 'permission_denied');
});

test('a parcel photo: only through its record with a purpose and a case number, audited; the shared route and other records give nothing', async () => {
  const path = `/courier/records/${recordId}/photos`;
  // No purpose: refused before anything is read.
  for (const p of [path, `${path}/${photoId}`])
    expectError(await police.get(p), 400, 'invalid_argument', { purpose: 'required', case_no: 'required' });
  const list = expectStatus(await police.get(path, { headers: PURPOSE }), 200);
  assert.deepEqual(list.items, [{ media_id: photoId, kind: 'opened' }]);
  const photo = await police.get(`${path}/${photoId}`, { headers: PURPOSE });
  assert.equal(photo.status, 200);
  assert.match(photo.headers.get('content-type') || '', /^image\/jpeg/);
  // The purpose as query parameters (an <img src>) is the same way in.
  const q = `purpose=${encodeURIComponent('核查寄递记录')}&case_no=${encodeURIComponent(CASE_NO)}`;
  assert.equal((await police.get(`${path}/${photoId}?${q}`)).status, 200);
  // The shared media route cannot ask for a purpose: the same 404 as an unknown id, for every police reader.
  for (const user of ['courier', 'officer', 'leader', 'analyst'])
    expectError(await (await loggedIn(server, user)).get(`/media/${photoId}`), 404, 'not_found');
  // Another record's path does not open this photo; an unknown record says the same.
  const other = execSql(server.db, `SELECT id FROM courier_records WHERE id <> ${recordId} ORDER BY id LIMIT 1`).trim();
  for (const p of [`/courier/records/${other}/photos/${photoId}`, `/courier/records/999999999/photos/${photoId}`])
    expectError(await police.get(p, { headers: PURPOSE }), 404, 'not_found');
  // Police roles without courier.search (the supervisor sees rates, not people), administrators: refused.
  for (const user of ['leader', 'officer', 'sysadmin', 'auditadmin'])
    expectError(await (await loggedIn(server, user)).get(`${path}/${photoId}`, { headers: PURPOSE }), 403, 'permission_denied');
  const auditor = await loggedIn(server, 'auditadmin');
  const reads = expectStatus(await auditor.get('/audit?action=courier.photos.read&page_size=50'), 200).items;
  const read = reads.find((r) => r.result === 'ok' && r.object === `courier_record:${recordId}`);
  assert.ok(read, JSON.stringify(reads.slice(0, 2)));
  assert.equal(read.purpose, '核查寄递记录');
  assert.equal(read.case_no, CASE_NO);
});
