// Case-involved property (涉案财物) through the real server: an officer records a seizure on the case and registers
// its item (photos where the category requires them), prints and reprints its label; the custodian checks it in,
// out for appraisal and back, with the refusals (out twice, back into the wrong store); the chain verifies through
// `jingwu property verify` and a tampered event is named; papers need a purpose; disposal needs the leader; the
// leader sees the entry rate with the demo's seizure without items, and the overdue disposals.
// Articles: 公安机关办理行政案件程序规定 第一百零七条 (扣押), 第一百一十二条 (期限), 第一百八十八条 to 第一百九十七条.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, loggedIn, execSql } from './lib/server.mjs';
import { expectError, expectStatus } from './lib/expect.mjs';

let server;
before(async () => { server = await startServer('property'); });
after(async () => { await server?.cleanup(); });

const PURPOSE = `?purpose=${encodeURIComponent('打印扣押清单附卷')}`;

async function openCaseWithSeizure(officer, item) {
  const list = expectStatus(await officer.get('/cases?page_size=100'), 200).items;
  const open = list.find((k) => !['closed'].includes(k.state));
  assert.ok(open, 'an open case of the officer');
  const kase = expectStatus(await officer.get(`/cases/${open.id}`), 200);
  const done = expectStatus(await officer.post(`/cases/${open.id}/events`, {
    action: 'seized', expected_version: kase.version, data: { item },
  }), 201);
  return { caseId: open.id, caseNo: kase.case_no, eventId: done.event.id };
}

function intake(seizure, extra = {}) {
  return {
    case_id: seizure.caseId, seizure_event_id: seizure.eventId, category: 'electronics', description: '黑色手机一部',
    quantity: 1, quantity_unit: '部', value_yuan: 1200, owner_name: '张建国', seized_by: '王志强',
    seized_at: new Date(Date.now() - 3600_000).toISOString().replace(/\.\d+Z$/, 'Z'), seized_place: '城关镇人民路8号',
    legal_basis: '《公安机关办理行政案件程序规定》第一百零七条', document_no: '示公（扣）字〔2026〕88号', ...extra,
  };
}

async function positionOf(client, storeKind) {
  const stores = expectStatus(await client.get('/property/stores'), 200).stores;
  const store = stores.find((s) => s.kind === storeKind);
  assert.ok(store, `a ${storeKind} store in ${JSON.stringify(stores.map((s) => s.name))}`);
  return store.places.find((p) => p.level === 'position' && p.items === 0).id;
}

test('an item from intake to check-out and back, each movement chained and the refusals named', async () => {
  const officer = await loggedIn(server, 'officer');  // 城关派出所
  const custodian = await loggedIn(server, 'custodian');  // the bureau store (警务保障室)
  const station = await loggedIn(server, 'custodian2');  // 城关派出所's store
  const seizure = await openCaseWithSeizure(officer, '手机一部');
  const listed = expectStatus(await officer.get(`/property/cases/${seizure.caseId}/seizures`), 200);
  assert.ok(listed.seizures.some((s) => s.event_id === seizure.eventId && s.items === 0));

  // 第一百九十二条: valuables are photographed; an unknown category and a foreign seizure are named.
  expectError(await officer.post('/property/items', intake(seizure, { category: 'valuables' })), 400,
    'invalid_argument', { photos: 'required' });
  expectError(await officer.post('/property/items', intake(seizure, { category: 'ufo' })), 400, 'invalid_argument',
    { category: 'bad_value' });
  expectError(await officer.post('/property/items', intake(seizure, { seizure_event_id: 1 })), 400,
    'invalid_argument', { seizure_event_id: 'not_of_case' });
  const item = expectStatus(await officer.post('/property/items', intake(seizure)), 201);
  assert.equal(item.state, 'registered');
  assert.match(item.code, /^JWP[A-Z2-7]{16}$/);
  assert.equal(item.owner_name, '张**');  // masked in details

  // The label: a PDF whose QR carries the opaque code; a reprint is counted.
  for (let i = 0; i < 2; i += 1) {
    const pdf = await officer.post('/property/labels', { codes: [item.code] });
    assert.equal(pdf.status, 200);
    assert.equal(pdf.bytes.subarray(0, 5).toString(), '%PDF-');
  }
  assert.equal(execSql(server.db, `SELECT prints FROM property_label_prints WHERE code = '${item.code}'`).trim(), '2');

  // The bureau custodian scans it and checks it in (集中保管, 第一百八十八条).
  const scanned = expectStatus(await custodian.get(`/property/scan?code=${item.code}`), 200);
  assert.deepEqual(scanned.actions.includes('check_in'), true);
  const bureauPlace = await positionOf(custodian, 'bureau');
  expectStatus(await custodian.post(`/property/items/${item.id}/check-in`, { place_id: bureauPlace,
    receiver: '杨秀英', reason: '办案人员移交' }), 200);
  expectError(await custodian.post(`/property/items/${item.id}/check-in`, { place_id: bureauPlace }), 409, 'conflict',
    { state: 'already_in' });
  const out = { purpose: 'appraisal', holder: '物证鉴定室', approved_by: '孙国栋',
    expected_return_at: new Date(Date.now() + 86400_000).toISOString().replace(/\.\d+Z$/, 'Z') };
  expectStatus(await custodian.post(`/property/items/${item.id}/check-out`, out), 200);
  expectError(await custodian.post(`/property/items/${item.id}/check-out`, out), 409, 'conflict',
    { state: 'already_out' });
  // Back into the station's store: not where it left from.
  const stationPlace = await positionOf(station, 'station');
  expectError(await station.post(`/property/items/${item.id}/check-in`, { place_id: stationPlace }), 409, 'conflict',
    { place: 'wrong_store' });
  expectStatus(await custodian.post(`/property/items/${item.id}/check-in`, { place_id: bureauPlace }), 200);
  const detail = expectStatus(await custodian.get(`/property/items/${item.id}`), 200);
  assert.deepEqual(detail.events.map((e) => e.kind), ['register', 'check_in', 'check_out', 'return_in']);
  assert.equal(detail.chain_intact, true);

  // The custody record prints; the seizure list names the owner in full, so it needs a purpose.
  const record = await custodian.get(`/property/items/${item.id}/custody-record?format=pdf`);
  assert.equal(record.status, 200);
  assert.equal(record.headers.get('content-type'), 'application/pdf');
  expectError(await officer.get(`/property/cases/${seizure.caseId}/seizure-list?format=html`), 400,
    'invalid_argument', { purpose: 'required' });
  const list = await officer.get(`/property/cases/${seizure.caseId}/seizure-list${PURPOSE}&case_no=${seizure.caseNo}&format=html`);
  assert.equal(list.status, 200);
  assert.match(list.text, /扣押清单/);
  assert.match(list.text, /张建国/);

  // `jingwu property verify`: intact (0), then a rewritten event is named (non-zero).
  const ok = server.cli(['property', 'verify']);
  assert.equal(ok.code, 0, ok.output);
  assert.match(ok.output, /property chains intact: \d+ items/);
  execSql(server.db, `UPDATE property_events SET to_place = '家中' WHERE item_id = ${item.id} AND seq = 3`);
  const broken = server.cli(['property', 'verify']);
  assert.equal(broken.code, 1, broken.output);
  assert.match(broken.output, new RegExp(`BROKEN at item ${item.id} \\(code ${item.code}\\) event 3: hash_mismatch`));
  const flagged = expectStatus(await custodian.get(`/property/items/${item.id}`), 200);
  assert.equal(flagged.chain_intact, false);
  const unknown = server.cli(['property', 'verify', '--item', '99999999']);
  assert.equal(unknown.code, 2);
  assert.equal(JSON.parse(unknown.output.trim().split('\n').pop()).fields.item, 'not_found');
});

test('disposal needs the leader; the papers follow; reminders and supervision see the demo county', async () => {
  const custodian = await loggedIn(server, 'custodian');
  const officer = await loggedIn(server, 'officer');
  const leader = await loggedIn(server, 'leader');
  // Not an item on a transfer list (the transfer test below works on those).
  const listed = new Set(expectStatus(await custodian.get('/property/transfers'), 200).transfers
    .flatMap((t) => t.items.map((i) => i.id)));
  const inStore = expectStatus(await custodian.get('/property/items?state=in_store&page_size=100'), 200).items
    .find((i) => i.disposal_state === '' && i.review_class !== 'overdue' && !listed.has(i.id));
  assert.ok(inStore, 'a demo item in store without a disposal');
  expectError(await custodian.post(`/property/items/${inStore.id}/disposal`, { kind: 'return_owner', reason: '权属明确' }),
    400, 'invalid_argument', { recipient: 'required' });
  expectStatus(await custodian.post(`/property/items/${inStore.id}/disposal`,
    { kind: 'return_owner', reason: '权属明确且无争议（第一百九十二条）', recipient: '张建国' }), 200);
  expectError(await officer.post(`/property/items/${inStore.id}/disposal/decision`, { approve: true }), 403);
  expectError(await custodian.get(`/property/items/${inStore.id}/disposal-document${PURPOSE}&case_no=${inStore.case_no}`),
    409, 'conflict', { disposal: 'not_approved' });
  const approved = expectStatus(await leader.post(`/property/items/${inStore.id}/disposal/decision`,
    { approve: true, note: '同意发还' }), 200);
  assert.equal(approved.disposal_state, 'approved');
  const paper = await custodian.get(`/property/items/${inStore.id}/disposal-document${PURPOSE}&case_no=${inStore.case_no}&format=html`);
  assert.equal(paper.status, 200);
  assert.match(paper.text, /发还清单/);
  const done = expectStatus(await custodian.post(`/property/items/${inStore.id}/disposal/complete`,
    { receiver: '张建国' }), 200);
  assert.equal(done.state, 'disposed');

  // The work list: the demo has overdue reviews; the leader's dashboard counts them.
  const work = expectStatus(await custodian.get('/property/items?due_within=3&page_size=100'), 200);
  assert.ok(work.items.some((i) => i.review_class === 'overdue'));
  const board = expectStatus(await leader.get('/property/dashboard'), 200);
  assert.ok(board.overdue_count >= 1);
  assert.ok(board.by_state.in_store >= 1 && board.by_state.out >= 1 && board.by_state.disposed >= 1);
  // 第一百八十九条: one demo seizure has no item; the rate says so and lists it.
  const rate = expectStatus(await leader.get('/property/entry-rate'), 200);
  assert.ok(rate.seizures > rate.with_items, JSON.stringify(rate));
  assert.ok(rate.missing.length >= 1);
  expectError(await leader.get('/property/entry-rate?from=2026-13'), 400, 'invalid_argument', { from: true });
});

test('bad input and other ways in: unknown codes, another unit\'s item, administrators', async () => {
  const other = await loggedIn(server, 'custodian3');  // 东城派出所
  const officer = await loggedIn(server, 'officer');
  const item = expectStatus(await officer.get('/property/items?page_size=1'), 200).items[0];
  expectError(await other.get(`/property/scan?code=${item.code}`), 404, 'not_found');
  expectError(await other.get('/property/scan?code=JWPAAAAAAAAAAAAAAAA'), 404, 'not_found');
  expectError(await other.get('/property/scan?code=%3Cscript%3E'), 404, 'not_found');
  expectError(await other.get('/property/scan'), 400, 'invalid_argument', { code: 'required' });
  expectError(await other.get(`/property/items/${item.id}`), 404, 'not_found');
  expectError(await other.get(`/property/items/${item.id}/custody-record`), 404, 'not_found');
  const own = expectStatus(await other.get('/property/items?page_size=200'), 200).items;
  assert.ok(own.every((i) => i.id !== item.id));
  for (const admin of ['sysadmin', 'secadmin', 'auditadmin']) {
    const c = await loggedIn(server, admin);
    expectError(await c.get('/property/items'), 403, 'permission_denied');
  }
  expectError(await officer.post('/property/items', { case_id: 'x' }), 400, 'invalid_argument', { case_id: true });
});

test('a transfer list to the procuratorate, confirmed item by item with one discrepancy', async () => {
  const custodian = await loggedIn(server, 'custodian');
  const procurator = await loggedIn(server, 'procurator');
  const receivers = expectStatus(await custodian.get('/property/receivers'), 200).receivers;
  const procuratorate = receivers.find((r) => r.kind === 'procuratorate');
  assert.ok(procuratorate && receivers.some((r) => r.kind === 'court'));
  // The demo has one confirmed list (its items handed over, the car still in the police yard) and one open list.
  const lists = expectStatus(await procurator.get('/property/transfers'), 200).transfers;
  const confirmed = lists.find((t) => t.state === 'confirmed');
  assert.ok(confirmed.items.some((i) => i.state === 'handed_over' && i.held_by_org === procuratorate.name));
  assert.ok(confirmed.items.some((i) => i.stays_with_police && i.state === 'in_store'));
  const open = lists.find((t) => t.state === 'sent');
  assert.ok(open.items.length >= 2);
  const [first, second] = open.items;
  expectError(await procurator.post(`/property/transfers/${open.id}/items/${first.id}/confirm`, { outcome: 'discrepancy' }),
    400, 'invalid_argument', { note: 'required' });
  expectStatus(await procurator.post(`/property/transfers/${open.id}/items/${first.id}/confirm`, { outcome: 'accepted' }), 200);
  expectError(await procurator.post(`/property/transfers/${open.id}/items/${first.id}/confirm`, { outcome: 'accepted' }),
    409, 'conflict', { state: 'already_confirmed' });
  const done = expectStatus(await procurator.post(`/property/transfers/${open.id}/items/${second.id}/confirm`,
    { outcome: 'discrepancy', note: '实物为人民币3100元，与清单不符' }), 200);
  assert.equal(done.state, open.items.length === 2 ? 'confirmed' : 'sent');
  const accepted = expectStatus(await custodian.get(`/property/items/${first.id}`), 200);
  assert.equal(accepted.state, 'handed_over');
  assert.equal(accepted.events.at(-1).kind, 'handover_confirmed');
  assert.equal(accepted.chain_intact, true);
  const differs = expectStatus(await custodian.get(`/property/items/${second.id}`), 200);
  assert.equal(differs.state, 'in_store');
  assert.equal(differs.events.at(-1).kind, 'handover_discrepancy');
  const paper = await procurator.get(`/property/transfers/${open.id}/document?format=html`);
  assert.equal(paper.status, 200);
  assert.match(paper.text, /移送清单/);
  assert.match(paper.text, /有差异/);
  // A new list: only the case's items, not finished ones, to a procuratorate or court.
  const stock = expectStatus(await custodian.get('/property/items?state=in_store&page_size=200'), 200).items;
  const pick = stock.find((i) => i.disposal_state === '' && i.id !== second.id);
  expectError(await custodian.post('/property/transfers', { case_id: pick.case_id, receiver_org_id: procuratorate.id,
    item_ids: [first.id] }), 400, 'invalid_argument', { item_ids: true });
  const sent = expectStatus(await custodian.post('/property/transfers', { case_id: pick.case_id,
    receiver_org_id: procuratorate.id, item_ids: [pick.id] }), 201);
  assert.equal(sent.state, 'sent');
});
