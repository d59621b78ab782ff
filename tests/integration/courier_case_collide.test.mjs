// 碰撞比对 against a case's people (issue 17: "compare senders and receivers of a period against a list (persons of
// interest, a case's people)", ADR 0068 §4): a case made here names a suspect; a parcel sent at a counter by that
// person is found when the period's records are compared with the case, and a parcel of someone else is not. The
// comparison names people of interest, so purpose and case number are required (个人信息保护法 art. 6: a stated
// purpose, the least data; the answer stays masked). The case is the list only for someone who may see the case (the
// case page's rule, cases::VisibleCaseId): a station-scoped officer gets the same 404 for another station's case as
// for a number that does not exist. Both databases.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, loggedIn, execSql } from './lib/server.mjs';
import { expectError, expectStatus } from './lib/expect.mjs';

function id18(first17) {
  const w = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  return first17 + '10X98765432'[[...first17].reduce((s, d, i) => s + Number(d) * w[i], 0) % 11];
}
const SUSPECT_ID = id18('51990119850312661');
const SUSPECT_PHONE = '13712345678';
const BYSTANDER_ID = id18('51990119850312662');
const JPEG = Buffer.from('/9j/4AAQSkZJRgABAQAAAQABAAD/2wBDAAYEBQYFBAYGBQYHBwYIChAKCgkJChQODwwQFxQYGBcUFhYaHSUfGhsjHBYWICwgIyYnKSopGR8tMC0oMCUoKSj/2wBDAQcHBwoIChMKChMoGhYaKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCj/wAARCAAIAAgDASIAAhEBAxEB/8QAFQABAQAAAAAAAAAAAAAAAAAAAAX/xAAUEAEAAAAAAAAAAAAAAAAAAAAA/8QAFAEBAAAAAAAAAAAAAAAAAAAABf/EABQRAQAAAAAAAAAAAAAAAAAAAAD/2gAMAwEAAhEDEQA/AIgAUu//2Q==', 'base64');

let server, officer, police, clerk, caseNo, caseId, suspectRecord, bystanderRecord, PURPOSE;
const sql = (q) => execSql(server.db, q).trim();

async function counterRecord(senderId, senderName) {
  const media = expectStatus(await clerk.request('POST', '/media', { body: JPEG, headers: { 'Content-Type': 'image/jpeg' } }), 201).media_id;
  return expectStatus(await clerk.post('/courier/records', {
    waybill_no: 'CASE' + Date.now() + senderId.slice(-4), sender_doc_type: 'resident_id', sender_name: senderName,
    sender_id: senderId, sender_phone: '13511113333', receiver_name: '东方未明', receiver_phone: '13922224444',
    receiver_address: '广东省广州市天河区案件路8号', category: 'clothing', declared_content: '衣服',
    declared_value_cents: 5000, inspected: true, photos: [{ media_id: media, kind: 'opened' }],
  }), 201).record_id;
}

before(async () => {
  server = await startServer('courier-case');
  [officer, police, clerk] = await Promise.all(['officer', 'courier', 'outlet_clerk1'].map((u) => loggedIn(server, u)));
  const made = expectStatus(await officer.post('/cases', {
    case_type: 'administrative', cause: '盗窃', source: 'walk_in',
    occurred_at: new Date(Date.now() - 3600_000).toISOString().replace(/\.\d+Z$/, 'Z'),
    place: { address: '城关镇解放路5号' }, facts: '报案人称快递包裹被冒领。',
    people: [{ role: 'suspect', name: '慕容秋水', id_type: 'resident_id', id_number: SUSPECT_ID, phone: SUSPECT_PHONE }],
  }), 201);
  caseNo = made.case_no;
  caseId = made.id;
  assert.ok(caseNo, JSON.stringify(made).slice(0, 200));
  PURPOSE = { 'X-Purpose': encodeURIComponent('核查涉案人员寄递'), 'X-Case-No': encodeURIComponent(caseNo) };
  suspectRecord = await counterRecord(SUSPECT_ID, '慕容秋水');
  bystanderRecord = await counterRecord(BYSTANDER_ID, '上官云起');
});
after(async () => { await server?.cleanup(); });

test('a sender who is one of the case\'s people is found; someone else is not; the answer is masked', async () => {
  const res = await police.post('/courier/collide', { source: 'case', list_case_no: caseNo }, { headers: PURPOSE });
  const found = expectStatus(res, 200);
  assert.equal(found.source, 'case');
  const ids = found.items.flatMap((i) => i.record_ids);
  assert.ok(ids.includes(suspectRecord), JSON.stringify(found.items));
  assert.ok(!ids.includes(bystanderRecord), 'a sender who is not one of the case\'s people');
  const group = found.items.find((i) => i.record_ids.includes(suspectRecord));
  assert.equal(group.key, SUSPECT_ID.slice(0, 6) + '********' + SUSPECT_ID.slice(14));
  assert.ok(!res.text.includes(SUSPECT_ID), 'the full number is not in the answer');
  const audit = sql(`SELECT purpose || '|' || case_no || '|' || detail FROM audit_log WHERE action = 'courier.collide' ORDER BY id DESC LIMIT 1`);
  assert.match(audit, new RegExp(`^核查涉案人员寄递\\|${caseNo.replace(/[[\]()〔〕]/g, '.')}\\|case: \\d+ groups$`));
});

test('purpose and case number are required, the list\'s case number too; nothing is compared without them', async () => {
  expectError(await police.post('/courier/collide', { source: 'case', list_case_no: caseNo }), 400, 'invalid_argument',
    { purpose: 'required', case_no: 'required' });
  expectError(await police.post('/courier/collide', { source: 'case', list_case_no: caseNo },
    { headers: { 'X-Purpose': encodeURIComponent('核查') } }), 400, 'invalid_argument', { case_no: 'required' });
  expectError(await police.post('/courier/collide', { source: 'case' }, { headers: PURPOSE }), 400, 'invalid_argument',
    { list_case_no: 'required' });
  expectError(await police.post('/courier/collide', { source: 'case', list_case_no: '示公（不存在）行受字〔2026〕999999号' },
    { headers: PURPOSE }), 404, 'not_found');
});

test('an officer outside the case\'s scope cannot use it as the list: 404 as for a number that does not exist', async () => {
  // The courier role scoped to its unit, and the user moved to a station that is neither the case's unit nor above it.
  const caseUnit = sql(`SELECT unit_id FROM cases WHERE id = ${caseId}`);
  const other = sql(`SELECT id FROM units WHERE kind = 'station' AND id <> ${caseUnit} AND id <> COALESCE((SELECT parent_id FROM units WHERE id = ${caseUnit}), 0) ORDER BY id LIMIT 1`);
  assert.ok(other, 'another station');
  sql(`UPDATE roles SET scope = 'unit' WHERE code = 'courier'`);
  sql(`UPDATE users SET unit_id = ${other} WHERE username = 'courier'`);
  const station = await loggedIn(server, 'courier');
  const theirs = await station.post('/courier/collide', { source: 'case', list_case_no: caseNo }, { headers: PURPOSE });
  expectError(theirs, 404, 'not_found');
  const none = await station.post('/courier/collide', { source: 'case', list_case_no: '示公（不存在）行受字〔2026〕999999号' }, { headers: PURPOSE });
  expectError(none, 404, 'not_found');
  const bare = (r) => ({ ...r.json, request_id: undefined });
  assert.deepEqual(bare(theirs), bare(none), 'the answer does not tell that the case exists');
  assert.ok(!theirs.text.includes(SUSPECT_ID.slice(-4)));
});
