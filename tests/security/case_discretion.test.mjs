// Security: the discretion calculator from a case (issue 13). The case-side endpoints return a suspect's masked
// name and age and record a penalty: another station's officer gets what a case that does not exist gets, roles
// without the permissions are refused, nothing unmasked leaks, and every read is audited.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, loggedIn } from '../integration/lib/server.mjs';
import { expectError, expectStatus } from '../integration/lib/expect.mjs';
import { stationOfficer, assertNoLeak } from './lib/access.mjs';

const ID_NO = '11010519491231002X';
const NAME = '张三丰';
const SECRETS = [ID_NO, NAME, '1949-12-31'];

let server;
let officer;
let kase;
let suspect;
before(async () => {
  server = await startServer('case_discretion_sec');
  officer = await loggedIn(server, 'officer');
  kase = expectStatus(await officer.post('/cases', {
    case_type: 'administrative', law: '2025', cause: '殴打他人', source: 'walk_in',
    occurred_at: new Date(Date.now() - 3600_000).toISOString().replace(/\.\d+Z$/, 'Z'),
    place: { address: '示范县城关镇人民路12号' }, facts: '报案人称被人殴打。',
    people: [{ role: 'suspect', name: NAME, id_type: 'resident_id', id_number: ID_NO }],
  }), 201);
  suspect = kase.people[0].id;
});
after(async () => { await server?.cleanup(); });

const today = () => new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
const request = () => ({
  law: 'auto', act_end_date: today(), decision_date: today(), offender: {}, prior_restraint_days: 0,
  violations: [{ tier: { law: '2025', article: 51, paragraph: 1, kind: 'base' }, factors: [], mitigation: 'lighten' }],
});
const calls = (id) => [
  (c) => c.get(`/cases/${id}/discretion`),
  (c) => c.post(`/cases/${id}/discretion/decide`, { person_id: suspect, request: request() }),
  (c) => c.put(`/cases/${id}/penalty/discretion`, { expected_version: 1, person_id: suspect, request: request(), decision: {} }),
];

test('another station\'s officer: each endpoint answers like a case that does not exist, and leaks nothing', async () => {
  const east = await stationOfficer(server, '东城派出所');
  const theirs = calls(kase.id);
  const missing = calls(99999999);
  for (let i = 0; i < theirs.length; i++) {
    const res = await theirs[i](east);
    const none = await missing[i](east);
    assert.equal(res.status, 404, `call ${i}: ${res.status} ${res.text}`);
    assert.equal(none.status, 404, `call ${i} (missing): ${none.status}`);
    assert.deepEqual([res.json.code, res.json.fields], [none.json.code, none.json.fields]);
    assertNoLeak(res, SECRETS, `east call ${i}`);
  }
});

test('roles without discretion.decide / case.write are refused; the administrators get no business data', async () => {
  for (const name of ['duty', 'sysadmin', 'auditadmin']) {
    const c = await loggedIn(server, name);
    for (const [i, call] of calls(kase.id).entries()) {
      const res = await call(c);
      expectError(res, 403, 'permission_denied');
      assertNoLeak(res, SECRETS, `${name} call ${i}`);
    }
  }
});

test('the handling officer sees the suspect masked, the age but never the ID number or birth date; reads are audited', async () => {
  const res = await officer.get(`/cases/${kase.id}/discretion`);
  const p = expectStatus(res, 200);
  assert.equal(p.offenders[0].name, '张**');
  assert.equal(typeof p.offenders[0].age_at_act, 'number');
  assertNoLeak(res, SECRETS, 'prefill');
  const d = await officer.post(`/cases/${kase.id}/discretion/decide`, { person_id: suspect, request: request() });
  expectStatus(d, 200);
  assertNoLeak(d, SECRETS, 'decision');
  const auditor = await loggedIn(server, 'auditadmin');
  const log = expectStatus(await auditor.get('/audit?action=case.discretion_prefill&page_size=50'), 200).items;
  assert.ok(log.some((r) => r.user === 'officer' && r.object === `case:${kase.id}`), JSON.stringify(log.slice(0, 2)));
});
