// Bad input gets a clear 4xx naming the field ({code, message, request_id, fields}), nothing is written,
// and the server stays up (docs/http_api.md conventions; DESIGN.md §5).
import { test, before, after, afterEach } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, loggedIn, findUser, execSql, DEMO_PASSWORD } from './lib/server.mjs';
import { expectError, expectStatus } from './lib/expect.mjs';

const SQL_PAYLOADS = ["'; DROP TABLE users; --", '" OR 1=1 --'];
const SECRET = 'OUTSIDE-WEB-ROOT-SECRET';

let server, sys, sec;
let baseline; // {users, units}
let unitId, bureauId, officer;

const validUser = () => ({ username: 'wang_ceshi', police_no: '770201', name: '王测试', unit_id: unitId, phone: '13912345678' });
const validUnit = () => ({ code: '519901039900', name: '测试派出所', kind: 'station', parent_id: bureauId });

async function counts() {
  const users = expectStatus(await sys.get('/users?page_size=1'), 200).total;
  const units = expectStatus(await sys.get('/units'), 200).items.length;
  return { users, units };
}

before(async () => {
  server = await startServer('bad_input');
  sys = await loggedIn(server, 'sysadmin');
  sec = await loggedIn(server, 'secadmin');
  const units = expectStatus(await sys.get('/units'), 200).items;
  bureauId = units.find((u) => u.kind === 'bureau').id;
  unitId = units.find((u) => u.name === '城关派出所').id;
  officer = await findUser(sys, 'officer');
  baseline = await counts();
});
after(async () => { await server?.cleanup(); });

// After every case: the server is up and no user or unit was written.
afterEach(async () => {
  const h = await fetch(`${server.url}/healthz`);
  assert.equal(h.status, 200, 'GET /healthz after the bad input');
  assert.deepEqual(await counts(), baseline, 'nothing was written');
});

test('malformed JSON is 400 invalid_argument naming the body', async () => {
  for (const body of ['{"username": "abc",', '{username: abc}', 'not json at all', '{"a":1}{"b":2}', '\u0000']) {
    expectError(await sys.request('POST', '/users', { body }), 400, 'invalid_argument');
    const r = await sys.request('POST', '/units', { body });
    const b = expectError(r, 400, 'invalid_argument');
    assert.ok(Object.keys(b.fields).length > 0, `fields names the problem: ${r.text}`);
  }
  const login = await server.client().request('POST', '/session', { body: '{"username":' });
  expectError(login, 400, 'invalid_argument');
});

test('a JSON body that is not an object is 400', async () => {
  for (const body of ['[1,2,3]', '"text"', '42', 'null', '']) {
    expectError(await sys.request('POST', '/users', { body }), 400, 'invalid_argument');
  }
});

test('wrong types are 400 naming each field with must_be_*', async () => {
  const cases = [
    [{ username: 123 }, { username: 'must_be_string' }],
    [{ police_no: 770201 }, { police_no: 'must_be_string' }],
    [{ name: ['王测试'] }, { name: 'must_be_string' }],
    [{ phone: 13912345678 }, { phone: 'must_be_string' }],
    [{ unit_id: String(unitId) }, { unit_id: 'must_be_integer' }],
    [{ unit_id: 1.5 }, { unit_id: 'must_be_integer' }],
    [{ unit_id: true }, { unit_id: 'must_be_integer' }],
    [{ username: { $ne: null } }, { username: 'must_be_string' }],
  ];
  for (const [patch, fields] of cases) {
    expectError(await sys.post('/users', { ...validUser(), ...patch }), 400, 'invalid_argument', fields);
  }
  // Several at once: every field is named.
  const all = await sys.post('/users', { username: 1, police_no: 2, name: 3, unit_id: 'x', phone: 5 });
  expectError(all, 400, 'invalid_argument', {
    username: 'must_be_string', police_no: 'must_be_string', name: 'must_be_string',
    unit_id: 'must_be_integer', phone: 'must_be_string',
  });
  expectError(await sys.post('/units', { ...validUnit(), parent_id: 'bureau' }), 400, 'invalid_argument',
    { parent_id: 'must_be_integer' });
  expectError(await sys.post('/units', { ...validUnit(), name: 42 }), 400, 'invalid_argument',
    { name: 'must_be_string' });
  expectError(await sec.put(`/users/${officer.id}/roles`, { roles: 'officer' }), 400, 'invalid_argument',
    { roles: 'must_be_array' });
  expectError(await server.client().post('/session', { username: 42, password: DEMO_PASSWORD }), 400,
    'invalid_argument', { username: 'must_be_string' });
  expectError(await sec.put('/policy', { min_length: '8', min_classes: 3, max_age_days: 90, history: 5,
    max_failures: 5, lock_minutes: 15, idle_minutes: 30 }), 400, 'invalid_argument', { min_length: 'must_be_integer' });
});

test('missing required fields are 400 naming each with required', async () => {
  const r = await sys.post('/users', {});
  expectError(r, 400, 'invalid_argument', {
    username: 'required', police_no: 'required', name: 'required', unit_id: 'required', phone: 'required',
  });
  const { phone, ...noPhone } = validUser();
  expectError(await sys.post('/users', noPhone), 400, 'invalid_argument', { phone: 'required' });
});

test('unknown fields are 400 unknown_field', async () => {
  expectError(await sys.post('/users', { ...validUser(), is_admin: true }), 400, 'invalid_argument',
    { is_admin: 'unknown_field' });
  expectError(await sys.post('/users', { ...validUser(), roles: ['sys_admin'] }), 400, 'invalid_argument',
    { roles: 'unknown_field' });
  expectError(await sys.post('/units', { ...validUnit(), id: 99 }), 400, 'invalid_argument', { id: 'unknown_field' });
  expectError(await server.client().post('/session', { username: 'officer', password: DEMO_PASSWORD, remember: true }),
    400, 'invalid_argument', { remember: 'unknown_field' });
  expectError(await sec.put(`/users/${officer.id}/roles`, { roles: ['officer'], user_id: 1 }), 400, 'invalid_argument',
    { user_id: 'unknown_field' });
});

test('a body over 1 MiB is 413 payload_too_large', async () => {
  const big = JSON.stringify({ ...validUser(), name: 'a'.repeat(1024 * 1024 + 10) });
  expectError(await sys.request('POST', '/users', { body: big }), 413, 'payload_too_large');
  const bigLogin = JSON.stringify({ username: 'officer', password: 'x'.repeat(1536 * 1024) });
  expectError(await server.client().request('POST', '/session', { body: bigLogin }), 413, 'payload_too_large');
});

test('a text field just over its length limit is 400 naming the field', async () => {
  expectError(await sys.post('/users', { ...validUser(), username: 'a'.repeat(300) }), 400, 'invalid_argument',
    { username: true });
  expectError(await sys.post('/units', { ...validUnit(), name: '所'.repeat(300) }), 400, 'invalid_argument',
    { name: true });
});

test('paging outside its limits is 400 naming page or page_size', async () => {
  expectError(await sys.get('/users?page_size=201'), 400, 'invalid_argument', { page_size: true });
  expectError(await sys.get('/users?page_size=0'), 400, 'invalid_argument', { page_size: true });
  expectError(await sys.get('/users?page=0'), 400, 'invalid_argument', { page: true });
  expectError(await sys.get('/users?page=abc'), 400, 'invalid_argument', { page: true });
  const max = expectStatus(await sys.get('/users?page_size=200'), 200);
  assert.ok(max.items.length <= 200);
});

// Typed URL parameters (src/http/params.hpp, ADR 0025): each bad value of each typed parameter of a sample of
// real endpoints is 400 invalid_argument naming that parameter with the one problem key for its kind.
// Rows: [user, path with the bad value, parameter, problem]. Each group ends with a control the same user may
// send, so a refusal is about the value, not the route or the permission.
const OVERFLOW = '99999999999999999999';
const TYPED_PARAMS = [
  // paging (every list)
  ['sysadmin', '/users?page=12abc', 'page', 'invalid_integer'],
  ['sysadmin', '/users?page=%2B5', 'page', 'invalid_integer'],
  ['sysadmin', '/users?page=%205', 'page', 'invalid_integer'],
  ['sysadmin', '/users?page=1.0', 'page', 'invalid_integer'],
  ['sysadmin', '/users?page=0', 'page', 'out_of_range'],
  ['sysadmin', `/users?page=${OVERFLOW}`, 'page', 'out_of_range'],
  ['sysadmin', '/users?page_size=201', 'page_size', 'out_of_range'],
  ['sysadmin', '/users?page_size=-1', 'page_size', 'out_of_range'],
  // integer ids and enums in a filter
  ['sysadmin', '/users?unit_id=12abc', 'unit_id', 'invalid_integer'],
  ['sysadmin', '/users?unit_id=0x10', 'unit_id', 'invalid_integer'],
  ['sysadmin', '/users?unit_id=0', 'unit_id', 'out_of_range'],
  ['sysadmin', `/users?unit_id=${OVERFLOW}`, 'unit_id', 'out_of_range'],
  ['sysadmin', '/users?status=ACTIVE', 'status', 'invalid_enum'],
  ['sysadmin', '/users?unit_id=1&unit_id=2', 'unit_id', 'repeated'],
  // instants
  ['auditadmin', '/audit?from=yesterday', 'from', 'invalid_time'],
  ['auditadmin', `/audit?to=${encodeURIComponent('2026-02-30T00:00:00Z')}`, 'to', 'invalid_time'],
  ['auditadmin', '/audit/export.csv?from=1767225600', 'from', 'invalid_time'],
  // booleans
  ['officer', '/notifications?unread=yes', 'unread', 'invalid_boolean'],
  // alerts: enums, id, instants, path id
  ['leader', '/alerts?colour=purple', 'colour', 'invalid_enum'],
  ['leader', '/alerts?state=Open', 'state', 'invalid_enum'],
  ['leader', '/alerts?unit_id=12abc', 'unit_id', 'invalid_integer'],
  ['leader', '/alerts?from=2026-13-01', 'from', 'invalid_time'],
  ['leader', '/alerts/stats?to=tomorrow', 'to', 'invalid_time'],
  ['leader', '/alerts/12abc', 'id', 'invalid_integer'],
  ['leader', '/alerts/0', 'id', 'out_of_range'],
  // discretion: enums and bounded integers
  ['officer', '/discretion/catalogue?law=1999', 'law', 'invalid_enum'],
  ['officer', '/discretion/catalogue?article=501', 'article', 'out_of_range'],
  ['officer', '/discretion/catalogue?article=43abc', 'article', 'invalid_integer'],
  ['officer', '/discretion/factors?edition_id=%2B1', 'edition_id', 'invalid_integer'],
  ['officer', '/discretion/editions/x1/circumstances', 'id', 'invalid_integer'],
  // cases and supervision
  ['officer', '/cases?unit_id=12abc', 'unit_id', 'invalid_integer'],
  ['officer', '/cases?officer_id=0', 'officer_id', 'out_of_range'],
  ['officer', '/cases?open=yes', 'open', 'invalid_boolean'],
  ['officer', '/cases?case_type=civil', 'case_type', 'invalid_enum'],
  ['officer', '/cases/abc', 'id', 'invalid_integer'],
  ['officer', '/review/problems?open=2', 'open', 'invalid_boolean'],
  ['leader', '/supervision/dashboard?bucket=sideways', 'bucket', 'invalid_enum'],
  ['leader', '/supervision/dashboard?unit_id=1e3', 'unit_id', 'invalid_integer'],
  ['leader', '/supervision/ranking?month=2026-13', 'month', 'invalid_month'],
  // checkpoint: dates, bounded integers, enums, ids
  ['leader', '/checkpoint/stats/hourly?from=2026-13-01', 'from', 'invalid_date'],
  ['leader', '/checkpoint/stats/hourly?to=20260101', 'to', 'invalid_date'],
  ['leader', '/checkpoint/stats/top?limit=12abc', 'limit', 'invalid_integer'],
  ['leader', '/checkpoint/stats/top?limit=101', 'limit', 'out_of_range'],
  ['leader', '/checkpoint/stats/new-plates?lookback_days=%205', 'lookback_days', 'invalid_integer'],
  ['sysadmin', '/checkpoint/devices?kind=camera', 'kind', 'invalid_enum'],
  ['sysadmin', '/checkpoint/devices?unit_id=%2B3', 'unit_id', 'invalid_integer'],
  ['officer', '/checkpoint/watch-orders?status=Active', 'status', 'invalid_enum'],
  ['officer', '/checkpoint/watch-orders?unit_id=-1', 'unit_id', 'out_of_range'],
  ['officer', '/checkpoint/watch-hits?order_id=1.5', 'order_id', 'invalid_integer'],
];
const TYPED_CONTROLS = [
  ['sysadmin', '/users?page=1&page_size=200&unit_id=&status=active'],
  ['auditadmin', `/audit?from=${encodeURIComponent('2026-01-01T00:00:00Z')}&to=${encodeURIComponent('2026-01-02 08:00:00')}`],
  ['auditadmin', '/audit?from=2026-01-01T00:00:00Z&to=2026-01-02T00:00:00Z'], // ':' unescaped, as RFC 3986 allows
  ['officer', '/notifications?unread=1'],
  ['leader', '/alerts?colour=red&state=open&from=2026-01-01&page=007'],
  ['leader', `/alerts/stats?from=${encodeURIComponent('2026-01-01T00:00:00Z')}`],
  ['officer', '/discretion/catalogue?law=2012&article=43'],
  ['officer', '/cases?open=1&case_type=criminal&unit_id='],
  ['officer', '/review/problems?open=true'],
  ['leader', '/supervision/dashboard?bucket=overdue'],
  ['leader', '/supervision/ranking?month=2026-11'],
  ['leader', '/checkpoint/stats/top?from=2026-01-01&to=2026-01-07&limit=100'],
  ['sysadmin', '/checkpoint/devices?kind=tollgate&status=online'],
  ['officer', '/checkpoint/watch-orders?status=active'],
];

test('typed query and path parameters: each bad value is 400 naming the parameter with its problem key', async () => {
  const clients = {};
  const as = async (name) => (clients[name] ??= await loggedIn(server, name));
  for (const [user, path, field, problem] of TYPED_PARAMS) {
    const r = await (await as(user)).get(path);
    const body = expectError(r, 400, 'invalid_argument', { [field]: problem });
    assert.deepEqual(Object.keys(body.fields), [field], `${path}: only ${field} is named`);
  }
  for (const [user, path] of TYPED_CONTROLS) expectStatus(await (await as(user)).get(path), 200);
});

test('SQL metacharacters in every text field of POST /users are 400 naming that field', async () => {
  for (const payload of SQL_PAYLOADS) {
    for (const field of ['username', 'police_no', 'name', 'phone']) {
      const r = await sys.post('/users', { ...validUser(), [field]: payload });
      expectError(r, 400, 'invalid_argument', { [field]: true });
    }
  }
});

test('SQL metacharacters in every text field of POST /units are 400 naming that field', async () => {
  for (const payload of SQL_PAYLOADS) {
    for (const field of ['code', 'name', 'kind']) {
      const r = await sys.post('/units', { ...validUnit(), [field]: payload });
      expectError(r, 400, 'invalid_argument', { [field]: true });
    }
  }
});

test('SQL metacharacters in updates change nothing', async () => {
  for (const payload of SQL_PAYLOADS) {
    const r = await sys.put(`/users/${officer.id}`, { name: payload, unit_id: officer.unit_id, phone: '13912345678' });
    expectError(r, 400, 'invalid_argument', { name: true });
    const u = await sys.put(`/units/${unitId}`, { name: payload, kind: 'station' });
    expectError(u, 400, 'invalid_argument', { name: true });
  }
  const after = await findUser(sys, 'officer');
  assert.equal(after.name, officer.name);
  assert.equal(after.phone, officer.phone);
  const unit = expectStatus(await sys.get('/units'), 200).items.find((x) => x.id === unitId);
  assert.equal(unit.name, '城关派出所');
});

test('SQL metacharacters in searches and logins match nothing and break nothing', async () => {
  for (const payload of SQL_PAYLOADS) {
    const r = expectStatus(await sys.get(`/users?q=${encodeURIComponent(payload)}`), 200);
    assert.equal(r.total, 0, `q=${payload} must match no user`);
    assert.deepEqual(r.items, []);
    expectError(await sys.get(`/users?status=${encodeURIComponent(payload)}`), 400, 'invalid_argument', { status: true });
    expectError(await server.client().login(payload, payload), 401, 'unauthenticated');
    expectError(await server.client().login('officer', payload), 401, 'unauthenticated');
  }
  const aud = await loggedIn(server, 'auditadmin');
  const r = expectStatus(await aud.get(`/audit?user=${encodeURIComponent("' OR '1'='1")}`), 200);
  assert.equal(r.total, 0, 'audit user filter is a bound parameter');
  assert.ok((await findUser(sys, 'officer')), 'users table intact');
});

test('static files are served from the web root, with SPA fallback', async () => {
  const index = await server.rawRequest('GET', '/index.html');
  assert.equal(index.status, 200);
  assert.match(index.text, /INDEX-MARKER/);
  const asset = await server.rawRequest('GET', '/assets/app-1234.js');
  assert.equal(asset.status, 200);
  assert.match(asset.text, /ASSET-MARKER/);
  assert.match(asset.headers['cache-control'] || '', /max-age=\d+/);
  const spa = await server.rawRequest('GET', '/admin/users');
  assert.equal(spa.status, 200);
  assert.match(spa.text, /INDEX-MARKER/);
});

test('../ and %2e%2e/ in static paths are 400 and never serve a file from outside the web root', async () => {
  const must400 = [
    '/../secret.txt',
    '/%2e%2e/secret.txt',
    '/%2E%2E/secret.txt',
    '/assets/../../secret.txt',
    '/assets/%2e%2e/%2e%2e/secret.txt',
    '/..%2fsecret.txt',
    '/%2e%2e%2fsecret.txt',
    '/../../../../../../../../etc/passwd',
    '/%2e%2e/%2e%2e/%2e%2e/%2e%2e/%2e%2e/etc/passwd',
  ];
  for (const p of must400) {
    const r = await server.rawRequest('GET', p);
    assert.equal(r.status, 400, `GET ${p} → ${r.status} ${r.text.slice(0, 120)}`);
    assert.ok(!r.text.includes(SECRET) && !/root:.*:0:0:/.test(r.text), `GET ${p} leaked a file`);
    expectError(r, 400, 'invalid_argument');
  }
  const neverLeak = ['/..\\secret.txt', '/%5c..%5csecret.txt', '/%252e%252e/secret.txt', '/.%2e/secret.txt',
    '/assets/..;/../secret.txt', '/%c0%ae%c0%ae/secret.txt'];
  for (const p of neverLeak) {
    const r = await server.rawRequest('GET', p);
    assert.ok(r.status === 200 ? /INDEX-MARKER/.test(r.text) : r.status >= 400 && r.status < 500,
      `GET ${p} → ${r.status}`);
    assert.ok(!r.text.includes(SECRET) && !/root:.*:0:0:/.test(r.text), `GET ${p} leaked a file`);
  }
});

test('an invalid phone number is 400 naming phone', async () => {
  for (const phone of ['12345', '1391234567', '139123456789', '23912345678', '1391234567a', '12912345678', '']) {
    expectError(await sys.post('/users', { ...validUser(), phone }), 400, 'invalid_argument', { phone: true });
  }
  expectError(await sys.put(`/users/${officer.id}`, { name: officer.name, unit_id: officer.unit_id, phone: '12345' }),
    400, 'invalid_argument', { phone: true });
  assert.equal((await findUser(sys, 'officer')).phone, officer.phone, 'phone unchanged');
});

test('a state-changing request without X-CSRF-Token is 403 with fields.csrf = csrf_failed', async () => {
  const missing = await sys.post('/users', validUser(), { csrf: false });
  expectError(missing, 403, undefined, { csrf: 'csrf_failed' });
  const wrong = await sys.post('/users', validUser(), { headers: { 'X-CSRF-Token': 'not-the-token' } });
  expectError(wrong, 403, undefined, { csrf: 'csrf_failed' });
  // Another user's CSRF token does not fit this session.
  const other = await sys.post('/users', validUser(), { headers: { 'X-CSRF-Token': sec.cookie('jw_csrf') } });
  expectError(other, 403, undefined, { csrf: 'csrf_failed' });
  expectError(await sec.put(`/users/${officer.id}/roles`, { roles: ['leader'] }, { csrf: false }), 403, undefined,
    { csrf: 'csrf_failed' });
  assert.deepEqual((await findUser(sys, 'officer')).roles, ['officer'], 'roles unchanged');
  expectError(await sec.post(`/users/${officer.id}/lock`, {}, { csrf: false }), 403, undefined, { csrf: 'csrf_failed' });
  assert.equal((await findUser(sys, 'officer')).status, 'active', 'not locked');
});

test('the CSRF refusal carries code csrf_failed, as the error table says', async () => {
  // docs/http_api.md: "Missing or wrong → 403 `csrf_failed`"; the code table lists csrf_failed as a code.
  expectError(await sys.post('/users', validUser(), { csrf: false }), 403, 'csrf_failed');
});

test('a locked account cannot log in: 423 account_locked; unlocking lets it in again', async () => {
  const custodian = await findUser(sys, 'custodian');
  const locked = expectStatus(await sec.post(`/users/${custodian.id}/lock`, {}), 200); // ADR 0045: the security admin's
  assert.equal(locked.status, 'locked');
  expectError(await server.client().login('custodian', DEMO_PASSWORD), 423, 'account_locked');
  const unlocked = expectStatus(await sec.post(`/users/${custodian.id}/unlock`, {}), 200);
  assert.equal(unlocked.status, 'active');
  expectStatus(await server.client().login('custodian', DEMO_PASSWORD), 200);
});

test('an unknown session cookie is 401 unauthenticated', async () => {
  for (const token of ['0'.repeat(64), 'deadbeef', "' OR '1'='1", 'a'.repeat(5000)]) {
    const c = server.client();
    c.setCookie('jw_session', encodeURIComponent(token));
    c.setCookie('jw_csrf', 'whatever');
    expectError(await c.get('/session'), 401, 'unauthenticated');
    expectError(await c.get('/users'), 401, 'unauthenticated');
    expectError(await c.post('/users', validUser()), 401, 'unauthenticated');
  }
});

test('an expired session (idle longer than the policy allows) is 401 unauthenticated', async () => {
  const leader = await loggedIn(server, 'leader');
  expectStatus(await leader.get('/session'), 200);
  // Age the session in the database past the idle limit, and restart so nothing is remembered in memory.
  assert.equal((await server.stop()).code, 0);
  execSql(server.db, "UPDATE sessions SET last_seen = last_seen - 7200, created_at = created_at - 7200 " +
    "WHERE user_id = (SELECT id FROM users WHERE username = 'leader')");
  await server.start();
  for (const c of [leader, sys, sec]) c.base = server.url;
  expectError(await leader.get('/session'), 401, 'unauthenticated');
  expectError(await leader.get('/notifications'), 401, 'unauthenticated');
  expectStatus(await sys.get('/session'), 200); // other sessions are untouched
});

test('control: the same bodies with valid values are accepted', async () => {
  // Proves the refusals above were about the bad values. Resets the baseline for the afterEach check.
  expectStatus(await sys.post('/users', validUser()), 201);
  expectStatus(await sys.post('/units', validUnit()), 201);
  baseline = { users: baseline.users + 1, units: baseline.units + 1 };
});
