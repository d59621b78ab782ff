// The duty desk's day (issue 13): on the demo county the watched plates passed several checkpoints in the last
// day; each plate's sightings within the window are one alert that grew. The duty desk opens such an alert, sees
// its sightings on the small map and the timeline, signs for it and reports back; device health shows the
// checkpoints that just delivered a pass online. The same pages at 375 px do not overflow.
import { after, before, describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { BASE, PHONE, byTestId, expectPath, fill, gotoApp, login, openBrowser, shot } from './lib.mjs'
import { checkpoints, login as apiLogin } from '../../bench/intake/setup.mjs'
import { chinaTime14, listEnvelope, motorVehicleJson } from '../../bench/intake/passes.mjs'
import { ViidClient } from '../../bench/intake/viid_client.mjs'

const VIID_ID = '51990100002000000078'  // its own platform id (05-checkpoint registers ...077)
const VIID_PASSWORD = 'E2e@2026duty'

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

  it('device health: the checkpoints that just delivered passes are online, with when they were last seen', async () => {
    // The demo's passes were seeded when the suite started, possibly more than the 10-minute offline threshold
    // ago: the test makes its own traffic, one pass through every checkpoint over GA/T 1400, and then expects
    // each of those devices online.
    const admin = await apiLogin(BASE, 'sysadmin')
    const added = await admin.post('/checkpoint/viid/clients', { id: VIID_ID, password: VIID_PASSWORD, name: '值班测试平台' })
    assert.equal(added.status, 201, added.text)
    const cps = await checkpoints(await apiLogin(BASE, 'duty'))
    assert.ok(cps.length > 1, 'the demo county has checkpoints')
    const viid = new ViidClient(BASE, { id: VIID_ID, password: VIID_PASSWORD, connections: 1 })
    try {
      await viid.register()
      const now = Date.now()
      const passes = cps.map((cp, i) => motorVehicleJson(cp, `川A${String(70000 + i)}`, chinaTime14(now), (now + i) % 100000))
      const r = await viid.postMotorVehicles(listEnvelope(passes))
      assert.equal(r.status, 200, r.text)
      assert.equal(r.accepted, cps.length, r.text)
    } finally {
      await viid.unregister().catch(() => undefined)
      viid.close()
    }

    // Health is recorded by the scheduler's round every 30 s (devices_health.cpp): the page is read again until
    // the round after the passes has run, at most 75 s.
    const page = desk.page
    const table = byTestId(page, 'device-table')
    const readRows = async () => {
      await gotoApp(page, '/checkpoint/devices')
      await table.locator('tr.el-table__row').first().waitFor()
      return table.locator('tr.el-table__row').evaluateAll((trs) => trs.map((tr) => tr.innerText))
    }
    const rowOf = (statuses, cp) => statuses.find((s) => s.includes(cp.tollgateId) || s.includes(cp.apeId))
    const allOnline = (statuses) => cps.every((cp) => !rowOf(statuses, cp) || /在线/.test(rowOf(statuses, cp)))
    let statuses = await readRows()
    for (const until = Date.now() + 75000; !allOnline(statuses) && Date.now() < until;) {
      await page.waitForTimeout(3000)
      statuses = await readRows()
    }
    for (const cp of cps) {
      const row = rowOf(statuses, cp)
      if (!row) continue  // on a later page of the table
      assert.match(row, /在线/, `checkpoint ${cp.tollgateId} delivered a pass: ${row}`)
      assert.match(row, /\d{4}-\d{2}-\d{2} \d{2}:\d{2}/, `a last-seen time in: ${row}`)
    }
    assert.ok(cps.some((cp) => statuses.some((s) => s.includes(cp.tollgateId) || s.includes(cp.apeId))),
      `the table lists the checkpoints: ${statuses.slice(0, 2).join(' | ')}`)
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
