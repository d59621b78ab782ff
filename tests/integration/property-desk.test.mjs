// Case property at the custodian's desk (issue 16, ADR 0060): store and place management with capacity, label
// printing at label-printer sizes, and the spreadsheet exports (ledger, overdue list, stocktake result).
// Articles: 公安机关办理行政案件程序规定 第一百八十八条 (专门场所、专门柜), 第一百八十九条 (电子台账), 第一百九十二条.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, loggedIn } from './lib/server.mjs';
import { expectError, expectStatus } from './lib/expect.mjs';

let server;
before(async () => { server = await startServer('property-desk'); });
after(async () => { await server?.cleanup(); });

test('a station custodian builds a store: rooms, shelves, positions, capacity — the tree and the limits enforced', async () => {
  const station = await loggedIn(server, 'custodian2');  // 城关派出所
  const own = expectStatus(await station.get('/property/stores'), 200).stores[0];
  const other = expectStatus(await (await loggedIn(server, 'custodian3')).get('/property/stores'), 200).stores[0];
  assert.notEqual(own.unit_id, other.unit_id);

  expectError(await station.post('/property/stores', { unit_id: own.unit_id, name: '城关派出所车辆场', kind: 'yard' }), 400,
    'invalid_argument', { kind: 'bad_value' });
  // Another unit answers as an unknown one.
  expectError(await station.post('/property/stores', { unit_id: other.unit_id, name: '别处', kind: 'station' }), 400,
    'invalid_argument', { unit_id: 'not_found' });
  const store = expectStatus(await station.post('/property/stores', { unit_id: own.unit_id, name: '城关派出所车辆场', kind: 'station' }), 201);

  const base = `/property/stores/${store.id}/places`;
  expectError(await station.post(base, { level: 'shelf', code: 'S-1', name: '一号架' }), 400, 'invalid_argument',
    { parent_id: 'required' });
  const room = expectStatus(await station.post(base, { level: 'room', code: 'R1', name: '一号库房' }), 201);
  expectError(await station.post(base, { level: 'position', code: 'R1-01', parent_id: room.id }), 400,
    'invalid_argument', { parent_id: 'wrong_level' });
  const shelf = expectStatus(await station.post(base, { level: 'shelf', code: 'R1-A', name: 'A架', parent_id: room.id }), 201);
  const pos = expectStatus(await station.post(base, { level: 'position', code: 'R1-A-01', parent_id: shelf.id, capacity: 1 }), 201);
  assert.equal(pos.name, 'R1-A-01');
  expectError(await station.post(base, { level: 'position', code: 'R1-A-01', parent_id: shelf.id }), 409, undefined,
    { code: 'taken' });
  // Another station's custodian cannot add to it, and the officer may not manage stores at all.
  expectError(await (await loggedIn(server, 'custodian3')).post(base, { level: 'room', code: 'X', name: 'X' }), 404);
  expectError(await (await loggedIn(server, 'officer')).post('/property/stores',
    { unit_id: own.unit_id, name: 'x', kind: 'station' }), 403);

  // Capacity: a place holding items cannot be set below them (a room counts what its shelves hold).
  const busy = own.places.find((p) => p.items >= 2);
  assert.ok(busy, 'a demo place holding two items or more');
  expectError(await station.request('PATCH', `/property/places/${busy.id}`, { json: { capacity: 1 } }), 409, undefined,
    { capacity: 'below_items' });
  const renamed = expectStatus(await station.request('PATCH', `/property/places/${pos.id}`, { json: { name: '一号位', capacity: 2 } }), 200);
  assert.equal(renamed.capacity, 2);
  const listed = expectStatus(await station.get('/property/stores'), 200).stores.find((s) => s.id === store.id);
  assert.deepEqual(listed.places.map((p) => p.code).sort(), ['R1', 'R1-A', 'R1-A-01']);
});

test('labels print at the label printer size the user chose, one label per page, each print counted', async () => {
  const custodian = await loggedIn(server, 'custodian');
  const items = expectStatus(await custodian.get('/property/items?state=in_store&page_size=2'), 200).items;
  const codes = items.map((i) => i.code);
  for (const [size, w, h] of [['40x30', 40, 30], ['60x40', 60, 40]]) {
    const res = await custodian.post('/property/labels', { codes, size }, { headers: { Accept: 'application/pdf' } });
    assert.equal(res.status, 200, res.text?.slice(0, 200));
    const pdf = res.bytes.toString('latin1');
    const boxes = [...pdf.matchAll(/\/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]/g)];
    assert.equal(boxes.length, codes.length, `${size}: one page per label`);
    for (const b of boxes) {
      assert.ok(Math.abs(Number(b[1]) - w * 72 / 25.4) < 0.5 && Math.abs(Number(b[2]) - h * 72 / 25.4) < 0.5, `${size}: ${b[0]}`);
    }
  }
  expectError(await custodian.post('/property/labels', { codes, size: '100x150' }), 400, 'invalid_argument', { size: 'bad_value' });
});

test('exports: the ledger with the list\'s filters, the overdue list, the stocktake result — masked, as the list reads', async () => {
  const leader = await loggedIn(server, 'leader');
  const custodian = await loggedIn(server, 'custodian');
  const listed = expectStatus(await custodian.get('/property/items?state=in_store&page_size=200'), 200);
  const csv = await custodian.get('/property/exports/items?state=in_store');
  assert.equal(csv.status, 200);
  assert.match(csv.headers.get('content-type'), /text\/csv/);
  const lines = csv.text.replace(/^\uFEFF/, '').trim().split('\r\n');
  assert.match(lines[0], /标签编码/);
  assert.equal(lines.length - 1, listed.total);
  for (const i of listed.items) assert.ok(csv.text.includes(i.code));
  assert.ok(!/张建国|李秀英/.test(csv.text), 'owners are masked');

  const overdue = await leader.get('/property/exports/items?due_within=0&class=overdue');
  assert.equal(overdue.status, 200);
  const rows = overdue.text.replace(/^\uFEFF/, '').trim().split('\r\n').slice(1);
  assert.ok(rows.length >= 1, 'the demo has an overdue disposal');
  assert.ok(rows.every((r) => r.endsWith('"处置超期"')), rows.join('\n'));

  const store = expectStatus(await custodian.get('/property/stores'), 200).stores.find((s) => s.kind === 'bureau');
  const room = store.places.find((p) => p.level === 'room' && p.items > 0);
  const take = await custodian.post('/property/exports/stocktake', { place_id: room.id, codes: ['JWPNOTANITEM0000000'] });
  assert.equal(take.status, 200);
  assert.match(take.text, /应在未见/);
  assert.match(take.text, /无此财物/);
});
