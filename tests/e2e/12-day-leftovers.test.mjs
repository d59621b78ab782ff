// Issue 13's leftovers in the pages: an analyst asks for a search exception (a case number that is no case of
// theirs) and the leader, told by the to-do centre, approves it on the analysis page; the officer opens the
// calculator from the demo's repeat offender's open case and reads "not a first violation" with the earlier case's
// number (行政处罚法 第三十三条第一款 初次违法), the citation of the cause's article in full (《中华人民共和国治安管理处罚法》
// 第五十一条第一款, no edition) and the days of prior restriction. One browser, the users one after another.
import { after, before, describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { byTestId, expectPath, fill, gotoApp, login, openBrowser, shot, sqlite } from './lib.mjs'

const UNKNOWN_CASE = '5199012026XS98765'
const PURPOSE = '协查外省盗窃案件涉案车辆'
const china = (ms) => new Date(ms + 8 * 3600_000).toISOString().slice(0, 19).replace('T', ' ')

// The demo's repeat offender (cases/demo_cases.cpp): an open administrative case whose suspect has a decided penalty
// on an earlier case.
const repeat = sqlite(`SELECT c.id || '|' || c.case_no || '|' || d.case_no FROM cases c
  JOIN case_people p ON p.case_id = c.id AND p.role = 'suspect'
  JOIN case_people q ON q.person_id = p.person_id AND q.role = 'suspect' AND q.case_id <> c.id
  JOIN cases d ON d.id = q.case_id AND d.outcome = 'penalty' AND d.occurred_at < c.occurred_at
  WHERE c.case_type = 'administrative' AND c.outcome = '' ORDER BY c.id LIMIT 1`).trim().split('|')

describe('leftovers: a search exception approved by the leader; the calculator knows the earlier case', () => {
  let b
  before(async () => { b = await openBrowser() })
  after(async () => {
    if (b?.problems.length) console.log(`# browser notes:\n#   ${b.problems.join('\n#   ')}`)
    await b?.close()
  })
  const as = async (user) => {
    await b.context.clearCookies()
    await login(b.page, user)
    await expectPath(b.page, '/')
  }

  it('the analyst asks for an exception; the leader sees it in the to-do and approves it', async () => {
    const { page } = b
    await as('analyst')
    await gotoApp(page, '/checkpoint/analysis')
    await fill(page, 'analysis-purpose', PURPOSE)
    await fill(page, 'analysis-case-no', UNKNOWN_CASE)
    const form = byTestId(page, 'analysis-form-trajectory')
    await form.locator('[data-testid="analysis-plate"] input, input[data-testid="analysis-plate"]').first().fill('川A7D123')
    const range = form.locator('.el-date-editor--datetimerange input.el-range-input')
    await range.nth(0).click()
    await range.nth(0).fill(china(Date.now() - 3600_000))
    await range.nth(1).fill(china(Date.now() - 60_000))
    await range.nth(1).press('Enter')
    await page.keyboard.press('Escape')
    await form.locator('[data-testid="analysis-run"]').click()
    await byTestId(page, 'analysis-ask-exception').click()
    await fill(page, 'analysis-exception-reason', '外省公安机关协查函，案件尚未移交本局')
    await page.locator('.el-dialog').filter({ hasText: UNKNOWN_CASE }).locator('.el-button--primary').click()
    await page.locator('.el-message--success').first().waitFor()
    assert.equal(sqlite(`SELECT status FROM analysis_exceptions WHERE case_no = '${UNKNOWN_CASE}'`), 'pending')

    await as('leader')
    const line = byTestId(page, 'todo-line-checkpoint.exception_approve')
    await line.waitFor()
    assert.match(await line.innerText(), /^\s*[1-9]\d*\s+待审批查询例外/)  // the count, then the kind
    await shot(page, '12-leftovers-leader-todo')
    await line.click()
    await page.waitForURL((u) => u.pathname === '/todo')
    await page.locator('.el-table__row', { hasText: UNKNOWN_CASE }).locator('.el-button, .el-link').first().click()
    await expectPath(page, '/checkpoint/analysis')
    const row = byTestId(page, 'analysis-exceptions').locator('.el-table__row', { hasText: UNKNOWN_CASE })
    await row.locator('[data-testid="analysis-exception-approve"]').click()
    await page.locator('.el-message-box input').fill('同意，限本次协查')
    await page.locator('.el-message-box__btns .el-button--primary').click()
    await page.locator('.el-message--success').first().waitFor()
    await row.waitFor({ state: 'detached' })  // off the pending list
    await shot(page, '12-leftovers-exception-approved')
    assert.equal(sqlite(`SELECT status FROM analysis_exceptions WHERE case_no = '${UNKNOWN_CASE}'`), 'approved')
  })

  it('the officer\'s calculator: not a first violation, with the earlier case; the article cited in full', async () => {
    assert.equal(repeat.length, 3, 'the demo county has a repeat offender')
    const [id, , earlierNo] = repeat
    const { page } = b
    await as('officer')
    await gotoApp(page, `/discretion/decide?case=${id}`)
    const first = byTestId(page, 'discretion-first-violation')
    await first.waitFor()
    assert.match(await first.innerText(), /否，非初次违法/)
    assert.match(await first.innerText(), new RegExp(earlierNo))
    assert.match(await byTestId(page, 'discretion-restraint').innerText(), /已记录 0 日.*限制人身自由一日，折抵行政拘留一日/s)
    const candidate = byTestId(page, 'discretion-candidate').first()
    assert.match(await candidate.innerText(), /^《中华人民共和国治安管理处罚法》第[一二三四五六七八九十百]+条/)
    assert.doesNotMatch(await candidate.innerText(), /（20\d\d）/)
    // The form follows the case: first violation unticked; ticking it asks for a reason.
    const tick = page.locator('.el-checkbox', { hasText: '初次违法' }).first()
    assert.equal(await tick.locator('input').isChecked(), false)
    await tick.click()
    await byTestId(page, 'discretion-override-first_violation').waitFor()
    await shot(page, '12-leftovers-calculator', { fullPage: true })
  })
})
