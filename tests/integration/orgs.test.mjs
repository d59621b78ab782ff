// Organisations outside the police and their accounts (issue 16, ADR 0051; docs/api/orgs.md) through the real
// server: the system administrator registers a courier company with its administrator and an outlet; bad input
// names the field; the company's administrator opens the outlet administrator's account, who opens a clerk's;
// the session names the organisation; an organisation's administrator cannot touch another organisation's staff;
// a suspended organisation's accounts are logged out; every change is in the organisation's history.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, loggedIn } from './lib/server.mjs';
import { expectError, expectStatus } from './lib/expect.mjs';

const NEW_PASSWORD = 'Orgs@2026-first';
let server;
let sysadmin;
let bureauId;
let company;     // 示范速递有限公司 with its administrator
let outlet;      // its 城关 outlet

// The account must change its initial password first; then it logs in with the new one.
async function firstLogin(username, initial) {
  const c = server.client();
  expectStatus(await c.login(username, initial), 200);
  expectStatus(await c.put('/session/password', { old_password: initial, new_password: NEW_PASSWORD }), 204);
  return loggedIn(server, username, NEW_PASSWORD);
}

before(async () => {
  server = await startServer('orgs');
  sysadmin = await loggedIn(server, 'sysadmin');
  const units = expectStatus(await sysadmin.get('/units'), 200).items;
  bureauId = units.find((u) => u.kind === 'bureau').id;
  company = expectStatus(await sysadmin.post('/orgs', {
    kind: 'courier_company', name: '示范速递有限公司', code: '91519901MA6CX00174', supervisor_unit_id: bureauId,
    contact_name: '周经理', contact_phone: '13900007777',
    admin: { username: 'sdadmin', name: '周经理', phone: '13900007777' },
  }), 201);
  const station = units.find((u) => u.name === '城关派出所').id;
  outlet = expectStatus(await sysadmin.post('/orgs', {
    kind: 'courier_outlet', name: '示范速递城关网点', code: 'D2143569-X', parent_id: company.organisation.id,
    supervisor_unit_id: station, contact_name: '吴店长', contact_phone: '0838-2212345',
  }), 201).organisation;
});
after(async () => { await server?.cleanup(); });

test('the demo county has its procuratorate, court and departments, listed with their kinds', async () => {
  const r = expectStatus(await sysadmin.get('/orgs?page_size=50'), 200);
  const names = r.items.map((o) => o.name);
  for (const n of ['示范县人民检察院', '示范县人民法院', '示范县城市管理局', '示范县市场监督管理局']) assert.ok(names.includes(n), n);
  assert.deepEqual(r.kinds.map((k) => k.kind), ['procuratorate', 'court', 'department', 'courier_company', 'courier_outlet']);
  const courts = expectStatus(await sysadmin.get('/orgs?kind=court'), 200);
  assert.equal(courts.total, 1);
  assert.match(courts.items[0].contact_phone, /\*/, 'the contact phone is masked in lists');
});

test('the company and its first administrator were created; the outlet belongs to it', async () => {
  assert.equal(company.organisation.staff, 1);
  assert.equal(company.admin.user.roles[0], 'courier_company');
  assert.match(company.admin.user.account_no, /^\d{6}$/);
  assert.equal(outlet.parent_name, '示范速递有限公司');
  assert.equal(outlet.code, 'D2143569X');
});

test('bad input names the field', async () => {
  const bad = await sysadmin.post('/orgs', {
    kind: 'courier_outlet', name: '坏', code: '91519901MA6CX00175', supervisor_unit_id: bureauId,
    contact_name: '李4', contact_phone: '123', admin: { username: 'A!', name: '张三', phone: '1' },
  });
  expectError(bad, 400, 'invalid_argument', { 'admin.username': true, 'admin.phone': true });
  const bad2 = await sysadmin.post('/orgs', {
    kind: 'courier_outlet', name: '坏网点', code: '91519901MA6CX00175', supervisor_unit_id: bureauId,
    contact_name: '李4', contact_phone: '123',
  });
  expectError(bad2, 400, 'invalid_argument', {
    code: 'bad_check_character', parent_id: 'required', contact_name: 'bad_person_name', contact_phone: 'bad_phone',
  });
  expectError(await sysadmin.post('/orgs', {
    kind: 'court', name: '重复法院', code: '115199010088020241', supervisor_unit_id: bureauId,
    contact_name: '李四', contact_phone: '13900001234',
  }), 400, 'invalid_argument', { code: 'duplicate' });
  expectError(await sysadmin.post('/orgs', { kind: 'bank' }), 400, 'invalid_argument', { name: 'required', code: 'required' });
});

test('a company administrator opens its outlet administrator; that one opens a clerk; others are refused', async () => {
  const companyAdmin = await firstLogin('sdadmin', company.admin.initial_password);
  const session = expectStatus(await companyAdmin.get('/session'), 200);
  assert.equal(session.user.org_name, '示范速递有限公司');
  assert.equal(session.user.org_kind, 'courier_company');
  const mine = expectStatus(await companyAdmin.get('/my-org'), 200);
  assert.deepEqual(mine.organisations.map((o) => o.name), ['示范速递有限公司', '示范速递城关网点']);
  const oa = expectStatus(await companyAdmin.post('/my-org/staff', {
    org_id: outlet.id, username: 'cgadmin', name: '吴店长', phone: '13900008888', role: 'outlet_admin',
  }), 201);
  const outletAdmin = await firstLogin('cgadmin', oa.initial_password);
  // Its own administrator role it may not give; a clerk it may.
  expectError(await outletAdmin.post('/my-org/staff', {
    username: 'cgadmin2', name: '吴二', phone: '13900008889', role: 'outlet_admin',
  }), 400, 'invalid_argument', { role: 'not_allowed' });
  expectError(await outletAdmin.post('/my-org/staff', {
    username: 'bad name', name: '吴2', phone: '139', role: 'outlet_clerk',
  }), 400, 'invalid_argument', { username: 'bad_format', name: 'bad_person_name', phone: true });
  const clerk = expectStatus(await outletAdmin.post('/my-org/staff', {
    username: 'cgclerk', name: '郑收寄', phone: '13900008890', role: 'outlet_clerk',
  }), 201);
  assert.equal(clerk.user.org_name, '示范速递城关网点');
  const staff = expectStatus(await outletAdmin.get('/my-org/staff'), 200);
  assert.deepEqual(staff.items.map((u) => u.username).sort(), ['cgadmin', 'cgclerk']);

  // Another organisation's staff: the procurator (sysadmin's demo account) is nobody it can see or touch.
  const procurator = (expectStatus(await sysadmin.get('/orgs?kind=procuratorate'), 200)).items[0];
  const their = expectStatus(await sysadmin.get(`/orgs/${procurator.id}/staff`), 200).items[0];
  for (const verb of ['disable', 'enable', 'reset-password'])
    expectError(await outletAdmin.post(`/my-org/staff/${their.id}/${verb}`, {}), 404, 'not_found');
  expectError(await outletAdmin.get(`/my-org/staff?org_id=${procurator.id}`), 400, 'invalid_argument', { org_id: 'not_found' });
  expectError(await outletAdmin.post('/my-org/staff', {
    org_id: procurator.id, username: 'intruder', name: '王入侵', phone: '13900008891', role: 'procurator',
  }), 404, 'not_found');
  // Nor itself, nor the police lists.
  expectError(await outletAdmin.post(`/my-org/staff/${oa.user.id}/disable`, {}), 400, 'invalid_argument', { id: 'own_account' });
  expectError(await outletAdmin.get('/orgs'), 403, 'permission_denied');
  expectError(await outletAdmin.get('/users'), 403, 'permission_denied');

  // The company administrator disables the clerk: the clerk's session ends.
  const clerkClient = await firstLogin('cgclerk', clerk.initial_password);
  expectStatus(await clerkClient.get('/session'), 200);
  const off = expectStatus(await companyAdmin.post(`/my-org/staff/${clerk.user.id}/disable`, {}), 200);
  assert.equal(off.status, 'disabled');
  expectError(await clerkClient.get('/session'), 401);
  const reset = expectStatus(await outletAdmin.post(`/my-org/staff/${clerk.user.id}/reset-password`, {}), 200);
  assert.equal(typeof reset.initial_password, 'string');
});

test('police accounts do not list external staff, and cannot use an organisation administrator\'s routes', async () => {
  const users = expectStatus(await sysadmin.get('/users?q=procurator'), 200);
  assert.equal(users.total, 0, 'the police user list leaves external accounts out');
  const officer = await loggedIn(server, 'officer');
  expectError(await officer.get('/my-org'), 403, 'permission_denied');
  expectError(await officer.get('/orgs'), 403, 'permission_denied');
});

test('suspending an organisation logs its accounts out; the history keeps every change', async () => {
  const procurator = await loggedIn(server, 'procurator');
  const s = expectStatus(await procurator.get('/session'), 200);
  assert.equal(s.user.org_name, '示范县人民检察院');
  const org = s.user.org_id;
  expectStatus(await sysadmin.put(`/orgs/${org}`, {
    name: '示范县人民检察院', supervisor_unit_id: bureauId, contact_name: '林清源', contact_phone: '0838-2210199',
  }), 200);
  expectStatus(await sysadmin.post(`/orgs/${org}/suspend`, {}), 200);
  expectError(await procurator.get('/session'), 401);
  expectError(await server.client().login('procurator'), 401);
  expectError(await sysadmin.post(`/orgs/${org}/suspend`, {}), 400, 'invalid_argument', { status: 'not_active' });
  expectStatus(await sysadmin.post(`/orgs/${org}/activate`, {}), 200);
  expectStatus(await server.client().login('procurator'), 200);
  const detail = expectStatus(await sysadmin.get(`/orgs/${org}`), 200);
  assert.deepEqual(detail.history.map((h) => h.change), ['created', 'updated', 'suspended', 'activated']);
  assert.deepEqual(Object.keys(detail.history[1].after), ['contact_phone']);
  assert.equal(detail.history[2].by, '周建国');
});
