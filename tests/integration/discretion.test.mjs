// The penalty discretion endpoint through the real server: business roles decide, administrators cannot,
// bad input names the field, and the call is audited.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { startServer, loggedIn, JINGWU_BIN, REPO_ROOT } from './lib/server.mjs';
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

test('the shipped sample is the published edition, recorded in every decision', async () => {
  const c = await loggedIn(server, 'officer');
  const list = expectStatus(await c.get('/discretion/editions'), 200);
  assert.equal(list.items.length >= 1, true);
  const sample = list.items.find((e) => e.code === 'SAMPLE-1');
  assert.ok(sample && sample.status === 'published' && sample.sample, JSON.stringify(list.items));
  assert.equal(list.current_id, sample.id);
  assert.ok(sample.circumstance_count >= 120, 'at least 3 circumstances for each of 40 items');
  const d = expectStatus(await c.post('/discretion/decide', request), 200);
  assert.deepEqual(d.edition, { id: sample.id, code: 'SAMPLE-1', version: 1, content_hash: sample.content_hash,
    sample: true });
  // Officers read editions but do not write them.
  expectError(await c.post('/discretion/editions', { from: sample.id, title: 'x' }), 403, 'permission_denied');
});

test('legal office drafts, a leader publishes; published editions never change; decisions use the new edition',
  async () => {
    const legal = await loggedIn(server, 'legal');
    const leader = await loggedIn(server, 'leader');
    const admin = await loggedIn(server, 'sysadmin');
    const sample = expectStatus(await legal.get('/discretion/editions'), 200).items.find((e) => e.code === 'SAMPLE-1');
    expectError(await admin.get('/discretion/editions'), 403, 'permission_denied');
    expectError(await leader.post('/discretion/editions', { from: sample.id, title: 'x' }), 403, 'permission_denied');

    const draft = expectStatus(await legal.post('/discretion/editions',
      { from: sample.id, code: 'CG-2026', title: '示范县公安局治安管理处罚裁量基准（2026）' }), 201);
    assert.equal(draft.status, 'draft');
    assert.equal(draft.circumstance_count, sample.circumstance_count);
    // 2012 §43¶2: 十日以上十五日以下拘留，并处五百元以上一千元以下罚款 — base 14 days and 600 yuan are inside.
    const circ = { tier: { law: '2012', article: 43, paragraph: 2, kind: 'base' },
      description: '殴打六十周岁以上的人，情节一般', base_detention: 14, base_fine: 600 };
    expectStatus(await legal.put(`/discretion/editions/${draft.id}/circumstances/cg-43-2-a`, circ), 200);
    expectError(await legal.put(`/discretion/editions/${draft.id}/circumstances/cg-43-2-b`,
      { ...circ, base_detention: 16 }), 400, 'invalid_argument', { base_detention: 'outside_tier_range' });
    expectStatus(await legal.put(`/discretion/editions/${draft.id}/factors/2012/aggravate.recent_punishment`,
      { percent: 10 }), 200);
    const page = expectStatus(await legal.get(`/discretion/editions/${draft.id}/circumstances?q=${encodeURIComponent('六十周岁')}`), 200);
    assert.ok(page.items.some((i) => i.id === 'cg-43-2-a' && i.base_detention === 14), JSON.stringify(page));

    // A copy of the sample stays marked as a sample until the legal office declares the content its own.
    assert.equal(draft.sample, true);
    const own = expectStatus(await legal.request('PATCH', `/discretion/editions/${draft.id}`, { json: { sample: false } }), 200);
    assert.equal(own.sample, false);
    expectStatus(await legal.post(`/discretion/editions/${draft.id}/submit`, {}), 200);
    expectError(await legal.post(`/discretion/editions/${draft.id}/publish`, {}), 403, 'permission_denied');
    expectError(await leader.post(`/discretion/editions/${draft.id}/return`, {}), 400, 'invalid_argument',
      { note: 'required' });
    const published = expectStatus(await leader.post(`/discretion/editions/${draft.id}/publish`, {}), 200);
    assert.equal(published.status, 'published');
    assert.match(published.content_hash, /^[0-9a-f]{64}$/);

    // Never changes again, not even for its author.
    expectError(await legal.put(`/discretion/editions/${draft.id}/circumstances/cg-43-2-a`,
      { ...circ, base_detention: 10 }), 409, 'conflict');
    expectError(await legal.put(`/discretion/editions/${sample.id}/factors/2012/aggravate.instigation`,
      { percent: 5 }), 409, 'conflict');

    const officer = await loggedIn(server, 'officer');
    const d = expectStatus(await officer.post('/discretion/decide', {
      ...request, violations: [{ circumstance: 'cg-43-2-a', factors: ['aggravate.recent_punishment'] }] }), 200);
    assert.equal(d.edition.code, 'CG-2026');
    assert.equal(d.edition.content_hash, published.content_hash);
    assert.equal(d.edition.sample, false);
    // 14 days × 1.10 = 15.4 → 15; 600 × 1.10 = 660 (2012 §20(四) 从重 with this edition's 10 %).
    assert.equal(d.violations[0].detention_days, 15);
    assert.equal(d.violations[0].fine_yuan, 660);
    // The sample is still there by id and still gives its own answer (⌊(10+15)/2⌋ = 12 days).
    const old = expectStatus(await officer.post('/discretion/decide', { ...request, edition_id: sample.id }), 200);
    assert.equal(old.edition.code, 'SAMPLE-1');
    assert.equal(old.violations[0].detention_days, 12);
    // The public page shows the published edition without login.
    const pub = expectStatus(await server.client().get('/discretion/public/edition?page_size=5'), 200);
    assert.equal(pub.edition.code, 'CG-2026');
    assert.equal(pub.items.length, 5);
  });

test('catalogue and factor reads search the clause text', async () => {
  const c = await loggedIn(server, 'officer');
  const byArticle = expectStatus(await c.get('/discretion/catalogue?law=2012&article=43'), 200);
  assert.ok(byArticle.items.length >= 2);
  assert.ok(byArticle.items.every((t) => t.article === 43 && t.law === '2012'));
  assert.ok(byArticle.items.some((t) => t.clause.includes('十日以上十五日以下拘留')));
  const words = expectStatus(await c.get(`/discretion/catalogue?q=${encodeURIComponent('殴打')}&page_size=200`), 200);
  assert.ok(words.total >= 2 && words.items.every((t) => t.clause.includes('殴打') || t.citation.includes('殴打')));
  expectError(await c.get('/discretion/catalogue?law=1999'), 400, 'invalid_argument', { law: 'invalid_enum' });
  const factors = expectStatus(await c.get('/discretion/factors?law=2025'), 200);
  const admit = factors.items.find((f) => f.code === 'lenient.admit_and_accept');
  assert.ok(admit && admit.article === 21, '2025 §21 认错认罚');
});

test('documents come as print HTML and as PDF', async () => {
  const c = await loggedIn(server, 'officer');
  const body = { request, facts: { case_no: '示公（城关）行案〔2025〕88号', authority: '示范县公安局', offender_name: '张三',
    gender: '男', id_document: '居民身份证 519901199005010011', address: '示范县城关镇', facts: '张三殴打李四。',
    evidence: ['询问笔录'], reconsideration_body: '示范县人民政府', court: '示范县人民法院' },
  number: { scheme: '示公(城关)行罚决字〔{year}〕{seq}号', seq: 12 } };
  const html = await c.post('/discretion/documents/decision?format=html', body);
  assert.equal(html.status, 200, html.text.slice(0, 300));
  assert.match(html.headers.get('content-type'), /text\/html/);
  assert.ok(html.text.includes('行政处罚决定书') && html.text.includes('示公(城关)行罚决字〔2025〕12号'));
  const pdf = await c.post('/discretion/documents/approval_report?format=pdf', body);
  assert.equal(pdf.status, 200);
  assert.equal(pdf.headers.get('content-type'), 'application/pdf');
  assert.equal(pdf.bytes.subarray(0, 5).toString(), '%PDF-');
  expectError(await c.post('/discretion/documents/decision?format=html', { ...body, facts: {} }), 400,
    'invalid_argument', { 'facts.offender_name': 'required' });
});

// Aggravating paragraphs as data (ADR 0022): the cases of src/modules/discretion/testdata/cases/065–101 through
// the server and through `jingwu discretion decide`, which must give the same decision (the server records the
// stored SAMPLE-1 edition's database id, the command line the compiled-in one: id 0).
const CASES = path.join(REPO_ROOT, 'src/modules/discretion/testdata/cases');
const aggravationCases = fs.readdirSync(CASES).filter((f) => /^(0(6[5-9]|[7-9]\d)|10\d)_.*\.json$/.test(f)).sort();

function cliDecide(request) {
  const r = spawnSync(JINGWU_BIN, ['discretion', 'decide'], { input: JSON.stringify(request), encoding: 'utf8',
    timeout: 30_000 });
  return { code: r.status, body: JSON.parse(r.stdout) };
}

test('facts entered raise 2012 §43¶1 to §43¶2(二) for a victim of 60, and the trace says which fact', async () => {
  const c = await loggedIn(server, 'officer');
  const facts = { victims: [{ birth_date: '1965-11-02' }] }; // 60 on 2025-11-03, the day after the birthday
  const d = expectStatus(await c.post('/discretion/decide', { ...request,
    violations: [{ tier: { law: '2012', article: 43, paragraph: 1, kind: 'base' }, factors: [], facts }] }), 200);
  const v = d.violations[0];
  assert.deepEqual(v.tier, { law: '2012', article: 43, paragraph: 2, kind: 'base' });
  assert.deepEqual(v.requested_tier, { law: '2012', article: 43, paragraph: 1, kind: 'base' });
  assert.equal(v.aggravations.length, 1);
  assert.equal(v.aggravations[0].basis, '《中华人民共和国治安管理处罚法》第四十三条第二款第（二）项');
  assert.match(v.aggravations[0].facts, /60/);
  assert.equal(v.trace[0].step, 'aggravation');
  // 2012 §43¶2: 十日以上十五日以下拘留，并处五百元以上一千元以下罚款 → sample base 12 days, 750 yuan.
  assert.equal(v.detention_days, 12);
  assert.equal(v.fine_yuan, 750);
  // On the birthday itself the victim is still 59: §43¶1 (7 days, 350 yuan).
  const miss = expectStatus(await c.post('/discretion/decide', { ...request,
    violations: [{ tier: { law: '2012', article: 43, paragraph: 1, kind: 'base' }, factors: [],
      facts: { victims: [{ birth_date: '1965-11-03' }] } }] }), 200);
  assert.deepEqual(miss.violations[0].aggravations, []);
  assert.equal(miss.violations[0].detention_days, 7);
});

test('the command line and the server give the same decision for every aggravation case', async () => {
  assert.ok(aggravationCases.length >= 35, aggravationCases.join(','));
  const c = await loggedIn(server, 'officer');
  // Another test may have published an edition of its own: ask the server for the sample by id.
  const sample = expectStatus(await c.get('/discretion/editions'), 200).items.find((e) => e.code === 'SAMPLE-1');
  for (const file of aggravationCases) {
    const kase = JSON.parse(fs.readFileSync(path.join(CASES, file), 'utf8'));
    const res = await c.post('/discretion/decide', { ...kase.request, edition_id: sample.id });
    const cli = cliDecide(kase.request);
    if (kase.expect_error) {
      const body = expectError(res, 400, 'invalid_argument');
      assert.equal(cli.code, 2, file);
      assert.deepEqual(body.fields, cli.body.fields, file);
      for (const [k, v] of Object.entries(kase.expect_error.fields)) assert.equal(body.fields[k], v, `${file} ${k}`);
      continue;
    }
    const http = expectStatus(res, 200);
    assert.equal(cli.code, 0, file);
    assert.equal(http.edition.id, sample.id);
    assert.equal(cli.body.edition.id, 0);
    assert.deepEqual({ ...http, edition: { ...http.edition, id: 0 } }, cli.body, file);
    const want = kase.expect.violations[0];
    assert.deepEqual(http.violations[0].aggravations.map((a) => [a.code, a.basis]),
      want.aggravations.map((a) => [a.code, a.basis]), file);
  }
});

test('the aggravating paragraphs and their facts are readable for the form; bad facts are named', async () => {
  const c = await loggedIn(server, 'officer');
  const rules = expectStatus(await c.get('/discretion/aggravations?law=2025'), 200);
  assert.ok(rules.items.every((r) => r.law === '2025'));
  const seventy = rules.items.find((r) => r.code === 'a51_2.victim_70');
  assert.ok(seventy && seventy.condition === 'victim.age >= 70' && seventy.facts[0] === 'victim.age', JSON.stringify(seventy));
  assert.ok(rules.facts.some((f) => f.name === 'victim.birth_date' && f.type === 'date'));
  expectError(await c.get('/discretion/aggravations?law=1999'), 400, 'invalid_argument', { law: 'invalid_enum' });
  const admin = await loggedIn(server, 'sysadmin');
  expectError(await admin.get('/discretion/aggravations'), 403, 'permission_denied');
  expectError(await c.post('/discretion/decide', { ...request, violations: [{ ...request.violations[0],
    facts: { offenders: 'two', victims: [{ shoe_size: 42 }] } }] }), 400, 'invalid_argument',
  { 'violations[0].facts.offenders': 'must_be_integer', 'violations[0].facts.victims[0].shoe_size': 'unknown_field' });
});
