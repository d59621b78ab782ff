// Helpers of tests/security/access.test.mjs: a demo officer of a given police station (the generated `p…`
// accounts must change their password first) and checks that a reply leaked none of a set of values.
import assert from 'node:assert/strict';
import { loggedIn, execSql, DEMO_PASSWORD } from '../../integration/lib/server.mjs';

// A generated officer of `unitName`, logged in with a changed password (the demo forces a change).
export async function stationOfficer(server, unitName, password = 'Access@2026-east') {
  const username = execSql(server.db, 'SELECT u.username FROM users u JOIN units n ON n.id = u.unit_id '
    + `WHERE n.name = '${unitName}' AND u.username LIKE 'p%' ORDER BY u.id LIMIT 1`).trim();
  assert.ok(username, `a generated officer of ${unitName}`);
  const c = await loggedIn(server, username);
  const changed = await c.put('/session/password', { old_password: DEMO_PASSWORD, new_password: password });
  assert.ok(changed.status === 200 || changed.status === 204, `password change ${changed.status} ${changed.text}`);
  return loggedIn(server, username, password);
}

// Asserts that none of `secrets` occurs in the reply's body (text, JSON or PDF bytes).
export function assertNoLeak(res, secrets, what = 'reply') {
  const text = res.bytes ? res.bytes.toString('latin1') + res.text : res.text;
  for (const s of secrets) assert.ok(!text.includes(s), `${what} leaked ${s}: ${res.status} ${res.text.slice(0, 300)}`);
}
