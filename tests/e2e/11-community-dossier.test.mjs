// The person page from a case (issue 14 "Reuse", ADR 0037): the leader opens a demo case, sees the party linked to
// the master index and the place's standard address, opens the party's person page, states the purpose and case
// number, and reads the person unmasked with the cases section. One login, one flow.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { execFileSync } from 'node:child_process'
import { join } from 'node:path'
import { DB, OUT, byTestId, fill, gotoApp, login, openBrowser, settle, waitForLayout } from './lib.mjs'

const sql = (q) => execFileSync('sqlite3', ['-cmd', '.timeout 10000', DB, q], { encoding: 'utf8' }).trim()

test('the leader opens a case party\'s person page with a stated purpose', async () => {
  const caseId = sql('SELECT case_id FROM case_people WHERE person_id IS NOT NULL ORDER BY case_id LIMIT 1')
  assert.ok(caseId, 'a demo case with a linked party')
  const b = await openBrowser()
  try {
    const { page } = b
    await login(page, 'leader')
    await waitForLayout(page)
    await gotoApp(page, `/cases/${caseId}`)
    await byTestId(page, 'case-standard-place').waitFor()
    await settle(page)
    await page.screenshot({ path: join(OUT, 'dossier-case.png'), fullPage: true })
    await byTestId(page, 'person-dossier').first().click()
    await byTestId(page, 'purpose-dialog').first().waitFor()
    await fill(page, 'purpose-text', '核查当事人身份')
    await fill(page, 'purpose-case-no', '5199012026XZ00001')
    await byTestId(page, 'purpose-submit').click()
    await byTestId(page, 'dossier-section-cases').waitFor()
    await settle(page)
    const idText = await byTestId(page, 'dossier-person').innerText()
    assert.match(idText, /\d{17}[\dX]/, 'the ID number unmasked')
    assert.ok((await byTestId(page, 'dossier-section-cases').locator('tbody tr').count()) >= 1)
    await page.screenshot({ path: join(OUT, 'dossier-page.png'), fullPage: true })
    await page.emulateMedia({ media: 'print' })
    await page.screenshot({ path: join(OUT, 'dossier-print.png'), fullPage: true })
    assert.deepEqual(b.problems, [])
  } finally {
    await b.close()
  }
})
