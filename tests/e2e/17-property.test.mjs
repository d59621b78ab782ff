// Case-involved property (issue 16, ADR 0054), the whole task in one lean pass: the bureau's custodian prints the
// label of a newly registered laptop and checks it in; the case officer, on a phone, scans (types) its code and
// takes it out for appraisal, signing on the pad; the procurator confirms the demo's open transfer list, one item
// accepted and one with a discrepancy; the leader's overview shows the overdue disposals (the demo's perishables).
import { after, describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { BASE, byTestId, expectPath, gotoApp, inputOf, login, openBrowser, shot, sqlite } from './lib.mjs'

const PHONE_390 = { width: 390, height: 844 }

describe('property: label and check in, take out on a phone, handover, overdue', () => {
  const open = []
  after(async () => {
    for (const b of open) {
      if (b.problems.length) console.log(`# browser notes:\n#   ${b.problems.join('\n#   ')}`)
      await b.close()
    }
  })
  async function desktop(username) {
    const b = await openBrowser()
    open.push(b)
    await login(b.page, username)
    await expectPath(b.page, '/')
    return b.page
  }

  it('custodian, officer, procurator and leader each do their part', async () => {
    const [id, code] = sqlite(
      "SELECT i.id, i.code FROM property_items i JOIN units u ON u.id = i.unit_id WHERE i.state = 'registered' " +
        "AND u.name = '城关派出所' ORDER BY i.id LIMIT 1",
    ).split('|')
    assert.ok(code, 'a registered item of 城关派出所 in the demo')

    // The custodian: label, then check in at the first free position of the bureau store.
    let page = await desktop('custodian')
    await gotoApp(page, `/property/items/${id}`)
    await byTestId(page, 'item-state').filter({ hasText: '待入库' }).waitFor()
    await byTestId(page, 'print-label').click()
    await page.getByText('标签已生成').first().waitFor()
    await byTestId(page, 'action-check_in').click()
    await byTestId(page, 'place-select').click()
    await page.locator('.el-select-dropdown').getByRole('option').filter({ visible: true }).first().click()
    await byTestId(page, 'property-confirm').click()
    await byTestId(page, 'item-state').filter({ hasText: '在库' }).waitFor()
    await shot(page, '17-custodian-checked-in')

    // The officer on a phone: scan (typed) and take it to appraisal with a signature.
    const phone = await openBrowser({ viewport: PHONE_390, phone: true })
    open.push(phone)
    page = phone.page
    await page.goto(`${BASE}/m/property`)
    await inputOf(page, 'm-login-username').fill('officer')
    await inputOf(page, 'm-login-password').fill('Jingwu@2026')
    await byTestId(page, 'm-login-submit').tap()
    await page.waitForURL((u) => u.pathname === '/m/property')
    await byTestId(page, 'scan-typed').fill(code.toLowerCase())
    await byTestId(page, 'scan-submit').tap()
    await byTestId(page, 'm-property-state').filter({ hasText: '在库' }).waitFor()
    await byTestId(page, 'm-property-checkout').tap()
    await inputOf(page, 'm-property-approved').fill('孙国栋')
    const back = new Date(Date.now() + 3 * 86400_000 + 8 * 3600_000).toISOString().slice(0, 16)
    await byTestId(page, 'm-property-back').fill(back)
    const pad = await byTestId(page, 'signature-canvas').boundingBox()
    await page.mouse.move(pad.x + 30, pad.y + 40)
    await page.mouse.down()
    for (const [dx, dy] of [[80, 60], [140, 30], [200, 90], [260, 50]]) await page.mouse.move(pad.x + dx, pad.y + dy, { steps: 4 })
    await page.mouse.up()
    await byTestId(page, 'm-property-submit').tap()
    await byTestId(page, 'm-property-state').filter({ hasText: '出库中' }).waitFor()
    await shot(page, '17-officer-took-out')
    const last = sqlite(`SELECT kind || '|' || (signature_media_id <> '') FROM property_events WHERE item_id = ${id} ORDER BY seq DESC LIMIT 1`)
    assert.equal(last, 'check_out|1')

    // The procurator confirms the open list: one accepted, one discrepancy.
    page = await desktop('procurator')
    await gotoApp(page, '/property/transfers')
    const card = page.locator('[data-testid^="transfer-"]').filter({ has: byTestId(page, 'transfer-accept') }).first()
    await card.waitFor()
    await card.locator('[data-testid="transfer-accept"]:visible').first().click()
    await page.getByText('已确认接收').first().waitFor()
    await card.locator('[data-testid="transfer-discrepancy"]:visible').first().click()
    await inputOf(page, 'discrepancy-note').fill('实物为人民币3100元，与清单所列3200元不符')
    await byTestId(page, 'discrepancy-confirm').click()
    await card.locator('[data-testid="transfer-state"]').filter({ hasText: '已确认' }).waitFor()
    await shot(page, '17-procurator-confirmed')

    // The leader sees the overdue disposals.
    page = await desktop('leader')
    await gotoApp(page, '/property/dashboard')
    await byTestId(page, 'overdue-table').locator('tr.el-table__row').first().waitFor()  // loaded, then counted
    const overdue = await byTestId(page, 'overdue-table').locator('tr.el-table__row').count()
    assert.ok(overdue >= 1, `${overdue} overdue rows`)
    await shot(page, '17-leader-overview')
  })
})
