// The analyst's day (issue 13): from a hit to a saved, purpose-checked trajectory.
// Desktop: the analyst states a purpose; a case number that is no case, one in a wrong format, and a range that
// ends in the future are each refused before anything runs, in Chinese next to the field they concern. With a
// real case of the demo county, a companion search of the planted convoy's lead car is the hit: its scores are
// readable numbers with a meaning, and one click on a companion plate shows that plate's trajectory on the map with
// the same purpose and case number (nothing retyped). The trajectory is saved to the case and opened again from
// the case's saved results. Phone (375×812): the same page with the date range inside its card and nothing wider
// than the screen. The map's attribution has no "Leaflet" prefix (no flag icon).
import { after, before, describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { PHONE, byTestId, expectPath, fill, gotoApp, login, openBrowser, shot, sqlite } from './lib.mjs'

const LEAD = process.env.E2E_TRAJECTORY_PLATE || '川YZ3816'  // the demo convoy's lead car (demo_passes.hpp)
const PURPOSE = '侦查盗窃案件涉案车辆'
const china = (ms) => new Date(ms + 8 * 3600_000).toISOString().slice(0, 19).replace('T', ' ')
const today = () => china(Date.now()).slice(0, 10)

async function fillRange(page, scope, from, to) {
  const inputs = scope.locator('.el-date-editor--datetimerange input.el-range-input')
  await inputs.nth(0).click()
  await inputs.nth(0).fill(from)
  await inputs.nth(1).fill(to)
  await inputs.nth(1).press('Enter')
  await page.keyboard.press('Escape')
}
const errorOf = (page, testId) =>
  page.locator('.el-form-item', { has: page.locator(`[data-testid="${testId}"]`) }).locator('.el-form-item__error')

describe('the analyst: from a hit to a saved, purpose-checked trajectory', () => {
  let desk
  let phone
  let caseNo
  before(async () => {
    caseNo = sqlite('SELECT case_no FROM cases ORDER BY id LIMIT 1').trim()
    assert.ok(caseNo, 'the demo county has cases')
    desk = await openBrowser()
  })
  after(async () => {
    for (const [who, b] of [['desktop', desk], ['phone', phone]]) {
      if (b?.problems.length) console.log(`# browser notes (${who}):\n#   ${b.problems.join('\n#   ')}`)
      await b?.close()
    }
  })

  it('refuses a bad case number and a future range in Chinese, naming the field', async () => {
    const page = desk.page
    await login(page, 'analyst')
    await expectPath(page, '/')
    await gotoApp(page, '/checkpoint/analysis')
    await byTestId(page, 'analysis-page').waitFor()
    await fill(page, 'analysis-purpose', PURPOSE)
    await fill(page, 'analysis-case-no', '5199012026XS99999')
    const form = byTestId(page, 'analysis-form-trajectory')
    await form.locator('input[data-testid="analysis-plate"], [data-testid="analysis-plate"] input').first().fill(LEAD)
    await fillRange(page, form, `${today()} 00:00:00`, china(Date.now() - 60_000))
    await form.locator('[data-testid="analysis-run"]').click()
    const caseError = errorOf(page, 'analysis-case-no')
    await caseError.waitFor()
    assert.match(await caseError.innerText(), /^案件编号不存在/)
    await byTestId(page, 'analysis-ask-exception').waitFor()
    await shot(page, 'desktop-analyst-unknown-case')

    await fill(page, 'analysis-case-no', 'abcd')
    await form.locator('[data-testid="analysis-run"]').click()
    await page.waitForFunction(() => /案件编号格式不正确/.test(document.body.innerText))

    // A range that ends in the future (today until midnight) is refused, not answered with nothing.
    await fill(page, 'analysis-case-no', caseNo)
    await fillRange(page, form, `${today()} 00:00:00`, `${today()} 23:59:59`)
    await form.locator('[data-testid="analysis-run"]').click()
    await page.waitForFunction(() => /结束时间不能晚于当前时间/.test(document.body.innerText))
    assert.equal(await byTestId(page, 'analysis-result').count(), 0, 'nothing ran')
    assert.doesNotMatch(await page.locator('body').innerText(), /unknown_case|in_future|bad_format/)
  })

  it('a companion hit opens its trajectory in one click, is saved to the case and opened again', async () => {
    const page = desk.page
    await page.locator('#tab-companion').click()
    const form = byTestId(page, 'analysis-form-companion')
    await form.locator('input[data-testid="analysis-plate"], [data-testid="analysis-plate"] input').first().fill(LEAD)
    await fillRange(page, form, china(Date.now() - 2 * 86400_000), china(Date.now() - 60_000))
    await form.locator('[data-testid="analysis-run"]').click()
    const result = byTestId(page, 'analysis-result')
    const trace = result.locator('[data-testid="analysis-trace"]')
    await trace.first().waitFor({ timeout: 30_000 })
    const table = await byTestId(page, 'analysis-table').innerText()
    assert.doesNotMatch(table, /\d\.\d{3,}/, 'scores are rounded')
    await byTestId(page, 'analysis-score-help').waitFor()
    await shot(page, 'desktop-analyst-companions')

    const plate = (await trace.first().innerText()).trim()
    await trace.first().click()
    await page.waitForFunction((p) => document.querySelector('[data-testid="analysis-result"]')?.textContent?.includes(`轨迹查询 · ${p}`), plate)
    const map = byTestId(page, 'analysis-map')
    await map.locator('.leaflet-overlay-pane path[fill="#fff"][stroke-width="3"]').first().waitFor({ timeout: 30_000 })
    assert.ok((await byTestId(page, 'analysis-table').locator('tr.el-table__row').count()) >= 1)
    const attribution = await map.locator('.leaflet-control-attribution').innerText().catch(() => '')
    assert.doesNotMatch(attribution, /Leaflet/, 'no Leaflet prefix in the attribution')
    assert.equal(await map.locator('.leaflet-control-attribution svg').count(), 0, 'no flag icon')
    await shot(page, 'desktop-analyst-trajectory')

    await byTestId(page, 'analysis-save').click()
    const dialog = page.locator('.el-dialog').filter({ hasText: '保存到案件' })
    await dialog.waitFor()
    assert.equal(await dialog.locator('input').first().inputValue(), caseNo, 'the case number is carried over')
    await dialog.locator('.el-dialog__footer .el-button--primary').click()
    await page.locator('.el-message--success').first().waitFor()
    const open = byTestId(page, 'analysis-saved').locator('[data-testid="analysis-saved-open"]')
    await open.first().waitFor({ timeout: 10_000 })
    await open.first().click()
    await page.waitForFunction((p) => document.querySelector('[data-testid="analysis-result"]')?.textContent?.includes(`轨迹查询 · ${p}`), plate)
    // The saved trajectory went through the checks: its task carries the purpose and the real case number.
    const row = sqlite(`SELECT t.purpose || '|' || t.case_no FROM analysis_tasks t JOIN analysis_case_links l ON l.task_id = t.id `
      + `WHERE t.kind = 'trajectory' ORDER BY l.id DESC LIMIT 1`).trim()
    assert.equal(row, `${PURPOSE}|${caseNo}`)
    await shot(page, 'desktop-analyst-saved')
  })

  it('on a phone the page fits: the date range stays inside its card', async () => {
    phone = await openBrowser({ viewport: PHONE, phone: true })
    const page = phone.page
    await login(page, 'analyst')
    await page.waitForURL((u) => u.pathname !== '/login')
    await gotoApp(page, '/checkpoint/analysis')
    await byTestId(page, 'analysis-page').waitFor()
    const form = byTestId(page, 'analysis-form-trajectory')
    await form.locator('.el-date-editor').first().waitFor()
    // Filled in and run, as on the desk: the times are the widest the range gets.
    await fill(page, 'analysis-purpose', PURPOSE)
    await fill(page, 'analysis-case-no', caseNo)
    await form.locator('input[data-testid="analysis-plate"], [data-testid="analysis-plate"] input').first().fill(LEAD)
    await fillRange(page, form, china(Date.now() - 86400_000), china(Date.now() - 60_000))
    await form.locator('[data-testid="analysis-run"]').click()
    await byTestId(page, 'analysis-map').locator('.leaflet-container').waitFor({ timeout: 30_000 })
    const fits = await page.evaluate(() => {
      const r = document.querySelector('[data-testid="analysis-form-trajectory"] .el-date-editor').getBoundingClientRect()
      const card = document.querySelector('[data-testid="analysis-form-trajectory"]').closest('.el-card').getBoundingClientRect()
      return { over: Math.round(r.right - card.right), scroll: document.body.scrollWidth, client: document.body.clientWidth }
    })
    assert.ok(fits.over <= 0, `the range overflows its card by ${fits.over} px`)
    assert.ok(fits.scroll <= fits.client, `page ${fits.scroll} px wide on a ${fits.client} px screen`)
    await shot(page, 'phone-analyst-analysis')
    await byTestId(page, 'analysis-result').scrollIntoViewIfNeeded()
    await shot(page, 'phone-analyst-result')
  })
})
