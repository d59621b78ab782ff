// Case management in the browser (issue 4), in order, each step building on the one before:
//  1. a station officer, on a phone, records a case (受案) and files it (立案); the case clock appears with its basis;
//  2. the officer takes it to legal review (investigation, penalty proposed, submitted);
//  3. the legal reviewer, on a desktop, returns it from the review queue with a problem;
//  4. the officer sees the problem on the case page and in the list of review problems, and answers it;
//  5. anyone can open the public progress page; a wrong query code is refused.
import { after, before, describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { PHONE, byTestId, fill, gotoApp, login, openBrowser, shot } from './lib.mjs'

const CAUSE = `e2e殴打他人${Date.now() % 100000}`
const PROBLEM_TEXT = '询问笔录缺少被侵害人签名，请补正。'
const ANSWER_TEXT = '已补充被侵害人签名并重新上传笔录。'
// Filled in by step 1.
let caseUrl = ''
let caseNo = ''

async function waitForHome(page) {
  await page.waitForURL((u) => u.pathname === '/')
}

// Takes an action of the case page: the button, the reason when asked, confirm; waits for the reply
// (POST /cases/:id/events, or /review/cases/:id/submit for the submission to legal review).
async function act(page, action, reason = '') {
  await byTestId(page, `case-action-${action}`).first().click()
  const dialog = page.locator('.el-dialog:visible')
  await dialog.waitFor()
  if (reason) await fill(page, 'case-action-reason', reason)
  const reply = page.waitForResponse(
    (r) => r.request().method() === 'POST' && /\/api\/v1\/(cases\/\d+\/events|review\/cases\/\d+\/submit)$/.test(new URL(r.url()).pathname),
  )
  await byTestId(page, 'case-action-submit').click()
  const r = await reply
  assert.ok(r.status() === 200 || r.status() === 201, `${action}: ${new URL(r.url()).pathname} answered ${r.status()}: ${await r.text().catch(() => '')}`)
  await dialog.waitFor({ state: 'hidden' })
}

async function expectState(page, word) {
  await page.waitForFunction(
    ({ word }) => document.querySelector('[data-testid="case-detail-state"]')?.textContent?.trim() === word,
    { word },
  )
}

describe('cases: an officer records and files a case on a phone', () => {
  let b
  before(async () => {
    b = await openBrowser({ viewport: PHONE, phone: true })
  })
  after(async () => {
    if (b.problems.length) console.log(`# browser notes (officer):\n#   ${b.problems.join('\n#   ')}`)
    await b.close()
  })

  it('records a new case from the phone form and lands on its page', async () => {
    const { page } = b
    await login(page, 'officer')
    await waitForHome(page)
    await gotoApp(page, '/cases/new')
    await byTestId(page, 'case-form').waitFor()
    await fill(page, 'case-form-cause', CAUSE)
    await fill(page, 'case-form-place', '城关镇人民路 18 号')
    await fill(page, 'case-form-facts', '报案人称在人民路被他人推搡致轻微伤。')
    await fill(page, 'case-person-name', '李明')
    await fill(page, 'case-person-id-number', '519901199001011233')
    await fill(page, 'case-person-phone', '13800001234')
    await shot(page, 'phone-case-new')
    const reply = page.waitForResponse((r) => r.url().endsWith('/api/v1/cases') && r.request().method() === 'POST')
    await byTestId(page, 'case-form-submit').click()
    const r = await reply
    assert.equal(r.status(), 201, `POST /cases answered ${r.status()}: ${await r.text().catch(() => '')}`)
    await page.waitForURL((u) => /^\/cases\/\d+$/.test(u.pathname))
    caseUrl = new URL(page.url()).pathname
    caseNo = (await byTestId(page, 'case-no').innerText()).trim()
    assert.ok(caseNo.length >= 4, `case number shown: ${caseNo}`)
    await expectState(page, '已受案')
  })

  it('files the case, and the case clock appears with its legal basis', async () => {
    const { page } = b
    await act(page, 'file')
    await expectState(page, '待调查')
    const clock = byTestId(page, 'case-clock').first()
    await clock.waitFor()
    const text = await clock.innerText()
    assert.match(text, /办案期限/, `clock name: ${text}`)
    assert.match(text, /剩余 \d+ 天/, `days left: ${text}`)
    assert.equal(await clock.getAttribute('data-level'), 'ok', 'a fresh 30-day clock is green')
    // the legal basis is shown when the clock is expanded
    await clock.click()
    const basis = byTestId(page, 'case-clock-basis').first()
    await basis.waitFor()
    assert.match(await basis.innerText(), /治安管理处罚法/)
    await shot(page, 'phone-case-filed-clock')
  })

  it('takes the case to legal review', async () => {
    const { page } = b
    await act(page, 'start_investigation')
    await expectState(page, '调查取证')
    await act(page, 'propose_penalty', '拟处警告。')
    await expectState(page, '拟处罚')
    // the proposed penalty is recorded on the case (by hand here; the discretion page computes one)
    await byTestId(page, 'penalty-record').click()
    await byTestId(page, 'penalty-kind').click()
    await page.locator('.el-select-dropdown__item:visible', { hasText: '警告' }).first().click()
    await fill(page, 'penalty-text', '对李某某予以警告。')
    // A penalty recorded by hand names its article (殴打他人: 治安管理处罚法 2025 第五十一条).
    await fill(page, 'penalty-article', '51')
    await byTestId(page, 'penalty-save').click()
    await byTestId(page, 'case-penalty').getByText('对李某某予以警告。').waitFor()
    await act(page, 'submit_review')
    await expectState(page, '法制审核')
  })
})

describe('cases: the legal reviewer returns the case with a problem', () => {
  let b
  before(async () => {
    b = await openBrowser()
  })
  after(async () => {
    if (b.problems.length) console.log(`# browser notes (reviewer):\n#   ${b.problems.join('\n#   ')}`)
    await b.close()
  })

  it('finds the case in the review queue and returns it', async () => {
    assert.ok(caseNo, 'step 1 recorded a case')
    const { page } = b
    await login(page, 'legal')
    await waitForHome(page)
    await gotoApp(page, '/cases/review')
    const row = byTestId(page, 'review-table').locator('tr.el-table__row', { hasText: caseNo })
    await row.waitFor()
    await shot(page, 'desktop-review-queue')
    await row.locator('[data-testid="review-return"]').click()
    const dialog = byTestId(page, 'opinion-dialog')
    await dialog.waitFor()
    await byTestId(page, 'opinion-problem-type').first().click()
    await page.locator('.el-select-dropdown__item:visible').first().click()
    await fill(page, 'opinion-problem-text', PROBLEM_TEXT)
    await shot(page, 'desktop-review-return-dialog')
    const reply = page.waitForResponse((r) => r.request().method() === 'POST' && r.url().endsWith('/opinion'))
    await byTestId(page, 'opinion-submit').click()
    const r = await reply
    assert.ok(r.status() < 300, `return answered ${r.status()}: ${await r.text().catch(() => '')}`)
    await row.waitFor({ state: 'detached' })
  })
})

describe('cases: the officer sees the problem and answers it', () => {
  let b
  before(async () => {
    b = await openBrowser({ viewport: PHONE, phone: true })
  })
  after(async () => {
    if (b.problems.length) console.log(`# browser notes (officer again):\n#   ${b.problems.join('\n#   ')}`)
    await b.close()
  })

  it('shows the returned problem on the case page', async () => {
    const { page } = b
    await login(page, 'officer')
    await waitForHome(page)
    await gotoApp(page, caseUrl)
    await expectState(page, '拟处罚')
    const problem = byTestId(page, 'problem-item').filter({ hasText: PROBLEM_TEXT })
    await problem.waitFor()
    await shot(page, 'phone-case-returned-problem', { fullPage: true })
  })

  it('answers it from the list of review problems', async () => {
    const { page } = b
    await gotoApp(page, '/cases/problems')
    const problem = byTestId(page, 'problem-item').filter({ hasText: PROBLEM_TEXT })
    await problem.waitFor()
    await problem.locator('[data-testid="problem-answer"]').click()
    await fill(page, 'problem-answer-text', ANSWER_TEXT)
    const reply = page.waitForResponse((r) => r.request().method() === 'POST' && r.url().includes('/answer'))
    await byTestId(page, 'problem-answer-submit').click()
    const r = await reply
    assert.ok(r.status() < 300, `answer answered ${r.status()}`)
    await page.getByText(ANSWER_TEXT).first().waitFor()
    await shot(page, 'phone-problem-answered')
  })
})

describe('cases: the public progress page', () => {
  let b
  before(async () => {
    b = await openBrowser({ viewport: PHONE, phone: true })
  })
  after(async () => {
    await b.close()
  })

  it('opens without a login and refuses a wrong query code', async () => {
    const { page } = b
    await gotoApp(page, `/progress?case_no=${encodeURIComponent(caseNo)}`)
    await byTestId(page, 'progress-submit').waitFor()
    await fill(page, 'progress-code', 'WRONG-CODE')
    await byTestId(page, 'progress-submit').click()
    const err = byTestId(page, 'progress-error')
    await err.waitFor()
    assert.match(await err.innerText(), /不正确/)
    await shot(page, 'phone-public-progress-refused')
  })
})
