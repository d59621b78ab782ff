// The phone check's camera ID scan (issue 15, ADR 0064): POST /api/v1/field/id-scan reads the number with the
// courier counter's OCR (not a copy of it) under field.check, answers only the number, whether it passes
// GB 11643, and the confidence; a photo without a card gets words saying what to do (not "no record"); who may
// not check may not scan. Cards from tools/courier/make_cards.mjs (synthetic, deterministic for a seed).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { startServer, loggedIn, execSql, REPO_ROOT } from './lib/server.mjs';
import { expectError } from './lib/expect.mjs';

let server, officer, dir, truth;
const jpeg = { 'Content-Type': 'image/jpeg' };
before(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jw-scan-cards-'));
  execFileSync('node', [path.join(REPO_ROOT, 'tools/courier/make_cards.mjs'), dir, '5', '23']);
  truth = JSON.parse(fs.readFileSync(path.join(dir, 'truth.json'), 'utf8'));
  server = await startServer('field-id-scan');
  officer = await loggedIn(server, 'officer');
});
after(async () => {
  await server?.cleanup();
  fs.rmSync(dir, { recursive: true, force: true });
});

test('an officer photographs cards: the number is read and checked, and nothing else of the card comes back', async () => {
  let right = 0;
  for (const card of truth) {
    const res = await officer.request('POST', '/field/id-scan', { body: fs.readFileSync(path.join(dir, card.file)), headers: jpeg });
    assert.equal(res.status, 200, `${card.file}: ${res.text}`);
    assert.deepEqual(Object.keys(res.json).sort(), ['confidence', 'id_number', 'valid']);
    if (res.json.id_number === card.id_number) {
      right++;
      assert.equal(res.json.valid, true); // every synthetic number carries a valid GB 11643 check character
    }
  }
  // The courier OCR's floor for the number is 0.9 (ADR 0055): four of five cards at least.
  assert.ok(right >= 4, `${right} of ${truth.length} numbers read`);
  assert.equal(execSql(server.db, "SELECT count(*) FROM audit_log WHERE action = 'field.id_scan'").trim(), String(truth.length));
});

test('a photo without a card: 404 with words that say to retake or type, in both languages', async () => {
  const blank = path.join(dir, 'blank.png');
  execFileSync(fs.existsSync('/usr/bin/convert') ? '/usr/bin/convert' : 'convert', ['-size', '800x500', 'xc:#333333', blank]);
  const zh = await officer.request('POST', '/field/id-scan', { body: fs.readFileSync(blank), headers: { 'Content-Type': 'image/png' } });
  expectError(zh, 404, 'not_found');
  assert.match(zh.json.message, /没有读出身份证号码/);
  const en = await officer.request('POST', '/field/id-scan', { body: fs.readFileSync(blank), headers: { 'Content-Type': 'image/png', 'Accept-Language': 'en' } });
  assert.match(en.json.message, /No ID number could be read/);
  const bad = await officer.request('POST', '/field/id-scan', { body: Buffer.from('not an image'), headers: jpeg });
  assert.equal(bad.status, 400);
});

test('who may not check may not scan: the grid member and the outlet clerk are refused', async () => {
  const card = fs.readFileSync(path.join(dir, truth[0].file));
  for (const who of ['gridmember', 'outlet_clerk1']) {
    const u = await loggedIn(server, who);
    expectError(await u.request('POST', '/field/id-scan', { body: card, headers: jpeg }), 403, 'permission_denied');
  }
});
