// Security: photos (ADR 0033) and the houses and units they belong to (issue 14). The other ways in:
//  - no session: upload and read refused (401), nothing stored;
//  - another station's officer (东城派出所): an unattached photo of 城关's officer, and a photo on a 城关 house, both
//    answer the same 404 as an unknown id; the house itself and the list hide 城关's houses (404 / not listed);
//  - wrong type: a GIF, an SVG, HTML or a PNG declared as JPEG, a truncated JPEG — refused naming the field;
//  - oversized: over 1 MiB refused (413) before the handler;
//  - path tricks: ../, encoded dots and slashes, upper-case ids, a media id with a suffix — all 404, never a file;
//  - no CSRF token: the upload refused.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { startServer, loggedIn, execSql, rawRequest, REPO_ROOT } from '../integration/lib/server.mjs';
import { expectError, expectStatus } from '../integration/lib/expect.mjs';
import { stationOfficer } from './lib/access.mjs';

const JPEG = fs.readFileSync(path.join(REPO_ROOT, 'src/media/testdata/exif_gps.jpg'));
const PNG = fs.readFileSync(path.join(REPO_ROOT, 'src/media/testdata/text_chunk.png'));

let server, officer, east, photo, housePhoto, house;
const upload = (c, bytes, type = 'image/jpeg', opts = {}) =>
  c.request('POST', '/media', { body: bytes, headers: { 'Content-Type': type }, ...opts });
const sql = (q) => execSql(server.db, q).trim();

before(async () => {
  server = await startServer('secmedia');
  officer = await loggedIn(server, 'officer');
  east = await stationOfficer(server, '东城派出所');
  photo = expectStatus(await upload(officer, JPEG), 201).media_id;
  housePhoto = expectStatus(await upload(officer, PNG, 'image/png'), 201).media_id;
  const address = sql("SELECT code FROM community_addresses a WHERE level = 'room' AND NOT EXISTS (SELECT 1 FROM "
    + 'community_houses h WHERE h.address_code = a.code) ORDER BY code LIMIT 1');
  house = expectStatus(await officer.post('/community/houses', { address_id: address, use: 'rented',
    photo_media_id: housePhoto }), 201);
});
after(async () => { await server?.cleanup(); });

test('no session: upload and read refused, nothing stored', async () => {
  const anon = server.client();
  const before = sql('SELECT COUNT(*) FROM media_objects');
  expectError(await upload(anon, JPEG), 401);
  expectError(await anon.get(`/media/${photo}`), 401);
  assert.equal(sql('SELECT COUNT(*) FROM media_objects'), before);
});

test('another station\'s officer: the same 404 for someone else\'s photo, a forbidden one and an unknown one', async () => {
  const refusedBefore = Number(sql("SELECT COUNT(*) FROM audit_log WHERE action = 'media.read' AND result <> 'ok'"));
  const unknown = expectError(await east.get('/media/m' + '0'.repeat(32)), 404, 'not_found');
  const unattached = expectError(await east.get(`/media/${photo}`), 404, 'not_found');
  const forbidden = expectError(await east.get(`/media/${housePhoto}`), 404, 'not_found');
  assert.equal(unattached.message, unknown.message);
  assert.equal(forbidden.message, unknown.message);
  assert.deepEqual(unattached.fields, unknown.fields);
  // The house the photo is on: not readable, not listed, not changeable, its photo not stealable.
  expectError(await east.get(`/community/houses/${house.id}`), 404);
  const listed = expectStatus(await east.get(`/community/houses?address_id=${house.address_id}`), 200);
  assert.equal(listed.total, 0);
  expectError(await east.request('PATCH', `/community/houses/${house.id}`, { json: { version: 1, notes: 'x' } }), 404);
  expectError(await east.post(`/community/houses/${house.id}/checks`, { result: 'ok' }), 404);
  const other = sql("SELECT code FROM community_addresses a WHERE level = 'room' AND NOT EXISTS (SELECT 1 FROM "
    + 'community_houses h WHERE h.address_code = a.code) ORDER BY code LIMIT 1');
  expectError(await east.post('/community/houses', { address_id: other, use: 'own', photo_media_id: photo }), 400,
    'invalid_argument', { photo_media_id: 'not_found' });
  // The owner of the photo still reads both.
  assert.equal((await officer.get(`/media/${photo}`)).status, 200);
  assert.equal((await officer.get(`/media/${housePhoto}`)).status, 200);
  // Refused reads are audited too.
  const refused = Number(sql("SELECT COUNT(*) FROM audit_log WHERE action = 'media.read' AND result <> 'ok'"));
  assert.equal(refused - refusedBefore, 3);
});

test('wrong type: refused naming the field', async () => {
  expectError(await upload(officer, Buffer.from('GIF89a....'), 'image/gif'), 400, 'invalid_argument',
    { content_type: 'unsupported_type' });
  expectError(await upload(officer, Buffer.from('<svg onload="alert(1)"/>'), 'image/svg+xml'), 400,
    'invalid_argument', { content_type: 'unsupported_type' });
  expectError(await upload(officer, Buffer.from('<html><script>alert(1)</script>'), 'image/jpeg'), 400,
    'invalid_argument', { body: 'not_jpeg' });
  expectError(await upload(officer, PNG, 'image/jpeg'), 400, 'invalid_argument', { body: 'not_jpeg' });
  expectError(await upload(officer, JPEG, 'image/png'), 400, 'invalid_argument', { body: 'not_png' });
  expectError(await upload(officer, JPEG.subarray(0, 200)), 400, 'invalid_argument', { body: 'corrupt_image' });
  expectError(await upload(officer, Buffer.alloc(0)), 400, 'invalid_argument', { body: 'required' });
  expectError(await officer.post('/media', { image: 'base64…' }), 400, 'invalid_argument',
    { content_type: 'unsupported_type' });
});

test('oversized: over 1 MiB refused before the handler', async () => {
  const big = Buffer.concat([JPEG, Buffer.alloc((1 << 20) + 1024)]);
  const r = await upload(officer, big);
  assert.equal(r.status, 413, `${r.status} ${r.text.slice(0, 200)}`);
});

test('path tricks: never a file, always the same 404', async () => {
  const cookie = `jw_session=${officer.cookie('jw_session')}`;
  for (const p of ['/api/v1/media/..%2f..%2fetc%2fpasswd', '/api/v1/media/%2e%2e', `/api/v1/media/${photo.toUpperCase()}`,
    `/api/v1/media/${photo}%00.jpg`, `/api/v1/media/${photo}.jpg`, '/api/v1/media/m' + 'g'.repeat(32)]) {
    const r = await rawRequest(server.port, 'GET', p, { headers: { Cookie: cookie } });
    assert.equal(r.status, 404, `${p}: ${r.status} ${r.text.slice(0, 100)}`);
    assert.ok(!r.text.includes('root:'), p);
  }
  const r = await rawRequest(server.port, 'GET', `/api/v1/media/${photo}/../${housePhoto}`, { headers: { Cookie: cookie } });
  assert.notEqual(r.headers['content-type'], 'image/jpeg', 'no traversal to a sibling');
});

test('no CSRF token: upload refused', async () => {
  expectError(await upload(officer, JPEG, 'image/jpeg', { csrf: false }), 403);
});
