// The penalty discretion endpoint through the real server: business roles decide, administrators cannot,
// bad input names the field, and the call is audited.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, loggedIn } from './lib/server.mjs';
import { expectError, expectStatus } from './lib/expect.mjs';

let server;
before(async () => { server = await startServer('discretion'); });
after(async () => { await server?.cleanup(); });

const request = {
  law: 'auto', act_end_date: '2025-11-03', decision_date: '2025-12-01', discovered_date: '2025-11-04',
  offender: { birth_date: '1990-05-01', first_violation: true, pregnant: false, nursing_infant: false,
    mental_capacity: 'full', blind_or_deaf_mute: false },
  prior_restraint_days: 0,
  // 治安管理处罚法 (2012) 第四十三条第二款: 十日以上十五日以下拘留，并处五百元以上一千元以下罚款.
  violations: [{ tier: { law: '2012', article: 43, paragraph: 2, kind: 'base' }, pick: 'detention',
    add_fine: false, factors: [] }],
};

test('an officer gets a decision inside the statutory range of 2012 art. 43 para. 2, with its trace', async () => {
  const c = await loggedIn(server, 'officer');
  const d = expectStatus(await c.post('/discretion/decide', request), 200);
  assert.equal(d.law_applied, '2012');
  assert.ok(d.combined.detention_days >= 10 && d.combined.detention_days <= 15, JSON.stringify(d.combined));
  assert.ok(d.combined.fine_yuan >= 500 && d.combined.fine_yuan <= 1000, JSON.stringify(d.combined));
  assert.ok(Array.isArray(d.trace) && d.trace.length > 0);
  // Same case, same penalty.
  assert.deepEqual(expectStatus(await c.post('/discretion/decide', request), 200).combined, d.combined);
});

test('administrators cannot use business functions, and bad input names the field', async () => {
  const admin = await loggedIn(server, 'sysadmin');
  expectError(await admin.post('/discretion/decide', request), 403, 'permission_denied');
  const c = await loggedIn(server, 'legal');
  const bad = { ...request, offender: { ...request.offender, birth_date: '1990-13-01' } };
  const body = expectError(await c.post('/discretion/decide', bad), 400, 'invalid_argument');
  assert.ok(Object.keys(body.fields).some((f) => f.includes('birth_date')), JSON.stringify(body.fields));
});
