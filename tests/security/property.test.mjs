// Security: case-involved property (issue 16). Every endpoint that returns an item, its owner or its papers is
// tried the other way in — another station's custodian, the court's account (no list was sent to it), the
// procuratorate's account outside its lists, the administrators — and answers 404 or 403 without data.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, loggedIn } from '../integration/lib/server.mjs';
import { expectError, expectStatus } from '../integration/lib/expect.mjs';

let server;
let item;  // a 城关派出所 item in the bureau store
let list;  // the demo's open transfer list to the procuratorate
before(async () => {
  server = await startServer('property-security');
  const custodian = await loggedIn(server, 'custodian');
  const items = expectStatus(await custodian.get('/property/items?state=in_store&page_size=200'), 200).items;
  item = items.find((i) => i.store_name.includes('管理中心'));
  list = expectStatus(await custodian.get('/property/transfers'), 200).transfers.find((t) => t.state === 'sent');
  assert.ok(item && list, 'demo item and open transfer list');
});
after(async () => { await server?.cleanup(); });

const PURPOSE = `purpose=${encodeURIComponent('核对扣押物品清单')}`;

test('another station\'s custodian finds nothing of this station\'s items', async () => {
  const other = await loggedIn(server, 'custodian3');  // 东城派出所
  for (const path of [`/property/items/${item.id}`, `/property/items/${item.id}/custody-record`,
    `/property/items/${item.id}/disposal-document?${PURPOSE}&case_no=${item.case_no}`,
    `/property/cases/${item.case_id}/seizure-list?${PURPOSE}&case_no=${item.case_no}`,
    `/property/scan?code=${item.code}`, `/property/transfers/${list.id}`, `/property/transfers/${list.id}/document`]) {
    const res = await other.get(path);
    assert.equal(res.status, 404, `${path} → ${res.status} ${res.text.slice(0, 120)}`);
    assert.ok(!res.text.includes(item.code), `${path} leaks the code`);
  }
  const listed = expectStatus(await other.get('/property/items?page_size=200'), 200).items;
  assert.ok(!listed.some((i) => i.id === item.id));
  expectError(await other.post(`/property/items/${item.id}/check-out`, { purpose: 'appraisal', holder: 'x', approved_by: 'y',
    expected_return_at: new Date(Date.now() + 86400_000).toISOString().replace(/\.\d{3}Z$/, 'Z') }), 404);  // as unknown
  const stores = expectStatus(await other.get('/property/stores'), 200).stores;
  assert.ok(stores.every((s) => s.unit_name === '东城派出所'), JSON.stringify(stores.map((s) => s.unit_name)));
});

test('the court sees no list sent elsewhere; the procuratorate only its lists, never the police ledger', async () => {
  const judge = await loggedIn(server, 'judge');
  assert.deepEqual(expectStatus(await judge.get('/property/transfers'), 200).transfers, []);
  expectError(await judge.get(`/property/transfers/${list.id}`), 404, 'not_found');
  expectError(await judge.get(`/property/transfers/${list.id}/document?format=html`), 404, 'not_found');
  expectError(await judge.post(`/property/transfers/${list.id}/items/${list.items[0].id}/confirm`, { outcome: 'accepted' }),
    404, 'not_found');
  const procurator = await loggedIn(server, 'procurator');
  const mine = expectStatus(await procurator.get('/property/transfers'), 200).transfers;
  assert.ok(mine.length >= 1 && mine.every((t) => t.receiver_kind === 'procuratorate'));
  for (const path of ['/property/items', `/property/items/${item.id}`, `/property/scan?code=${item.code}`, '/property/stores',
    '/property/dashboard', '/property/entry-rate', `/property/items/${item.id}/custody-record`, '/property/receivers']) {
    expectError(await procurator.get(path), 403, 'permission_denied');
  }
  expectError(await procurator.post('/property/labels', { codes: [item.code] }), 403, 'permission_denied');
  // The owner is masked on the list too.
  for (const t of mine) for (const i of t.items) assert.ok(!i.owner_name || i.owner_name.includes('*'), i.owner_name);
  // A police account reads the list but does not answer for the receiver.
  const custodian = await loggedIn(server, 'custodian');
  expectError(await custodian.post(`/property/transfers/${list.id}/items/${list.items[0].id}/confirm`, { outcome: 'accepted' }), 403);
});

test('the administrators get no property at all', async () => {
  for (const admin of ['sysadmin', 'secadmin', 'auditadmin']) {
    const c = await loggedIn(server, admin);
    for (const path of ['/property/items', '/property/transfers', '/property/dashboard', `/property/items/${item.id}`]) {
      expectError(await c.get(path), 403, 'permission_denied');
    }
  }
});
