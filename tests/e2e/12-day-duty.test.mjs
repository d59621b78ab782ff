// The duty desk's day (issue 13): on the demo county the watched plates passed several checkpoints in the last
// day; each plate's sightings within the window are one alert that grew. The duty desk opens such an alert, sees
// its sightings on the small map and the timeline, signs for it and reports back; device health shows the demo's
// checkpoints online (they delivered the passes). The same pages at 375 px do not overflow.
import { after, before, describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { PHONE, byTestId, expectPath, fill, gotoApp, login, openBrowser, shot } from './lib.mjs'

async function noOverflow(page, what) {
  const { scroll, client } = await page.evaluate(() => ({
    scroll: document.body.scrollWidth,
    client: document.body.clientWidth,
  }))
  assert.ok(scroll <= client, `${what}: the page is ${scroll}px wide in a ${client}px body`)
}

// The first board row of a grouped alert (a "n 次发现" tag), with its alert id.
async function groupedRow(page) {
  const tag = page.locator('[data-testid^="alert-sightings-"]').first()
  await tag.waitFor()
  const id = (await tag.getAttribute('data-testid')).replace('alert-sightings-', '')
  const row = page.locator('[data-testid="alert-table"] tr.el-table__row', { has: tag }).first()
  return { id, row, count: Number((await tag.innerText()).match(/\d+/)[0]) }
}

describe('duty desk: from a grouped alert to feedback, and device health', () => {
  let desk
  let phone
  before(async () => {
    desk = await openBrowser()
    phone = await openBrowser({ viewport: PHONE, phone: true })
  })
  after(async () => {
    for (const [who, b] of [['desk', desk], ['phone', phone]]) {
      if (b?.problems.length) console.log(`# browser notes (${who}):\n#   ${b.problems.join('\n#   ')}`)
      await b?.close()
    }
  })

  it('opens a grouped alert: sightings on the map and the timeline; signs and reports back', async () => {
    const page = desk.page
    await login(page, 'duty')
    await expectPath(page, '/')
    await gotoApp(page, '/alerts/board')
    await byTestId(page, 'alert-table').waitFor()
    const { id, row, count } = await groupedRow(page)
    assert.ok(count >= 2, `a grouped alert has several sightings (${count})`)
    await row.locator('.jw-alert-title a').click()
    const drawer = byTestId(page, 'alert-detail')
    await byTestId(page, 'alert-sightings-map').locator('.leaflet-container').waitFor()
    assert.equal(await drawer.locator('[data-testid="alert-sighting"]').count(), count)
    // Several sightings of one plate on the map: one numbered point per sighting on the path.
    await drawer.getByText('卡口布控').first().waitFor()  // the source in words, not "checkpoint"
    assert.doesNotMatch(await drawer.innerText(), /来源\s*checkpoint/)
    await shot(page, 'desktop-duty-grouped-alert')
    await page.keyboard.press('Escape')
    await drawer.waitFor({ state: 'hidden' })

    await byTestId(page, `alert-sign-${id}`).click()
    await byTestId(page, `alert-feedback-${id}`).click()
    const fb = byTestId(page, 'alert-feedback-dialog')
    await fb.waitFor()
    await byTestId(page, 'alert-feedback-outcome').click()
    await page.locator('.el-select-dropdown__item:visible', { hasText: '未发现' }).first().click()
    await fill(page, 'alert-feedback-officer', '值班民警')
    await byTestId(page, 'alert-feedback-submit').click()
    await fb.waitFor({ state: 'hidden' })
    // Signed and reported back on the one alert (the other target unit, 城关派出所, still has to report: it stays).
    const same = page.locator('[data-testid="alert-table"] tr.el-table__row', {
      has: page.locator(`[data-testid="alert-sightings-${id}"]`),
    })
    await same.getByText('已反馈').first().waitFor()
    await shot(page, 'desktop-duty-after-feedback')
  })

  it('device health: the checkpoints that delivered passes are online', async () => {
    const page = desk.page
    await gotoApp(page, '/checkpoint/devices')
    const table = byTestId(page, 'device-table')
    await table.locator('tr.el-table__row').first().waitFor()
    // Right after the seed every checkpoint has delivered passes within minutes: online, with a last-seen time
    // (a quiet checkpoint at night may already count as offline, so most, not all).
    const rows = table.locator('tr.el-table__row')
    const statuses = await rows.evaluateAll((trs) => trs.map((tr) => tr.innerText))
    const online = statuses.filter((s) => s.includes('在线')).length
    assert.ok(online * 2 > statuses.length, `online ${online} of ${statuses.length}: ${statuses.slice(0, 3).join(' | ')}`)
    for (const s of statuses) assert.match(s, /\d{4}-\d{2}-\d{2} \d{2}:\d{2}/, `a last-seen time in: ${s}`)
    await shot(page, 'desktop-duty-devices')
  })

  it('the same pages at 375 px: nothing overflows, the countdown is whole', async () => {
    const page = phone.page
    await login(page, 'duty')
    await expectPath(page, '/')
    await gotoApp(page, '/alerts/board')
    await byTestId(page, 'alert-table').locator('tr.el-table__row').first().waitFor()
    await noOverflow(page, 'alert board')
    const countdown = page.locator('.jw-countdown').first()
    if (await countdown.count()) {
      // Whole inside its cell, and the cell inside the visible table (no sideways scrolling to read it).
      const clipped = await countdown.evaluate((el) => {
        const a = el.getBoundingClientRect()
        const cell = (el.closest('.cell') ?? el.parentElement).getBoundingClientRect()
        const table = el.closest('.el-table').getBoundingClientRect()
        return a.right > Math.min(cell.right, table.right, window.innerWidth) + 1 || a.left < cell.left - 1
      })
      assert.equal(clipped, false, 'the countdown fits its cell')
      await countdown.scrollIntoViewIfNeeded()
    }
    await shot(page, 'phone-duty-board')
    const { row } = await groupedRow(page)
    await row.locator('.jw-alert-title a').click()
    await byTestId(page, 'alert-sightings-map').locator('.leaflet-container').waitFor()
    await noOverflow(page, 'alert detail')
    await shot(page, 'phone-duty-grouped-alert')
    await page.keyboard.press('Escape')
    await gotoApp(page, '/checkpoint/devices')
    await byTestId(page, 'device-table').locator('tr.el-table__row').first().waitFor()
    await noOverflow(page, 'devices')
    await shot(page, 'phone-duty-devices')
  })
})
