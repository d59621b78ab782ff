// The phone app is a second app in the same web root (ADR 0039): web/dist/m/index.html. Through the real
// server: every /m/… deep link (with or without a query) gets the phone page, the desktop's paths keep the
// desktop page, a missing phone asset is a 404, and the phone page's CSP allows only inlined (data:) fonts.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { startServer } from './lib/server.mjs';

let server;
before(async () => {
  server = await startServer('phone_app');
  fs.mkdirSync(path.join(server.webRoot, 'm'), { recursive: true });
  fs.writeFileSync(path.join(server.webRoot, 'm', 'index.html'), '<!doctype html><title>phone</title>PHONE-MARKER\n');
});
after(async () => { await server?.cleanup(); });

test('/m/ deep links serve the phone entry', async () => {
  for (const p of ['/m', '/m/', '/m/people/new', '/m/tasks/12', '/m/tasks?status=open']) {
    const r = await server.rawRequest('GET', p);
    assert.equal(r.status, 200, p);
    assert.match(r.text, /PHONE-MARKER/, p);
    assert.match(r.headers['content-type'] || '', /text\/html/, p);
    assert.match(r.headers['content-security-policy'] || '', /font-src 'self' data:;/, p);
    assert.doesNotMatch(r.headers['content-security-policy'] || '', /alicdn|https:\/\/[a-z]/i, p);
  }
});

test('the desktop keeps its own entry, also for paths that start with m', async () => {
  for (const p of ['/', '/community/people', '/mobile', '/map/m/x']) {
    const r = await server.rawRequest('GET', p);
    assert.equal(r.status, 200, p);
    assert.match(r.text, /INDEX-MARKER/, p);
  }
});

test('a missing file under /m/ is a 404, not the page', async () => {
  const r = await server.rawRequest('GET', '/m/assets/missing.js');
  assert.equal(r.status, 404);
  assert.doesNotMatch(r.text, /PHONE-MARKER/);
});
