// The deadline engine's two front ends on the real binary: `jingwu deadlines compute` (stdin → stdout, exit 0 / 2
// / 1) and POST /api/v1/deadlines/compute, both run against every scenario of
// src/modules/cases/deadlines/testdata (format in its README.md) and checked the way deadline_scenarios_test.cpp
// checks the engine: every expected clock present with each expected attribute, no clock more, or the error on
// the named field. The HTTP reply must equal the command's output. Then bad input, permission and audit.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { startServer, loggedIn, JINGWU_BIN, REPO_ROOT } from './lib/server.mjs';
import { expectError, expectStatus } from './lib/expect.mjs';

const TESTDATA = path.join(REPO_ROOT, 'src', 'modules', 'cases', 'deadlines', 'testdata');

// ---- the scenario files, read as deadline_scenarios_test.cpp reads them ----

function loadScenarios() {
  const files = fs.readdirSync(TESTDATA).filter((f) => f.endsWith('.txt')).sort();
  const all = [];
  for (const file of files) {
    let cur = null;
    fs.readFileSync(path.join(TESTDATA, file), 'utf8').split('\n').forEach((raw, i) => {
      const line = raw.replace(/\r$/, '');
      const hash = line.indexOf('#');
      const body = hash < 0 ? line : line.slice(0, hash);
      const words = body.split(/\s+/).filter(Boolean);
      if (words.length === 0) return;
      const where = `${file}:${i + 1}`;
      const attrs = (from) => Object.fromEntries(words.slice(from).map((w) => {
        const eq = w.indexOf('=');
        if (eq < 0) throw new Error(`${where}: expected key=value, got ${w}`);
        return [w.slice(0, eq), w.slice(eq + 1)];
      }));
      const head = words[0];
      if (head === 'scenario:') {
        cur = { where, title: body.slice(body.indexOf(':') + 1).trim(), case_type: '', law: 'auto', today: '',
          events: [], clocks: [], error: '' };
        all.push(cur);
        return;
      }
      if (!cur) throw new Error(`${where}: text before the first scenario:`);
      if (head === 'case_type:' && words.length === 2) cur.case_type = words[1];
      else if (head === 'law:' && words.length === 2) cur.law = words[1];
      else if (head === 'today:' && words.length === 2) cur.today = words[1];
      else if (head === 'event:' && words.length >= 3) {
        const e = { date: words[1], kind: words[2] };
        for (const [k, v] of Object.entries(attrs(3))) {
          if (k === 'key') e.key = v;
          else if (k === 'days' || k === 'months') e[k] = Number.parseInt(v, 10);
          else if (k === 'reason') e.reason = v;
          else throw new Error(`${where}: unknown event attribute ${k}`);
        }
        cur.events.push(e);
      } else if (head === 'expect:' && words.length >= 2) cur.clocks.push({ key: words[1], attrs: attrs(2), where });
      else if (head === 'error:' && words.length === 2) cur.error = words[1];
      else throw new Error(`${where}: cannot read: ${line}`);
    });
  }
  return all;
}

// The request of a scenario. Even scenarios spell events the contract's first way ("type", "at"), odd ones the
// other ("kind", "date"): both spellings run over the whole suite, and an error names the field as spelled.
function requestOf(s, n) {
  const short = n % 2 === 0;
  const events = s.events.map((e) => {
    const out = short ? { type: e.kind, at: e.date } : { kind: e.kind, date: e.date };
    for (const k of ['key', 'days', 'months', 'reason']) if (e[k] !== undefined) out[k] = e[k];
    return out;
  });
  const expectedError = short ? s.error.replace(/\.kind$/, '.type').replace(/\.date$/, '.at') : s.error;
  return { request: { case_type: s.case_type, law: s.law, events, now: s.today }, expectedError };
}

// A clock attribute in the scenario vocabulary, read from the JSON clock (as Actual() in the C++ test).
function actual(c, attr) {
  const next = c.next_extension;
  switch (attr) {
    case 'due': return c.deadline;
    case 'state': return c.status;
    case 'start': return c.start;
    case 'end': return c.end === null ? '-' : c.end;
    case 'days_left': return String(c.days_left);
    case 'paused': return String(c.paused_days);
    case 'extensions': return String(c.extensions.length);
    case 'length': return `${c.length}${c.unit}`;
    case 'holiday_extended': return c.holiday_extended ? 'yes' : 'no';
    case 'liberty': return c.liberty_restricting ? 'yes' : 'no';
    case 'request_by': return next ? next.request_by : '-';
    case 'next_extension': return next ? `${next.length}${next.unit}` : '-';
    case 'approver': return next ? next.approver : '-';
    case 'next_basis': return next ? next.basis : '-';
    case 'last_extension_basis': return c.extensions.length ? c.extensions.at(-1).basis : '-';
    case 'warnings': return String(c.warnings.length);
    case 'stops': return String(c.stops.length);
    case 'basis': return c.basis;
    default: return `<unknown attribute ${attr}>`;
  }
}

const dump = (clocks) => clocks.map((c) => `  ${c.key} start=${c.start} due=${c.deadline} state=${c.status} ` +
  `days_left=${c.days_left} extensions=${c.extensions.length}`).join('\n');

function checkClocks(s, reply) {
  assert.ok(Array.isArray(reply.clocks), `no clocks in ${JSON.stringify(reply).slice(0, 300)}`);
  const got = reply.clocks;
  assert.equal(got.length, s.clocks.length, `clock count; computed:\n${dump(got)}`);
  for (const want of s.clocks) {
    const c = got.find((x) => x.key === want.key);
    assert.ok(c, `${want.where}: no clock ${want.key}; computed:\n${dump(got)}`);
    for (const [attr, value] of Object.entries(want.attrs)) {
      assert.equal(actual(c, attr), value, `${want.where}: ${want.key}.${attr}\n${dump([c])}`);
    }
  }
}

// ---- the command ----

function compute(input) {
  const r = spawnSync(JINGWU_BIN, ['deadlines', 'compute'], { input, encoding: 'utf8', timeout: 30_000 });
  if (r.error) throw r.error;
  let json = null;
  try { json = JSON.parse(r.stdout); } catch { /* asserted by the caller */ }
  return { code: r.status, stdout: r.stdout, stderr: r.stderr, json };
}

// Exit 2, one error document on stdout naming every field in `fields`, nothing else anywhere.
function expectCliError(r, fields) {
  assert.equal(r.code, 2, `exit code; stdout ${r.stdout.slice(0, 300)} stderr ${r.stderr.slice(0, 300)}`);
  assert.ok(r.json, `stdout is not one JSON document: ${r.stdout.slice(0, 300)}`);
  assert.deepEqual(Object.keys(r.json).sort(), ['code', 'fields', 'message'], r.stdout);
  assert.equal(r.json.code, 'invalid_argument');
  assert.ok(typeof r.json.message === 'string' && r.json.message.length > 0);
  for (const f of fields) assert.ok(f in r.json.fields, `fields.${f} missing: ${JSON.stringify(r.json.fields)}`);
  assert.equal(r.stderr, '');
  return r.json;
}

const scenarios = loadScenarios();
let server;
let officer;
before(async () => {
  server = await startServer('deadlines');
  officer = await loggedIn(server, 'officer');
});
after(async () => { await server?.cleanup(); });

test('the scenario files are all read (issue 4 asks for at least 40)', () => {
  assert.ok(scenarios.length >= 40, `${scenarios.length} scenarios`);
  assert.ok(scenarios.some((s) => s.error) && scenarios.some((s) => !s.error));
});

test('`jingwu deadlines compute` and POST /deadlines/compute give every scenario\'s expected clocks or error',
  async () => {
    let checked = 0;
    for (const [n, s] of scenarios.entries()) {
      const { request, expectedError } = requestOf(s, n);
      const cli = compute(JSON.stringify(request));
      const res = await officer.post('/deadlines/compute', request);
      try {
        assert.ok(s.clocks.length > 0 || s.error, 'scenario expects nothing');
        if (expectedError) {
          const body = expectCliError(cli, [expectedError]);
          const http = expectError(res, 400, 'invalid_argument', { [expectedError]: true });
          assert.deepEqual(http.fields, body.fields);
          assert.equal(http.message, body.message);
        } else {
          assert.equal(cli.code, 0, `exit code; stdout ${cli.stdout.slice(0, 400)}`);
          assert.equal(cli.stderr, '');
          assert.ok(cli.json, `stdout is not one JSON document: ${cli.stdout.slice(0, 300)}`);
          checkClocks(s, cli.json);
          assert.deepEqual(expectStatus(res, 200), cli.json, 'the HTTP reply equals the command\'s output');
        }
      } catch (e) {
        e.message = `${s.where} ${s.title}\n${e.message}`;
        throw e;
      }
      checked += 1;
    }
    assert.equal(checked, scenarios.length);
  });

// ---- bad input: the same named fields from both ----

const good = { case_type: 'administrative', law: '2025', events: [{ type: 'filed', at: '2026-01-05' }],
  now: '2026-01-10' };
const badInputs = [
  ['broken JSON', '{"case_type": "administrative", "events": [', ['body']],
  ['not an object', '[1, 2]', ['body']],
  ['empty input', '', ['body']],
  ['unknown case_type', JSON.stringify({ ...good, case_type: 'civil' }), ['case_type']],
  ['a bad date in events[0].at', JSON.stringify({ ...good, events: [{ type: 'filed', at: '2026-02-30' }] }),
    ['events[0].at']],
  ['an unknown event type', JSON.stringify({ ...good, events: [{ type: 'arrested', at: '2026-01-05' }] }),
    ['events[0].type']],
  ['several problems at once', JSON.stringify({ case_type: 'administrative', now: 'soon', colour: 'red',
    events: [{ type: 'filed' }] }), ['now', 'colour', 'events[0].at']],
];

for (const [name, input, fields] of badInputs) {
  test(`${name}: exit 2 and 400, naming ${fields.join(', ')}`, async () => {
    const body = expectCliError(compute(input), fields);
    const res = await officer.request('POST', '/deadlines/compute', { body: input });
    const http = expectError(res, 400, 'invalid_argument', Object.fromEntries(fields.map((f) => [f, true])));
    assert.deepEqual(http.fields, body.fields);
  });
}

test('a good request: exit 0, the clocks on stdout, nothing on stderr; today defaults to the China date', () => {
  const r = compute(JSON.stringify(good));
  assert.equal(r.code, 0, r.stdout);
  assert.equal(r.stderr, '');
  assert.equal(r.json.law, '2025');
  assert.equal(r.json.clocks[0].deadline, '2026-02-04');  // 2025 law art. 118: 30 days from filing
  // Without "now", today is the China date: filed three days ago, the clock has deadline − today days left.
  const chinaDay = (offsetDays) => new Date(Date.now() + 8 * 3600_000 + offsetDays * 86400_000).toISOString().slice(0, 10);
  const d = compute(JSON.stringify({ case_type: 'administrative', law: '2025',
    events: [{ type: 'filed', at: chinaDay(-3) }] }));
  assert.equal(d.code, 0, d.stdout);
  const clock = d.json.clocks[0];
  assert.equal(clock.start, chinaDay(-3), JSON.stringify(clock));
  assert.equal(clock.status, 'running');
  assert.equal(clock.days_left, Math.round((Date.parse(clock.deadline) - Date.parse(chinaDay(0))) / 86400_000),
    JSON.stringify(clock));
});

test('stdin that cannot be read is not invalid input: exit 1, the error JSON on stdout', () => {
  const dir = fs.openSync(REPO_ROOT, 'r');  // read(2) on a directory fails with EISDIR
  try {
    const r = spawnSync(JINGWU_BIN, ['deadlines', 'compute'], { stdio: [dir, 'pipe', 'pipe'], encoding: 'utf8' });
    assert.equal(r.status, 1, r.stdout);
    const body = JSON.parse(r.stdout);
    assert.equal(body.code, 'unavailable');
    assert.deepEqual(body.fields, {});
    assert.equal(r.stderr, '');
  } finally {
    fs.closeSync(dir);
  }
});

test('the route needs case.read and a session; each call is audited without the request', async () => {
  const res = await server.client().post('/deadlines/compute', good);
  expectError(res, 401, 'unauthenticated');
  const admin = await loggedIn(server, 'sysadmin');
  expectError(await admin.post('/deadlines/compute', good), 403, 'permission_denied');
  for (const role of ['legal', 'duty', 'leader']) {
    const c = await loggedIn(server, role);
    assert.equal(expectStatus(await c.post('/deadlines/compute', good), 200).clocks[0].deadline, '2026-02-04', role);
  }
  const marked = { ...good, events: [{ type: 'filed', at: '2026-01-05', key: 'MARK-zhangsan' }] };
  expectStatus(await officer.post('/deadlines/compute', marked), 200);
  const auditor = await loggedIn(server, 'auditadmin');
  const audit = expectStatus(await auditor.get('/audit?action=deadlines.compute&page_size=200'), 200);
  assert.ok(audit.items.some((r) => r.user === 'officer' && r.object === 'deadlines:compute' && r.result === 'ok'),
    JSON.stringify(audit.items.slice(0, 2)));
  assert.ok(audit.items.some((r) => r.result === 'invalid'), 'refused requests are audited too');
  assert.ok(audit.items.some((r) => r.result === 'denied'), 'denied requests are audited too');
  assert.ok(!JSON.stringify(audit.items).includes('MARK-zhangsan'), 'the request is not copied into the audit log');
});
