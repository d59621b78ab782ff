// The person watch list (issue 15) from every other way in: an officer of another station (东城派出所, neither the
// applying nor a notified unit) gets nothing of an entry — not the list, not the detail (404 like a missing one), not
// the full record or the search even with a purpose, not its hits, not its photo; the full record needs a purpose and
// a case number from anyone; the three administrators and the courier account reach no route; the offline list and
// the check's answer never carry an ID number in the clear.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { startServer, loggedIn, execSql, REPO_ROOT } from '../integration/lib/server.mjs';
import { expectError, expectStatus } from '../integration/lib/expect.mjs';
import { isoTime as iso } from '../integration/lib/china_time.mjs';
import { stationOfficer, assertNoLeak } from './lib/access.mjs';

const JPEG = fs.readFileSync(path.join(REPO_ROOT, 'src/media/testdata/exif_gps.jpg'));

function id18(first17) {
  const w = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = [...first17].reduce((s, ch, i) => s + Number(ch) * w[i], 0);
  return first17 + '10X98765432'[sum % 11];
}
const NUMBER = id18('51990119660606777');
const NAME = '莫秋生';

let server, officer, east, entryId, photo, purpose;
before(async () => {
  server = await startServer('secpersonwatch');
  officer = await loggedIn(server, 'officer');
  const leader = await loggedIn(server, 'leader');
  east = await stationOfficer(server, '东城派出所');
  const caseNo = execSql(server.db, 'SELECT case_no FROM cases ORDER BY id LIMIT 1').trim();
  purpose = { 'x-purpose': encodeURIComponent('核查在逃人员身份'), 'x-case-no': encodeURIComponent(caseNo) };
  const opts = expectStatus(await officer.get('/personwatch/options'), 200);
  const station = opts.units.find((u) => u.name === '城关派出所').id;
  photo = expectStatus(await officer.request('POST', '/media',
    { body: JPEG, headers: { 'Content-Type': 'image/jpeg' } }), 201).media_id;
  const created = expectStatus(await officer.post('/personwatch/entries', {
    kind: 'wanted', id_number: NUMBER, name: NAME, photo_media_id: photo, case_no: '示公刑立字〔2026〕301号',
    reason: '涉嫌盗窃罪，在逃', instruction: '立即控制', valid_from: iso(-60), valid_to: iso(86400), unit_ids: [station],
  }), 201);
  entryId = created.id;
  expectStatus(await leader.post(`/personwatch/entries/${entryId}/approve`, {}), 200);
  expectStatus(await officer.post('/personwatch/check', { id_number: NUMBER, purpose: '路面盘查', event_ref: 'sec-1' }), 200);
});
after(async () => { await server?.cleanup(); });

const SECRETS = [NUMBER, NAME, NUMBER.slice(6, 14)];

test('another station gets the entry from no way in', async () => {
  const detail = await east.get(`/personwatch/entries/${entryId}`);
  expectError(detail, 404, 'not_found');
  assertNoLeak(detail, SECRETS, 'east detail');
  const missing = await east.get('/personwatch/entries/987654321');
  assert.deepEqual(Object.keys(detail.json).sort(), Object.keys(missing.json).sort());
  const record = await east.get(`/personwatch/entries/${entryId}/record`, { headers: purpose });
  expectError(record, 404, 'not_found');
  assertNoLeak(record, SECRETS, 'east record');
  const search = expectStatus(await east.get(`/personwatch/search?id_number=${NUMBER}`, { headers: purpose }), 200);
  assert.equal(search.total, 0);
  for (const q of ['/personwatch/entries?page_size=200', '/personwatch/entries?status=active&kind=wanted',
    `/personwatch/hits?entry_id=${entryId}`, '/personwatch/hits?page_size=200']) {
    const res = await east.get(q);
    expectStatus(res, 200);
    assert.ok(!res.json.items.some((x) => x.id === entryId || x.entry_id === entryId), q);
    assertNoLeak(res, SECRETS, `east ${q}`);
  }
  for (const action of ['approve', 'reject', 'withdraw']) {
    const res = await east.post(`/personwatch/entries/${entryId}/${action}`, { reason: '试图越权' });
    assert.ok([403, 404].includes(res.status), `${action}: ${res.status}`);
    assertNoLeak(res, SECRETS, `east ${action}`);
  }
  const img = await east.get(`/media/${photo}`);
  assert.equal(img.status, 404, 'the photo is guarded like the record');
  const notes = expectStatus(await east.get('/notifications?page_size=200'), 200);
  assertNoLeak({ text: JSON.stringify(notes) }, SECRETS, 'east notifications');
});

test('the full record needs a purpose and a case number, and lists never show it', async () => {
  const bare = await officer.get(`/personwatch/entries/${entryId}/record`);
  expectError(bare, 400, 'invalid_argument', { purpose: 'required', case_no: 'required' });
  assertNoLeak(bare, SECRETS, 'record without purpose');
  expectError(await officer.get(`/personwatch/search?id_number=${NUMBER}`), 400, 'invalid_argument');
  for (const q of ['/personwatch/entries?page_size=200', `/personwatch/entries/${entryId}`, '/personwatch/hits']) {
    const res = await officer.get(q);
    expectStatus(res, 200);
    assertNoLeak(res, SECRETS, `officer ${q}`);
  }
  const full = expectStatus(await officer.get(`/personwatch/entries/${entryId}/record`, { headers: purpose }), 200);
  assert.equal(full.id_number, NUMBER);
  assert.equal(full.photo_media_id, photo);
  expectStatus(await officer.get(`/media/${photo}`), 200);
  // The record read is audited with its purpose.
  const audited = execSql(server.db, "SELECT COUNT(*) FROM audit_log WHERE action = 'personwatch.record' "
    + `AND object = 'personwatch_entry:${entryId}' AND purpose <> ''`).trim();
  assert.ok(Number(audited) >= 1, `audited record reads: ${audited}`);
});

test('the check and the offline list carry no ID number in the clear; the alert neither', async () => {
  const a = await officer.post('/personwatch/check', { id_number: NUMBER, purpose: '路面盘查' });
  expectStatus(a, 200);
  assertNoLeak(a, SECRETS, 'check answer');
  assertNoLeak(await officer.get('/personwatch/offline-list'), SECRETS, 'offline list');
  const alerts = expectStatus(await officer.get('/alerts?page_size=200'), 200);
  assertNoLeak({ text: JSON.stringify(alerts) }, SECRETS, 'alerts list');
  const checks = execSql(server.db, "SELECT COUNT(*) FROM audit_log WHERE action = 'person.check' "
    + "AND purpose = '路面盘查'").trim();
  assert.ok(Number(checks) >= 2, `person checks audited with their purpose: ${checks}`);
  const stored = execSql(server.db, `SELECT id_number || name FROM personwatch_entries WHERE id = ${entryId}`);
  assertNoLeak({ text: stored }, SECRETS, 'the row at rest');
});

test('administrators and the courier account reach no person watch route', async () => {
  for (const name of ['sysadmin', 'secadmin', 'auditadmin', 'courier']) {
    const c = await loggedIn(server, name);
    for (const [method, p, body] of [['GET', '/personwatch/entries'], ['GET', `/personwatch/entries/${entryId}`],
      ['GET', `/personwatch/entries/${entryId}/record`], ['GET', '/personwatch/hits'],
      ['GET', '/personwatch/offline-list'], ['POST', '/personwatch/check', { id_number: NUMBER, purpose: '路面盘查' }],
      ['POST', '/personwatch/entries', {}]]) {
      const res = await c.request(method, p, { json: body, headers: purpose });
      expectError(res, 403, 'permission_denied');
      assertNoLeak(res, SECRETS, `${name} ${method} ${p}`);
    }
  }
});
