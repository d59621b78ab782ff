// Photos on the service centre's public form (issue 18, ADR 0063) through the real server: a member of the public,
// logged in with an SMS code, uploads photos through the form's own route (token required, the image checked and
// its metadata stripped by the shared media store, rate-limited), files the ticket with them, and the centre reads
// them with the ticket; the public cannot read a photo back, cannot attach a police upload, nor more than three.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { startServer, loggedIn } from './lib/server.mjs';
import { expectError, expectStatus } from './lib/expect.mjs';

const JPEG = readFileSync(fileURLToPath(new URL('../../src/media/testdata/exif_gps.jpg', import.meta.url)));
let server, supervisor, officer;
before(async () => {
  server = await startServer('servicedesk-photos');
  [supervisor, officer] = await Promise.all(['supervisor', 'officer'].map((u) => loggedIn(server, u)));
});
after(async () => { await server?.cleanup(); });

// The demo SMS gateway's newest code once one more than `seen` has been "delivered" (the outbox's own thread).
async function smsCode(seen) {
  for (;;) {
    const all = [...server.sms().matchAll(/您的验证码为(\d{6})/g)];
    if (all.length > seen) return all.at(-1)[1];
    await new Promise((r) => setTimeout(r, 50));
  }
}

async function publicLogin(phone) {
  const anon = server.client();
  const seen = [...server.sms().matchAll(/您的验证码为(\d{6})/g)].length;
  expectStatus(await anon.post('/public/auth/code', { phone, purpose: 'servicedesk' }), 202);
  const v = expectStatus(await anon.post('/public/auth/verify', { phone, code: await smsCode(seen), purpose: 'servicedesk' }), 200);
  return { anon, headers: { 'X-Public-Token': v.token } };
}

const upload = (client, path, headers, body = JPEG, type = 'image/jpeg') =>
  client.request('POST', path, { body, headers: { 'Content-Type': type, ...headers } });

test('the public form takes photos with the ticket; the centre sees them, nobody else', async () => {
  const phone = '13712345690';
  const { anon, headers } = await publicLogin(phone);
  expectError(await upload(anon, '/public/service-photos', {}), 401, 'unauthenticated');
  expectError(await upload(anon, '/public/service-photos', headers, Buffer.from('not an image'), 'image/jpeg'), 400,
    'invalid_argument', { body: 'not_jpeg' });
  const ids = [];
  for (let i = 0; i < 4; i++) {
    const p = expectStatus(await upload(anon, '/public/service-photos', headers), 201);
    assert.match(p.media_id, /^m[0-9a-f]{32}$/);
    assert.ok(p.bytes < JPEG.length, 'the location metadata was stripped');
    ids.push(p.media_id);
  }
  // The public cannot read a photo back (no session), and gets no police upload attached.
  expectError(await anon.get(`/media/${ids[0]}`), 401, 'unauthenticated');
  const police = expectStatus(await upload(officer, '/media', {}), 201);
  const form = { phone, name: '林小雨', category: 'suggestion', title: '路口缺少交通指示牌', content: '附现场照片。' };
  expectError(await anon.post('/public/service-tickets', { ...form, media_ids: [police.media_id] }, { headers }), 400,
    'invalid_argument', { media_ids: 'not_found' });
  expectError(await anon.post('/public/service-tickets', { ...form, media_ids: ids }, { headers }), 400,
    'invalid_argument');
  const filed = expectStatus(await anon.post('/public/service-tickets', { ...form, media_ids: ids.slice(0, 2) }, { headers }), 201);

  const list = expectStatus(await supervisor.get(`/servicedesk/tickets?ticket_no=${filed.ticket_no}`), 200);
  const detail = expectStatus(await supervisor.get(`/servicedesk/tickets/${list.items[0].id}`), 200);
  assert.deepEqual([...detail.media_ids].sort(), ids.slice(0, 2).sort());
  const img = await supervisor.get(`/media/${ids[0]}`);
  assert.equal(img.status, 200);
  assert.equal(img.headers.get('content-type'), 'image/jpeg');
  // A photo already on a ticket cannot be moved onto another.
  expectError(await anon.post('/public/service-tickets', { ...form, title: '再次反映', media_ids: [ids[0]] }, { headers }), 400,
    'invalid_argument', { media_ids: 'attached_elsewhere' });
});

test('uploads are rate-limited per verified number', async () => {
  const { anon, headers } = await publicLogin('13712345691');
  let status = 201;
  let n = 0;
  while (status === 201 && n < 50) {
    status = (await upload(anon, '/public/service-photos', headers)).status;
    n++;
  }
  assert.equal(status, 429);
  assert.equal(n - 1, 10, 'ten photos an hour per number (kMaxPhotosPerFiler)');
});
