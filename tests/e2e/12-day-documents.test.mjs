// The officer's papers at the end of a case (issue 13, "The decision documents are not yet fit to sign"): on a
// decided demo case of 城关派出所 the officer tries to print the 行政处罚决定书 and is refused in Chinese because the
// case has no evidence; adds the evidence on the case page; prints the decision — its number comes from the
// bureau's register, the evidence is listed, the seal and date share a page with the text above them —; a second
// case's decision gets the next number. Then a phone pass of the same page (nothing wider than the screen).
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { execFileSync } from 'node:child_process'
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { BASE, DB, OUT, PHONE, byTestId, fill, gotoApp, login, openBrowser, settle, shot, waitForLayout } from './lib.mjs'

const sql = (q) => execFileSync('sqlite3', ['-cmd', '.timeout 10000', DB, q], { encoding: 'utf8' }).trim()
const PURPOSE = '制作处罚决定书送达当事人'
const seqOf = (number) => Number(/〕(\d+)号/.exec(number)?.[1])

// Decided administrative demo cases of the officer's station with a penalty and a suspect, no evidence yet.
const cases = sql(`SELECT c.id || '|' || c.case_no FROM cases c WHERE c.case_type = 'administrative'
  AND c.state IN ('decided', 'executed') AND c.outcome = 'penalty'
  AND c.unit_id = (SELECT unit_id FROM users WHERE username = 'officer')
  AND EXISTS (SELECT 1 FROM case_people p WHERE p.case_id = c.id AND p.role = 'suspect')
  AND NOT EXISTS (SELECT 1 FROM case_evidence e WHERE e.case_id = c.id) ORDER BY c.id LIMIT 2`)
  .split('\n').filter(Boolean).map((l) => ({ id: Number(l.split('|')[0]), no: l.split('|')[1] }))

// Pages of a PDF as text (pdftotext), for where the seal fell.
function pdfPages(bytes, name) {
  const file = join(OUT, name)
  writeFileSync(file, bytes)
  return execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' }).split('\f').filter((p) => p.trim())
}

async function stateThePurpose(page, caseNo) {
  await byTestId(page, 'purpose-dialog').first().waitFor()
  await fill(page, 'purpose-text', PURPOSE)
  await fill(page, 'purpose-case-no', caseNo)
  await byTestId(page, 'purpose-submit').click()
}

test('the officer prints a decision only with evidence; its number comes from the register', async () => {
  assert.equal(cases.length, 2, 'two decided demo cases of the officer\'s station')
  const [a, b] = cases
  const browser = await openBrowser()
  try {
    const { page, context } = browser
    await login(page, 'officer')
    await waitForLayout(page)
    await gotoApp(page, `/cases/${a.id}`)
    await byTestId(page, 'evidence-empty').waitFor()

    // Without evidence: refused, in Chinese, with what to do.
    await byTestId(page, 'paper-print-penalty_decision').click()
    await stateThePurpose(page, a.no)
    const refusal = page.locator('.el-message--error').first()
    await refusal.waitFor()
    assert.match(await refusal.innerText(), /尚无证据.*证据清单/)
    await shot(page, 'documents-refused')

    // The evidence, on the case page.
    await byTestId(page, 'evidence-add').click()
    await byTestId(page, 'evidence-dialog').first().waitFor()
    await byTestId(page, 'evidence-kind').click()
    await page.locator('.el-select-dropdown__item', { hasText: '违法嫌疑人陈述和申辩' }).click()
    await fill(page, 'evidence-description', '违法嫌疑人询问笔录（第一次）')
    const when = new Date(Date.now() + 8 * 3600_000 - 3600_000).toISOString().slice(0, 19).replace('T', ' ')
    const picker = page.locator('.el-dialog .el-date-editor input').first()
    await picker.fill(when)
    await picker.press('Enter')
    await byTestId(page, 'evidence-save').click()
    await byTestId(page, 'evidence-table').waitFor()
    assert.match(await byTestId(page, 'evidence-table').innerText(), /违法嫌疑人询问笔录（第一次）/)
    await shot(page, 'documents-evidence', { fullPage: true })

    // The decision now prints; the tab shows the register's number and the evidence.
    const opened = context.waitForEvent('page')
    await byTestId(page, 'paper-print-penalty_decision').click()
    await stateThePurpose(page, a.no)
    const paper = await opened
    await paper.waitForLoadState()
    const text = await paper.locator('body').innerText()
    const number = await paper.locator('p.number').innerText()
    assert.match(number, /^示公（治）行罚决字〔\d{4}〕\d+号$/)
    assert.match(text, /以上事实有违法嫌疑人陈述和申辩（违法嫌疑人询问笔录（第一次））等证据证实。/)
    await paper.screenshot({ path: join(OUT, 'documents-decision.png'), fullPage: true })
    await paper.close()

    // The PDF of the same decision: the same number, and the seal shares its page with the text above it.
    const purpose = `purpose=${encodeURIComponent(PURPOSE)}&case_no=${a.no}`
    const pdf = await page.request.get(`${BASE}/api/v1/cases/${a.id}/documents/penalty_decision.pdf?${purpose}`)
    assert.equal(pdf.status(), 200)
    const pages = pdfPages(await pdf.body(), 'documents-decision.pdf')
    const sealPage = pages.find((p) => p.includes('（印）'))
    assert.ok(sealPage.includes(number.replace(/\s/g, '')) || pages[0].includes(number), 'the number on the PDF')
    assert.ok(/提起行政\s*诉讼/.test(sealPage), `the seal is not alone on its page:\n${sealPage}`)

    // A second case: evidence added, its decision takes the next number.
    const csrf = (await context.cookies()).find((c) => c.name === 'jw_csrf')?.value ?? ''
    const version = (await (await page.request.get(`${BASE}/api/v1/cases/${b.id}`)).json()).version
    const added = await page.request.post(`${BASE}/api/v1/cases/${b.id}/evidence`, {
      headers: { 'X-CSRF-Token': csrf },
      data: { expected_version: version, evidence: { kind: 'witness_testimony', description: '证人询问笔录',
        collected_at: new Date(Date.now() - 3600_000).toISOString().replace(/\.\d+Z$/, 'Z'), collected_by: '民警' } },
    })
    assert.equal(added.status(), 201, await added.text())
    const second = await page.request.get(`${BASE}/api/v1/cases/${b.id}/documents/penalty_decision.html?purpose=${
      encodeURIComponent(PURPOSE)}&case_no=${b.no}`)
    const secondNumber = /<p class="number">([^<]*)<\/p>/.exec(await second.text())?.[1] ?? ''
    assert.equal(seqOf(secondNumber), seqOf(number) + 1, `${number} then ${secondNumber}`)
    // The refusal at the start was the only failed API reply.
    assert.deepEqual(browser.problems.filter((p) => !p.includes('penalty_decision.html')), [])
  } finally {
    await browser.close()
  }

  const phone = await openBrowser({ viewport: PHONE, phone: true })
  try {
    const { page } = phone
    await login(page, 'officer')
    await page.waitForURL((u) => u.pathname !== '/login')
    await gotoApp(page, `/cases/${a.id}`)
    await byTestId(page, 'evidence-table').waitFor()
    await settle(page)
    const overflow = await page.evaluate(() => document.body.scrollWidth - document.body.clientWidth)
    assert.ok(overflow <= 0, `the case page is ${overflow}px wider than the phone`)
    await shot(page, 'documents-phone', { fullPage: true })
    assert.deepEqual(phone.problems, [])
  } finally {
    await phone.close()
  }
})
