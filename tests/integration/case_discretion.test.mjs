// The discretion calculator from a case (issue 13; docs/http_api.md § Cases, "Discretion from a case"): the
// case's facts for the calculator (dates, the suspect's age from the ID number, the cause's articles), the
// decision calculated for the case, and recording it only as the server recomputes it; the penalty locked from
// legal review on; a fine of any whole amount.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, loggedIn } from './lib/server.mjs';
import { expectError, expectStatus } from './lib/expect.mjs';

let server;
let officer;
before(async () => {
  server = await startServer('case_discretion');
  officer = await loggedIn(server, 'officer');
});
after(async () => { await server?.cleanup(); });

// A GB 11643 number for a birth date (ISO 7064 MOD 11-2 check character).
function residentId(birth, seq = '123') {
  const body = `110105${birth.replaceAll('-', '')}${seq}`;
  const w = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = [...body].reduce((s, d, i) => s + Number(d) * w[i], 0);
  return body + '10X98765432'[sum % 11];
}

const chinaDate = (ms) => new Date(ms + 8 * 3600_000).toISOString().slice(0, 10);
const OCCURRED = Date.now() - 2 * 86400_000;
const SUSPECT_BIRTH = '1990-06-15';
const SUSPECT_ID = residentId(SUSPECT_BIRTH);

const act = (c, id, action, version, extra = {}) => c.post(`/cases/${id}/events`, { action, expected_version: version, ...extra });

// An administrative 殴打他人 case (2025 text) in investigation, with a suspect by ID number and one without.
async function caseInInvestigation() {
  const k = expectStatus(await officer.post('/cases', {
    case_type: 'administrative', law: '2025', cause: '殴打他人', source: 'call_110',
    occurred_at: new Date(OCCURRED).toISOString().replace(/\.\d+Z$/, 'Z'),
    place: { address: '示范县城关镇人民路12号' }, facts: '嫌疑人在人民路殴打报警人。',
    people: [
      { role: 'reporter', name: '张三', id_type: 'none' },
      { role: 'suspect', name: '李四海', id_type: 'resident_id', id_number: SUSPECT_ID },
      { role: 'suspect', name: '王五', id_type: 'passport', id_number: 'E12345678' },
      { role: 'witness', name: '赵六', id_type: 'none' },
    ],
  }), 201);
  let v = expectStatus(await act(officer, k.id, 'file', k.version), 201).case.version;
  v = expectStatus(await act(officer, k.id, 'start_investigation', v), 201).case.version;
  const c = expectStatus(await officer.get(`/cases/${k.id}`), 200);
  assert.equal(c.version, v);
  const byName = (n) => c.people.find((p) => p.name === n).id;  // names come masked
  return { id: k.id, case_no: k.case_no, version: v, suspect: byName('李**'), foreigner: byName('王*'), witness: byName('赵*') };
}

const request = (k, extra = {}) => ({
  law: 'auto',
  act_end_date: chinaDate(OCCURRED),
  decision_date: chinaDate(Date.now()),
  // first_violation and prior_restraint_days come from the case (daywork.test.mjs tests them).
  offender: { pregnant: false, nursing_infant: false, mental_capacity: 'full', blind_or_deaf_mute: false },
  violations: [{ tier: { law: '2025', article: 51, paragraph: 1, kind: 'base' }, factors: [], mitigation: 'lighten' }],
  ...extra,
});

// Age in full years on `on` (周岁 complete from the day after the birthday, as the engine counts).
function ageOn(birth, on) {
  const [by, bm, bd] = birth.split('-').map(Number);
  const [y, m, d] = on.split('-').map(Number);
  return y - by - (m < bm || (m === bm && d <= bd) ? 1 : 0);
}

test('the calculator opens with the case: dates, the suspects with their age, the cause\'s articles, no ID numbers', async () => {
  const k = await caseInInvestigation();
  const res = await officer.get(`/cases/${k.id}/discretion`);
  const p = expectStatus(res, 200);
  assert.equal(p.case_no, k.case_no);
  assert.equal(p.act_end_date, chinaDate(OCCURRED));
  assert.equal(p.decision_date, chinaDate(Date.now()));
  assert.equal(p.penalty_open, true);
  assert.deepEqual(p.offenders.map((o) => o.person_id).sort(), [k.suspect, k.foreigner].sort());
  const suspect = p.offenders.find((o) => o.person_id === k.suspect);
  assert.equal(suspect.name, '李**');
  assert.equal(suspect.age_at_act, ageOn(SUSPECT_BIRTH, chinaDate(OCCURRED)));
  assert.equal(suspect.needs_birth_date, false);
  assert.equal(p.offenders.find((o) => o.person_id === k.foreigner).needs_birth_date, true);
  // 殴打他人 is 治安管理处罚法（2025）§51¶1 (the case's text); the base tier comes first.
  assert.ok(p.candidates.length >= 1);
  assert.ok(p.candidates.every((c) => c.law === '2025'));
  assert.deepEqual([p.candidates[0].article, p.candidates[0].paragraph, p.candidates[0].kind], [51, 1, 'base']);
  // Neither the ID number nor the birth date it states is sent.
  assert.ok(!res.text.includes(SUSPECT_ID) && !res.text.includes(SUSPECT_BIRTH) && !res.text.includes('李四海'));
});

test('the decision is calculated for a suspect of the case, the birth date taken from the ID number', async () => {
  const k = await caseInInvestigation();
  // A birth date sent for a person whose ID states one is overridden by the record (a 14-year-old would be exempt).
  const req = request(k, {});
  req.offender.birth_date = '2012-01-01';
  const d = expectStatus(await officer.post(`/cases/${k.id}/discretion/decide`, { person_id: k.suspect, request: req }), 200);
  assert.ok(d.combined.fine_yuan >= 500 && d.combined.fine_yuan <= 1000, `fine ${d.combined.fine_yuan}`);
  assert.ok(d.combined.detention_days >= 5, `detention ${d.combined.detention_days}`);
  assert.ok(d.edition.code);

  expectError(await officer.post(`/cases/${k.id}/discretion/decide`, { person_id: k.witness, request: request(k) }),
    400, 'invalid_argument', { person_id: 'not_an_offender' });
  expectError(await officer.post(`/cases/${k.id}/discretion/decide`, { person_id: k.foreigner, request: request(k) }),
    400, 'invalid_argument', { 'offender.birth_date': 'no_birth_date' });
  const withBirth = request(k);
  withBirth.offender.birth_date = '1985-03-01';
  expectStatus(await officer.post(`/cases/${k.id}/discretion/decide`, { person_id: k.foreigner, request: withBirth }), 200);
  expectError(await officer.post(`/cases/${k.id}/discretion/decide`,
    { person_id: k.suspect, request: request(k, { edition_id: 987654 }) }), 400, 'invalid_argument', { edition_id: 'not_current_edition' });
});

test('recording: only the server\'s recomputation is stored; a tampered decision is refused; the client source is closed', async () => {
  const k = await caseInInvestigation();
  const req = request(k);
  const d = expectStatus(await officer.post(`/cases/${k.id}/discretion/decide`, { person_id: k.suspect, request: req }), 200);

  const tampered = structuredClone(d);
  tampered.combined.fine_yuan = 1;
  const refused = expectError(await officer.put(`/cases/${k.id}/penalty/discretion`,
    { expected_version: k.version, person_id: k.suspect, request: req, decision: tampered }), 409, 'conflict', { decision: 'mismatch' });
  assert.equal(refused.detail, 'decision_changed');
  // The old way of sending a decision is closed.
  expectError(await officer.put(`/cases/${k.id}/penalty`, { expected_version: k.version, source: 'discretion', decision: d }),
    400, 'invalid_argument', { source: 'use_case_calculation' });

  const saved = expectStatus(await officer.put(`/cases/${k.id}/penalty/discretion`,
    { expected_version: k.version, person_id: k.suspect, request: req, decision: d }), 200);
  assert.equal(saved.penalty.source, 'discretion');
  assert.deepEqual(saved.penalty.data.combined, d.combined);
  assert.deepEqual(saved.penalty.data.edition, d.edition);
  assert.equal(saved.penalty.data.person_id, k.suspect);
  assert.equal(saved.penalty.data.request.offender.age_at_act, ageOn(SUSPECT_BIRTH, chinaDate(OCCURRED)));
  assert.equal(saved.penalty.data.request.offender.birth_date, undefined);
  assert.ok(saved.events.some((e) => e.action === 'penalty_recorded'));
  // A stale version is refused like any write.
  expectError(await officer.put(`/cases/${k.id}/penalty/discretion`,
    { expected_version: k.version, person_id: k.suspect, request: req, decision: d }), 409, 'conflict');
});

test('the penalty is locked under legal review and after; a fine of 600 is accepted before', async () => {
  const k = await caseInInvestigation();
  const manual = (v, amount) => officer.put(`/cases/${k.id}/penalty`,
    { expected_version: v, source: 'manual', penalty: { kind: 'fine', amount_yuan: amount, text: `罚款${amount}元`, article: 51 } });
  let c = expectStatus(await manual(k.version, 600), 200);
  assert.equal(c.penalty.data.amount_yuan, 600);
  let v = expectStatus(await act(officer, k.id, 'propose_penalty', c.version, { reason: '事实清楚' }), 201).case.version;
  v = expectStatus(await act(officer, k.id, 'submit_review', v), 201).case.version;

  const locked = await officer.put(`/cases/${k.id}/penalty`,
    { expected_version: v, source: 'manual', penalty: { kind: 'fine', amount_yuan: 700, text: '罚款700元', article: 51 } },
    { headers: { 'Accept-Language': 'zh-CN' } });
  const body = expectError(locked, 409, 'conflict', { penalty: 'locked' });
  assert.equal(body.detail, 'penalty_locked_review');
  assert.match(body.message, /法制审核/);
  const p = expectStatus(await officer.get(`/cases/${k.id}/discretion`), 200);
  assert.equal(p.penalty_open, false);
  assert.equal(p.locked_reason, 'penalty_locked_review');
  const d = expectStatus(await officer.post(`/cases/${k.id}/discretion/decide`, { person_id: k.suspect, request: request(k) }), 200);
  expectError(await officer.put(`/cases/${k.id}/penalty/discretion`,
    { expected_version: v, person_id: k.suspect, request: request(k), decision: d }), 409, 'conflict', { penalty: 'locked' });
  c = expectStatus(await officer.get(`/cases/${k.id}`), 200);
  assert.equal(c.penalty.data.amount_yuan, 600);

  // Returned by the reviewer, it opens again.
  const legal = await loggedIn(server, 'legal');
  v = expectStatus(await act(legal, k.id, 'return_review', v, { reason: '请核实罚款金额' }), 201).case.version;
  expectStatus(await manual(v, 650), 200);
});

test('a penalty is refused before the investigation and on a criminal case, each with its own code', async () => {
  const k = expectStatus(await officer.post('/cases', {
    case_type: 'administrative', law: '2025', cause: '盗窃', source: 'walk_in',
    occurred_at: new Date(OCCURRED).toISOString().replace(/\.\d+Z$/, 'Z'),
    place: { address: '示范县城关镇人民路1号' }, facts: '报案称手机被盗。',
    people: [{ role: 'suspect', name: '钱七', id_type: 'resident_id', id_number: residentId('1980-02-02') }],
  }), 201);
  const early = expectError(await officer.put(`/cases/${k.id}/penalty`,
    { expected_version: k.version, source: 'manual', penalty: { kind: 'warning', text: '警告', article: 51 } }), 409, 'conflict', { penalty: 'not_yet' });
  assert.equal(early.detail, 'penalty_not_yet');
  const p = expectStatus(await officer.get(`/cases/${k.id}/discretion`), 200);
  // 盗窃 (2025 text) is §58¶1 among others; every candidate is of the case's text.
  assert.ok(p.candidates.some((c) => c.article === 58 && c.paragraph === 1));
  assert.ok(p.candidates.every((c) => c.law === '2025'));
});
