// Security: the courier module's area scope (issue 17, ADR 0062 §5, ADR 0068). A police user whose role is scoped to
// their unit sees only the outlets whose local station is in that unit's subtree: an outlet outside it gives
// nothing by any way in — browse, person search (by number and by record id), photos, outlets, staff, real-name
// rates and their export, statistics and their export, 碰撞比对 (within and against a list), inspections (list,
// create, close, the 责令整改通知书 as HTML and PDF). And an outlet's administrator sees and touches only their own
// outlet's staff (从业人员备案): another outlet's staff id answers as an unknown one. Both databases.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, loggedIn, execSql } from '../integration/lib/server.mjs';
import { expectError, expectStatus } from '../integration/lib/expect.mjs';
import { assertNoLeak } from './lib/access.mjs';

function id18(first17) {
  const w = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  return first17 + '10X98765432'[[...first17].reduce((s, d, i) => s + Number(d) * w[i], 0) % 11];
}
const SENDER_ID = id18('51990119790512443');
const SENDER = '欧阳晚晴';
const RECEIVER_PHONE = '13711112222';
const WAYBILL = 'AREA' + Date.now();
const JPEG = Buffer.from('/9j/4AAQSkZJRgABAQAAAQABAAD/2wBDAAYEBQYFBAYGBQYHBwYIChAKCgkJChQODwwQFxQYGBcUFhYaHSUfGhsjHBYWICwgIyYnKSopGR8tMC0oMCUoKSj/2wBDAQcHBwoIChMKChMoGhYaKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCj/wAARCAAIAAgDASIAAhEBAxEB/8QAFQABAQAAAAAAAAAAAAAAAAAAAAX/xAAUEAEAAAAAAAAAAAAAAAAAAAAA/8QAFAEBAAAAAAAAAAAAAAAAAAAABf/EABQRAQAAAAAAAAAAAAAAAAAAAAD/2gAMAwEAAhEDEQA/AIgAUu//2Q==', 'base64');

let server, PURPOSE, county, leader, analyst, station, outletA, outletAName, recordId, photoId, inspectionId, outletB;
const sql = (q) => execSql(server.db, q).trim();

before(async () => {
  server = await startServer('courier-area');
  const caseNo = sql('SELECT case_no FROM cases ORDER BY id LIMIT 1');
  PURPOSE = { 'X-Purpose': encodeURIComponent('核查寄递记录'), 'X-Case-No': encodeURIComponent(caseNo) };
  const clerk = await loggedIn(server, 'outlet_clerk1');
  county = await loggedIn(server, 'courier');  // the demo's role is county-wide
  photoId = expectStatus(await clerk.request('POST', '/media', { body: JPEG, headers: { 'Content-Type': 'image/jpeg' } }), 201).media_id;
  const rec = expectStatus(await clerk.post('/courier/records', {
    waybill_no: WAYBILL, sender_doc_type: 'resident_id', sender_name: SENDER, sender_id: SENDER_ID, sender_phone: '13511112222',
    receiver_name: '司马青衫', receiver_phone: RECEIVER_PHONE, receiver_address: '广东省广州市天河区区域巷1号',
    category: 'clothing', declared_content: '衣服', declared_value_cents: 5000, inspected: true,
    photos: [{ media_id: photoId, kind: 'opened' }],
  }), 201);
  recordId = rec.record_id;
  outletA = Number(sql(`SELECT outlet_id FROM courier_records WHERE id = ${recordId}`));
  outletAName = sql(`SELECT name FROM courier_outlets WHERE id = ${outletA}`);
  // An inspection of outlet A with a 责令整改通知书, recorded while the role is still county-wide.
  inspectionId = expectStatus(await county.post('/courier/inspections', { outlet_id: outletA, findings: '未落实开箱验视', rectify_days: 10 }), 201).id;
  // The county makes the courier role unit-scoped and moves the user to a station that does not supervise outlet A.
  const stationA = sql(`SELECT station_unit_id FROM courier_outlets WHERE id = ${outletA}`);
  const [b, stationB] = sql(`SELECT id, station_unit_id FROM courier_outlets WHERE station_unit_id <> ${stationA} ORDER BY id LIMIT 1`).split('|');
  outletB = Number(b);
  sql(`UPDATE roles SET scope = 'unit' WHERE code = 'courier'`);
  sql(`UPDATE users SET unit_id = ${stationB} WHERE username = 'courier'`);
  station = await loggedIn(server, 'courier');
  // County-wide readers for the controls (the courier role is unit-scoped from here on): the leader supervises,
  // the analyst searches and compares.
  [leader, analyst] = await Promise.all([loggedIn(server, 'leader'), loggedIn(server, 'analyst')]);
});
after(async () => { await server?.cleanup(); });

const SECRETS = () => [WAYBILL, outletAName, SENDER_ID.slice(0, 6) + '********' + SENDER_ID.slice(14)];

test('the station user sees its own outlets (the control) and nothing of outlet A by browse, search or photos', async () => {
  const own = expectStatus(await station.get('/courier/outlets'), 200).items.map((o) => o.id);
  assert.ok(own.includes(outletB), 'the station sees its own outlet');
  assert.ok(!own.includes(outletA), 'outlet A is not listed');
  assert.ok(expectStatus(await station.get(`/courier/records?outlet_id=${outletB}`), 200).total > 0, 'its outlet\'s records are there');
  for (const path of [`/courier/records?waybill_no=${WAYBILL}`, `/courier/records?outlet_id=${outletA}`]) {
    const res = await station.get(path);
    assert.equal(expectStatus(res, 200).total, 0, path);
    assertNoLeak(res, SECRETS(), path);
  }
  for (const q of [`sender_id=${SENDER_ID}`, `phone=${RECEIVER_PHONE}`, `record_ids=${recordId}`, `sender_id=${SENDER_ID}&full=true`]) {
    const res = await station.get(`/courier/records/search?${q}`, { headers: PURPOSE });
    assert.equal(expectStatus(res, 200).total, 0, q);
    assertNoLeak(res, [...SECRETS(), SENDER, SENDER_ID], q);
  }
  // The county-wide reader does find it (the control for the searches above).
  const found = await analyst.get(`/courier/records/search?record_ids=${recordId}`, { headers: PURPOSE });
  assert.equal(expectStatus(found, 200).total, 1);
  for (const path of [`/courier/records/${recordId}/photos`, `/courier/records/${recordId}/photos/${photoId}`])
    expectError(await station.get(path, { headers: PURPOSE }), 404, 'not_found');
  expectError(await station.get(`/courier/outlets/${outletA}/staff`), 404, 'not_found');
  expectStatus(await station.get(`/courier/outlets/${outletB}/staff`), 200);
});

test('rates, statistics and their exports leave outlet A out', async () => {
  const rates = expectStatus(await station.get('/courier/supervision/rates?page_size=200'), 200);
  assert.ok(rates.items.length > 0 && rates.items.every((r) => r.outlet_id !== outletA));
  assert.equal(expectStatus(await station.get(`/courier/supervision/rates?outlet_id=${outletA}`), 200).total, 0);
  // The county-wide reader's rows of outlet A exist: the filter above is not empty for another reason.
  assert.ok(expectStatus(await leader.get(`/courier/supervision/rates?outlet_id=${outletA}`), 200).total > 0);
  for (const by of ['company', 'outlet', 'township']) {
    const s = expectStatus(await station.get(`/courier/supervision/statistics?by=${by}`), 200);
    assert.ok(s.items.length > 0, by);
    assertNoLeak({ text: JSON.stringify(s) }, [outletAName], `statistics by ${by}`);
    if (by === 'outlet') assert.ok(s.items.every((x) => Number(x.key) !== outletA));
  }
  const countyStats = expectStatus(await leader.get('/courier/supervision/statistics?by=outlet'), 200);
  assert.ok(countyStats.items.some((x) => Number(x.key) === outletA));
  for (const path of ['/courier/supervision/rates/export', '/courier/supervision/statistics/export?by=outlet',
    `/courier/supervision/rates/export?outlet_id=${outletA}`]) {
    const res = await station.get(path);
    assert.equal(res.status, 200, path);
    assert.match(res.headers.get('content-type') || '', /text\/csv/);
    assertNoLeak(res, [outletAName], path);
  }
  assert.match((await leader.get('/courier/supervision/statistics/export?by=outlet')).text, new RegExp(outletAName));
});

test('碰撞比对 finds nothing of outlet A, within or against a list', async () => {
  const listed = expectStatus(await station.post('/courier/collide', { list: [SENDER_ID, RECEIVER_PHONE] }, { headers: PURPOSE }), 200);
  assert.deepEqual(listed.items, []);
  const countyListed = expectStatus(await analyst.post('/courier/collide', { list: [SENDER_ID] }, { headers: PURPOSE }), 200);
  assert.deepEqual(countyListed.items.map((i) => i.record_ids), [[recordId]]);
  const within = expectStatus(await station.post('/courier/collide', { source: 'within', min_count: 2 }, { headers: PURPOSE }), 200);
  const ids = within.items.flatMap((i) => i.record_ids);
  if (ids.length) {
    const outlets = sql(`SELECT DISTINCT outlet_id FROM courier_records WHERE id IN (${ids.join(',')})`).split('\n').map(Number);
    assert.ok(!outlets.includes(outletA), `collide within reached outlet A: ${outlets}`);
  }
});

test('inspections of outlet A: not listed, not created, not closed, no notice as HTML or PDF', async () => {
  const list = expectStatus(await station.get('/courier/inspections'), 200);
  assert.ok(!list.items.some((i) => i.outlet_id === outletA));
  expectError(await station.post('/courier/inspections', { outlet_id: outletA, findings: '越权检查', rectify_days: 5 }), 400,
    'invalid_argument', { outlet_id: 'not_found' });
  assert.equal(sql(`SELECT COUNT(*) FROM courier_inspections WHERE outlet_id = ${outletA}`), '1', 'nothing written');
  for (const format of ['html', 'pdf']) {
    const res = await station.get(`/courier/inspections/${inspectionId}/notice?format=${format}`);
    expectError(res, 404, 'not_found');
    assertNoLeak(res, [outletAName], format);
  }
  expectError(await station.post(`/courier/inspections/${inspectionId}/close`, { note: '越权结案' }), 404, 'not_found');
  assert.equal(sql(`SELECT status FROM courier_inspections WHERE id = ${inspectionId}`), 'rectifying');
  // Its own outlet: recorded, and the notice prints (the control).
  const own = expectStatus(await station.post('/courier/inspections', { outlet_id: outletB, findings: '登记不全', rectify_days: 3 }), 201);
  assert.equal((await station.get(`/courier/inspections/${own.id}/notice?format=html`)).status, 200);
  assert.equal((await leader.get(`/courier/inspections/${inspectionId}/notice?format=pdf`)).status, 200);
});

test('从业人员备案: an outlet administrator manages their own staff only, checked and audited; another outlet\'s staff is unknown', async () => {
  const [admin1, admin2, clerk1] = await Promise.all(['outlet_admin1', 'outlet_admin2', 'outlet_clerk1'].map((u) => loggedIn(server, u)));
  const newId = id18('51990119950305123');
  // Bad input names the field and writes nothing.
  const before = sql('SELECT COUNT(*) FROM courier_staff');
  expectError(await admin1.post('/courier/my/staff', { role: 'clerk', name: '王小二', id_number: '519901199503051230', phone: '13600001111' }),
    400, 'invalid_argument', { id_number: 'bad_check_character' });
  expectError(await admin1.post('/courier/my/staff', { role: 'boss', name: '王小二', id_number: newId, phone: '13600001111' }),
    400, 'invalid_argument', { role: 'invalid_enum' });
  expectError(await admin1.post('/courier/my/staff', { role: 'clerk', name: '王小二', id_number: newId }), 400, 'invalid_argument', { phone: 'required' });
  assert.equal(sql('SELECT COUNT(*) FROM courier_staff'), before);
  const added = expectStatus(await admin1.post('/courier/my/staff', { role: 'clerk', name: '王小二', id_number: newId, phone: '13600001111' }), 201);
  assert.equal(added.status, 'unmatched', 'a number the person register does not hold');  // checked against the master index
  assert.equal(added.id_number, newId.slice(0, 6) + '********' + newId.slice(14));
  expectError(await admin1.post('/courier/my/staff', { role: 'clerk', name: '王小三', id_number: newId, phone: '13600001112' }),
    409, 'conflict', { id_number: 'duplicate' });
  // A number the person register holds (an officer registers the person first): 从业人员备案 matched.
  const regId = id18('51990119880808456');
  const officer = await loggedIn(server, 'officer');
  expectStatus(await officer.post('/community/people', { id_number: regId, name: '钱多多' }), 201);
  const matched = expectStatus(await admin1.post('/courier/my/staff', { role: 'clerk', name: '钱多多', id_number: regId, phone: '13600002222' }), 201);
  assert.equal(matched.status, 'registered');
  const mine = expectStatus(await admin1.get('/courier/my/staff'), 200);
  assert.equal(mine.outlet.id, outletA);
  assert.ok(mine.items.some((s) => s.id === added.id));
  // Outlet 2's administrator: not in its list, not editable, not deactivatable — the same answer as an unknown id.
  const theirs = expectStatus(await admin2.get('/courier/my/staff'), 200);
  assert.notEqual(theirs.outlet.id, outletA);
  assert.ok(!theirs.items.some((s) => s.id === added.id));
  assertNoLeak({ text: JSON.stringify(theirs) }, ['王小二'], 'admin2 list');
  expectError(await admin2.put(`/courier/my/staff/${added.id}`, { name: '李四' }), 404, 'not_found');
  expectError(await admin2.post(`/courier/my/staff/${added.id}/deactivate`, {}), 404, 'not_found');
  expectError(await admin2.put('/courier/my/staff/999999999', { name: '李四' }), 404, 'not_found');
  assert.equal(sql(`SELECT name || '|' || status FROM courier_staff WHERE id = ${added.id}`), '王小二|unmatched');
  // The phone's offline store (field.offline, ADR 0068 §7) gives an outlet account its secret and no grid.
  expectStatus(await clerk1.get('/field/cache-key'), 200);
  assert.deepEqual(expectStatus(await clerk1.get('/field/grid-addresses'), 200).items, []);
  expectError(await clerk1.get('/field/grid-addresses?grid=G001'), 404, 'not_found');
  expectError(await clerk1.post('/field/checks', { id_number: newId }), 403, 'permission_denied');
  // A clerk and the police do not manage staff; the police read it (masked) through the outlet's staff list.
  expectError(await clerk1.get('/courier/my/staff'), 403, 'permission_denied');
  expectError(await leader.post('/courier/my/staff', { role: 'clerk', name: '王小二', id_number: newId, phone: '13600001111' }), 403, 'permission_denied');
  const policeView = expectStatus(await leader.get(`/courier/outlets/${outletA}/staff`), 200);
  assert.ok(policeView.items.some((s) => s.id === added.id && s.name.startsWith('王') && !s.name.includes('小二')));
  // Edit and deactivate by the owner, audited.
  expectStatus(await admin1.put(`/courier/my/staff/${added.id}`, { name: '王小五' }), 200);
  const left = expectStatus(await admin1.post(`/courier/my/staff/${added.id}/deactivate`, {}), 200);
  assert.equal(left.status, 'left');
  expectError(await admin1.put(`/courier/my/staff/${added.id}`, { name: '王小六' }), 400, 'invalid_argument', { status: 'already_left' });
  const auditor = await loggedIn(server, 'auditadmin');
  const audit = expectStatus(await auditor.get('/audit?action=courier.my_staff.deactivate&page_size=10'), 200).items;
  assert.ok(audit.some((a) => a.object === `courier_staff:${added.id}` && a.result === 'ok'), JSON.stringify(audit.slice(0, 2)));
});
