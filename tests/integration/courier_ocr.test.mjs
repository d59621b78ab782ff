// The courier counter's ID-card OCR (issue 17) on 50 synthetic cards made at test time
// (tools/courier/make_cards.mjs: four Debian CJK fonts, rotation within ±10°, blur, JPEG quality 45–90):
// POST /api/v1/courier/ocr through the real server, field accuracy asserted above the floors justified in ADR 0055,
// the CLI's contract (`jingwu courier ocr --image`: exactly the contract's keys; exit 2 when no card is found), and
// a server without the chi_sim model (starts; the route answers 503, the CLI exits 1).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFileSync, spawnSync } from 'node:child_process';
import { startServer, loggedIn, JINGWU_BIN, REPO_ROOT } from './lib/server.mjs';
import { expectError, expectStatus } from './lib/expect.mjs';

const FIELDS = ['name', 'sex', 'ethnicity', 'birth_date', 'address', 'id_number'];
// Floors (ADR 0055): measured on this set, less a margin for the slack between machines and library versions.
const FLOOR = { name: 0.75, sex: 0.95, ethnicity: 0.75, birth_date: 0.95, address: 0.75, id_number: 0.9 };

let server, clerk, dir, truth;
before(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jw-cards-'));
  execFileSync('node', [path.join(REPO_ROOT, 'tools/courier/make_cards.mjs'), dir, '50', '17']);
  truth = JSON.parse(fs.readFileSync(path.join(dir, 'truth.json'), 'utf8'));
  server = await startServer('courier-ocr');
  clerk = await loggedIn(server, 'outlet_clerk1');
});
after(async () => {
  await server?.cleanup();
  fs.rmSync(dir, { recursive: true, force: true });
});

test('field accuracy on 50 synthetic cards is above the floors', async () => {
  const right = Object.fromEntries(FIELDS.map((f) => [f, 0]));
  let ms = 0;
  for (const card of truth) {
    const t0 = process.hrtime.bigint();
    const res = await clerk.request('POST', '/courier/ocr', { body: fs.readFileSync(path.join(dir, card.file)), headers: { 'Content-Type': 'image/jpeg' } });
    ms += Number(process.hrtime.bigint() - t0) / 1e6;
    assert.equal(res.status, 200, `${card.file}: ${res.text}`);
    for (const f of FIELDS) if (res.json[f] === card[f]) right[f] += 1;
  }
  const accuracy = Object.fromEntries(FIELDS.map((f) => [f, right[f] / truth.length]));
  console.log(`# OCR field accuracy on ${truth.length} cards: ${JSON.stringify(accuracy)}; ${(ms / truth.length).toFixed(0)} ms per card`);
  for (const f of FIELDS) assert.ok(accuracy[f] >= FLOOR[f], `${f}: ${accuracy[f]} < ${FLOOR[f]}`);
});

test('the CLI prints exactly the contract, and exits 2 when no card is found', () => {
  const out = execFileSync(JINGWU_BIN, ['courier', 'ocr', '--image', path.join(dir, truth[3].file)], { encoding: 'utf8' });
  const j = JSON.parse(out);
  assert.deepEqual(Object.keys(j), [...FIELDS, 'confidence']);
  assert.deepEqual(Object.keys(j.confidence), FIELDS);
  assert.equal(j.id_number, truth[3].id_number);
  // A plain dark photo: no card.
  const blank = path.join(dir, 'blank.png');
  execFileSync(fs.existsSync('/usr/bin/convert') ? '/usr/bin/convert' : 'convert', ['-size', '800x500', 'xc:#333333', blank]);
  const none = spawnSync(JINGWU_BIN, ['courier', 'ocr', '--image', blank], { encoding: 'utf8' });
  assert.equal(none.status, 2, none.stdout + none.stderr);
  assert.equal(JSON.parse(none.stdout).code, 'not_found');
});

test('the route refuses what is not an image, and the police (no counter) cannot use it', async () => {
  const bad = await clerk.request('POST', '/courier/ocr', { body: Buffer.from('not an image'), headers: { 'Content-Type': 'image/jpeg' } });
  assert.equal(bad.status, 400);
  const police = await loggedIn(server, 'courier');
  expectError(await police.request('POST', '/courier/ocr', { body: fs.readFileSync(path.join(dir, truth[0].file)), headers: { 'Content-Type': 'image/jpeg' } }), 403, 'permission_denied');
});

// A machine without tesseract-ocr-chi-sim (or a bureau without counters): the server still starts and says why in
// its log, the route answers 503 naming the model, the rest of the module works; the CLI exits 1 with the same body.
test('without the chi_sim model: the server starts, the route answers 503 ocr_model_missing, the CLI exits 1', async () => {
  const empty = fs.mkdtempSync(path.join(os.tmpdir(), 'jw-no-tessdata-'));
  try {
    const card = path.join(dir, truth[0].file);
    const cli = spawnSync(JINGWU_BIN, ['courier', 'ocr', '--image', card],
      { encoding: 'utf8', env: { ...process.env, TESSDATA_PREFIX: empty } });
    assert.equal(cli.status, 1, cli.stdout + cli.stderr);
    const printed = JSON.parse(cli.stdout);
    assert.equal(printed.code, 'unavailable');
    assert.equal(printed.detail, 'ocr_model_missing');
    assert.deepEqual(printed.fields, { model: 'chi_sim' });

    await server.stop();
    server.env.TESSDATA_PREFIX = empty;
    await server.start();
    assert.match(server.log(), /chi_sim not found/);
    const counter = await loggedIn(server, 'outlet_clerk1');
    const res = await counter.request('POST', '/courier/ocr', { body: fs.readFileSync(card), headers: { 'Content-Type': 'image/jpeg' } });
    const body = expectError(res, 503, 'unavailable', { model: 'chi_sim' });
    assert.equal(body.detail, 'ocr_model_missing');
    assert.equal(body.message, printed.message);
    assert.match(body.message, /chi_sim/);
    // The counter itself goes on: the clerk types the fields.
    assert.ok(expectStatus(await counter.get('/courier/categories'), 200).items.length > 0);
  } finally {
    delete server.env.TESSDATA_PREFIX;
    fs.rmSync(empty, { recursive: true, force: true });
  }
});
