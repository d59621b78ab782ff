// Security: community-police assessment (issue 14). The other ways in to an officer's items (another station's
// officer, an officer of the same station, the administrators), appeals on someone else's item, and the public
// results page: no login, no residents' data (a case with a reporter's ID number, phone and name is filed and
// imported first), no officers' names, and a per-address rate limit.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, loggedIn, rawRequest } from '../integration/lib/server.mjs';
import { expectError, expectStatus } from '../integration/lib/expect.mjs';
import { stationOfficer, assertNoLeak } from './lib/access.mjs';

const ID_NO = '11010519491231002X';
const PHONE = '13812345678';
const NAME = '张三丰';
const month = () => new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 7);

let server;
let officer;  // 城关派出所 (the demo account)
let east;     // 东城派出所
let leader;
let myId;
before(async () => {
  server = await startServer('assessment-security');
  officer = await loggedIn(server, 'officer');
  leader = await loggedIn(server, 'leader');
  east = await stationOfficer(server, '东城派出所');
  const me = expectStatus(await officer.get('/session'), 200);
  myId = me.user?.id ?? me.id;
  const k = expectStatus(await officer.post('/cases', {
    case_type: 'administrative', cause: '殴打他人', source: 'walk_in',
    occurred_at: new Date(Date.now() - 3600_000).toISOString().replace(/\.\d+Z$/, 'Z'),
    place: { address: '示范县城关镇人民路12号' }, facts: '报案人称被人殴打。',
    people: [{ role: 'reporter', name: NAME, id_type: 'resident_id', id_number: ID_NO, phone: PHONE, address: '人民路1号' }],
  }), 201);
  const full = expectStatus(await officer.get(`/cases/${k.id}`), 200);
  expectStatus(await officer.post(`/cases/${k.id}/events`, { action: 'file', expected_version: full.version }), 201);
  expectStatus(await leader.post('/assessment/import', {}), 200);
});
after(async () => { await server?.cleanup(); });

test('an officer reads only their own items; another station\'s officer gets 404, not 403', async () => {
  const mine = expectStatus(await officer.get(`/assessment/officers/${myId}/items?month=${month()}`), 200);
  assert.ok(mine.items.some((i) => i.code === 'case_filed'));
  assertNoLeak({ text: JSON.stringify(mine) }, [ID_NO, PHONE, NAME], 'items');
  expectError(await east.get(`/assessment/officers/${myId}/items?month=${month()}`), 404, 'not_found');
  const item = mine.items.find((i) => i.code === 'case_filed');
  expectError(await east.post(`/assessment/items/${item.id}/appeal`, { reason: '冒充申诉' }), 404, 'not_found');
  // The east officer's scores list does not reach 城关.
  const eastScores = expectStatus(await east.get(`/assessment/scores?month=${month()}`), 200);
  assert.ok(!eastScores.officers.some((o) => o.officer_id === myId));
  for (const admin of ['sysadmin', 'secadmin', 'auditadmin']) {
    const a = await loggedIn(server, admin);
    expectError(await a.get(`/assessment/officers/${myId}/items?month=${month()}`), 403, 'permission_denied');
  }
  // An officer cannot decide appeals or write rules.
  expectError(await east.get('/assessment/appeals'), 403, 'permission_denied');
  expectError(await east.post('/assessment/import', {}), 403, 'permission_denied');
});

test('the public page: no residents\' data, no officers\' names, rate-limited per address', async () => {
  const full = expectStatus(await leader.get(`/assessment/scores?month=${month()}`), 200);
  const r = await rawRequest(server.port, 'GET', `/api/v1/public/assessment/results?month=${month()}`, { from: '127.0.0.9' });
  assert.equal(r.status, 200);
  assertNoLeak(r, [ID_NO, PHONE, NAME, ...full.officers.map((o) => o.name)], 'public results');
  assert.ok(r.json.officers.some((o) => o.police_no === full.officers[0].police_no));
  let status = 200;
  for (let i = 0; i < 40 && status === 200; ++i) {
    status = (await rawRequest(server.port, 'GET', '/api/v1/public/assessment/results', { from: '127.0.0.10' })).status;
  }
  assert.equal(status, 429);
});
