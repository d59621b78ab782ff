// Security: the person register (issue 14, ADR 0032). Every way the register hands out people — the list (also
// searched by the exact ID number), the detail, the CSV export, the import's error report, a second registration —
// answers masked values only; the administrators and roles without the permission are refused everywhere; a write
// without the CSRF token is refused; a stale edit does not overwrite.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, loggedIn } from '../integration/lib/server.mjs';
import { expectError, expectStatus } from '../integration/lib/expect.mjs';
import { assertNoLeak } from './lib/access.mjs';

function id18(first17) {
  const w = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  return first17 + '10X98765432'[[...first17].reduce((s, d, i) => s + Number(d) * w[i], 0) % 11];
}
const ID = id18('51990119811111333');
const PHONE = '13698765432';
const HUKOU = '四川省示范县城关镇秘密巷9号';
const NAME = '公孙胜';
const SECRETS = [ID, ID.slice(6, 14), PHONE, HUKOU, NAME];

let server;
let officer;
let pid;
before(async () => {
  server = await startServer('people_security');
  officer = await loggedIn(server, 'officer');
  pid = expectStatus(await officer.post('/community/people', { id_number: ID, name: NAME, phones: [PHONE], hukou_address: HUKOU }), 201).person_id;
});
after(async () => { await server?.cleanup(); });

test('list, search by the exact number, detail, export and a second registration never return the clear values', async () => {
  const duty = await loggedIn(server, 'duty');
  for (const c of [officer, duty]) {
    assertNoLeak(await c.get(`/community/people?q=${ID}`), SECRETS, 'list by ID');
    assertNoLeak(await c.get(`/community/people?q=${encodeURIComponent('公孙')}`), SECRETS, 'list by name');
    assertNoLeak(await c.get(`/community/people/${pid}`), SECRETS, 'detail');
    const exp = await c.get('/community/people/export');
    assert.equal(exp.status, 200);
    assertNoLeak(exp, [...SECRETS, 'sm4:'], 'export');
  }
  const again = await officer.post('/community/people', { id_number: ID, name: NAME });
  assertNoLeak(again, SECRETS, 'second registration');
  const report = await officer.request('POST', '/community/people/import', { body: `id_number,name\n${ID.slice(0, 17)}0,${NAME}\n`, headers: { 'Content-Type': 'text/csv' } });
  assert.equal(report.status, 422);
  assertNoLeak(report, SECRETS, 'import report');
});

test('administrators and roles without the permission get nothing, whichever way they ask', async () => {
  for (const user of ['sysadmin', 'secadmin', 'auditadmin', 'courier', 'custodian', 'legal']) {
    const c = await loggedIn(server, user);
    for (const p of [`/community/people?q=${ID}`, `/community/people/${pid}`, '/community/people/export']) {
      const r = await c.get(p);
      expectError(r, 403, 'permission_denied');
      assertNoLeak(r, SECRETS, `${user} ${p}`);
    }
    expectError(await c.request('PATCH', `/community/people/${pid}`, { json: { version: 1, name: 'x' } }), 403, 'permission_denied');
    expectError(await c.post(`/community/people/${pid}/moves`, { kind: 'out', on_date: '2026-01-01' }), 403, 'permission_denied');
  }
  const anonymous = server.client();
  expectError(await anonymous.get(`/community/people/${pid}`), 401);
});

test('writes need the CSRF token; a stale version never overwrites', async () => {
  expectError(await officer.post('/community/people', { id_number: id18('51990119811111334'), name: 'x' }, { csrf: false }), 403, 'csrf_failed');
  expectStatus(await officer.request('PATCH', `/community/people/${pid}`, { json: { version: 1, ethnicity: '汉族' } }), 200);
  expectError(await officer.request('PATCH', `/community/people/${pid}`, { json: { version: 1, ethnicity: '回族' } }), 409, 'conflict');
  const d = expectStatus(await officer.get(`/community/people/${pid}`), 200);
  assert.equal(d.ethnicity, '汉族');
});
