// 寄递实名 (issue 17) for the police at the desk: the supervisor opens the real-name rate page (the chart of the rate
// per day is drawn, the table holds outlet-days), exports the statistics per company (a CSV for Excel whose rows
// are the page's), and 碰撞比对 of the demo period's senders against each other finds the demo county's planted
// "one sender, many receivers" pattern (forty receivers, courier/demo.cpp) — masked, its records opened with the
// same purpose. Every wait is for a condition.
import { after, before, describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { readFileSync } from 'node:fs'
import { BASE, byTestId, inputOf, login, openBrowser, shot, sqlite, waitForLayout } from './lib.mjs'

const PATTERN_SENDER = '519901198807150035' // courier/demo.hpp kDemoPatternSender

describe('courier: the police supervise the outlets', () => {
  let desk
  before(async () => {
    desk = await openBrowser()
  })
  after(async () => {
    if (desk?.problems.length) console.log(`# browser notes:\n#   ${desk.problems.join('\n#   ')}`)
    await desk?.close()
  })

  it('the real-name rate with its chart, the statistics exported, and 碰撞比对 finding the planted pattern', async () => {
    const d = desk.page
    await login(d, 'courier')
    await waitForLayout(d)

    const rates = d.waitForResponse((r) => r.url().includes('/api/v1/courier/supervision/rates?') && r.status() === 200)
    await d.goto(`${BASE}/courier/rates`)
    const body = await (await rates).json()
    assert.ok(body.total > 0 && body.daily.length === 30, `30 days of outlet rows: ${body.total}, ${body.daily.length}`)
    await byTestId(d, 'courier-rates-chart').locator('canvas').waitFor()
    await byTestId(d, 'courier-rates-table').locator('tbody tr').first().waitFor()
    await shot(d, '23-courier-rates')

    await d.goto(`${BASE}/courier/statistics`)
    const table = byTestId(d, 'courier-stat-table')
    await table.locator('tbody tr').first().waitFor()
    const shown = await table.locator('tbody tr').count()
    const [download] = await Promise.all([d.waitForEvent('download'), byTestId(d, 'courier-stat-export').click()])
    const csv = readFileSync(await download.path(), 'utf8')
    const lines = csv.replace(/^\uFEFF/, '').trim().split(/\r\n/)
    assert.equal(lines.length, shown + 1, 'a header and the rows the page shows')
    assert.match(lines[0], /^公司,/)
    const companies = Number(sqlite('SELECT count(*) FROM courier_companies'))
    assert.equal(shown, companies)
    await shot(d, '23-courier-statistics')

    await d.goto(`${BASE}/courier/collide`)
    await byTestId(d, 'courier-col-run').click()
    await byTestId(d, 'purpose-dialog').waitFor()
    await inputOf(d, 'purpose-text').fill('寄递碰撞比对')
    await inputOf(d, 'purpose-case-no').fill(sqlite('SELECT case_no FROM cases ORDER BY id LIMIT 1'))
    const ran = d.waitForResponse((r) => new URL(r.url()).pathname === '/api/v1/courier/collide' && r.request().method() === 'POST')
    await byTestId(d, 'purpose-submit').click()
    const answer = await (await ran).json()
    const masked = PATTERN_SENDER.slice(0, 6) + '********' + PATTERN_SENDER.slice(14)
    const planted = answer.items.find((g) => g.kind === 'one_sender_many_receivers' && g.key === masked)
    assert.ok(planted && planted.count >= 40, JSON.stringify(answer.items.slice(0, 3)))
    const row = byTestId(d, 'courier-col-table').locator('tr', { hasText: masked })
    await row.waitFor()
    assert.ok(!(await byTestId(d, 'courier-collide').innerText()).includes(PATTERN_SENDER), 'the sender is masked')
    await row.getByTestId('courier-col-open').click()
    await byTestId(d, 'courier-col-records').locator('tbody tr').nth(planted.record_ids.length - 1).waitFor()
    await shot(d, '23-courier-collide')
  })
})
