// Case property at the custodian's desk (issue 16, ADR 0060), the desk's whole task in one lean pass: an officer
// records a seizure on a 城关 case; the station's custodian finds it among the seizures awaiting registration,
// registers the item and prints its label at the label printer's 40×30 mm size; adds a position with its capacity
// to the station store; takes stock of a room (one item scanned, one unknown label) and exports the result; and
// exports the ledger as a spreadsheet. Every wait is for a condition (a row, a message, a download).
import { after, describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { readFileSync } from 'node:fs'
import { byTestId, expectPath, gotoApp, inputOf, login, openBrowser, shot, sqlite } from './lib.mjs'

describe('property desk: intake with a label, store places, stocktake, exports', () => {
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
  async function downloaded(page, testid) {
    const download = page.waitForEvent('download')
    await byTestId(page, testid).click()
    return readFileSync(await (await download).path(), 'utf8').replace(/^\uFEFF/, '')
  }

  it('the station custodian registers, labels, sets up a place, takes stock and exports', async () => {
    // The officer records the seizure on an open case of 城关派出所 (the cases module's own API, as its page does).
    const officer = await desktop('officer')
    const caseNo = await officer.evaluate(async () => {
      const csrf = decodeURIComponent(document.cookie.split('; ').find((c) => c.startsWith('jw_csrf='))?.slice(8) ?? '')
      const list = await (await fetch('/api/v1/cases?page_size=100')).json()
      for (const k of list.items) {
        const kase = await (await fetch(`/api/v1/cases/${k.id}`)).json()
        const r = await fetch(`/api/v1/cases/${k.id}/events`, {
          method: 'POST', headers: { 'Content-Type': 'application/json', 'X-CSRF-Token': csrf },
          body: JSON.stringify({ action: 'seized', expected_version: kase.version, idempotency_key: `e2e-22-${k.id}`, data: { item: '银色平板电脑一台' } }),
        })
        if (r.status === 201) return kase.case_no
      }
      return ''
    })
    assert.ok(caseNo, 'an open case of the officer took a seizure')

    // Intake: the seizure waits in the list; the item is registered and its label printed at 40×30 mm.
    const page = await desktop('custodian2')
    await gotoApp(page, '/property/intake')
    await byTestId(page, 'intake-pending').locator('tr', { hasText: caseNo }).first().click()
    await inputOf(page, 'intake-description').waitFor()
    assert.equal(await inputOf(page, 'intake-description').inputValue(), '银色平板电脑一台')
    await byTestId(page, 'intake-category').click()
    await page.locator('.el-select-dropdown').getByRole('option', { name: '手机及电子设备' }).filter({ visible: true }).click()
    await inputOf(page, 'intake-unit').fill('台')
    await inputOf(page, 'intake-owner').fill('赵德明')
    await inputOf(page, 'intake-seized-by').fill('王志强')
    await inputOf(page, 'intake-place').fill('城关镇人民路8号')
    await inputOf(page, 'intake-document').fill('示公（扣）字〔2026〕120号')
    await byTestId(page, 'intake-save').click()
    const row = byTestId(page, 'intake-registered').locator('tbody tr').first()
    await row.filter({ hasText: '银色平板电脑一台' }).waitFor()
    const code = (await row.locator('td').nth(1).innerText()).trim()
    assert.match(code, /^JWP[A-Z2-7]{16}$/)
    assert.match(await byTestId(page, 'intake-labels-size').innerText(), /40×30/)
    await byTestId(page, 'intake-labels').click()
    await page.getByText('标签已生成').first().waitFor()
    assert.equal(sqlite(`SELECT COUNT(*) FROM property_label_prints WHERE code = '${code}'`), '1')
    await shot(page, '22-intake')

    // Stores: a new position with a capacity under the station store's first shelf.
    const shelf = sqlite("SELECT p.code FROM property_places p JOIN property_stores s ON s.id = p.store_id JOIN units u ON " +
      "u.id = s.unit_id WHERE u.name = '城关派出所' AND p.level = 'shelf' ORDER BY p.code LIMIT 1")
    await gotoApp(page, '/property/stores')
    await byTestId(page, `place-add-${shelf}`).click()
    await inputOf(page, 'place-code').fill(`${shelf}-E2E`)
    await inputOf(page, 'place-capacity').fill('2')
    await byTestId(page, 'stores-confirm').click()
    await byTestId(page, 'store-places').locator('tr', { hasText: `${shelf}-E2E` }).filter({ hasText: '0 / 2' }).waitFor()
    await shot(page, '22-stores')

    // Stocktake of the room holding the station's items: one scanned, one label of no item.
    const [roomId, inRoom] = sqlite("SELECT r.id, i.code FROM property_items i JOIN property_places pos ON pos.id = i.place_id " +
      "JOIN property_places sh ON sh.id = pos.parent_id JOIN property_places r ON r.id = sh.parent_id JOIN property_stores s " +
      "ON s.id = r.store_id JOIN units u ON u.id = s.unit_id WHERE u.name = '城关派出所' AND i.state = 'in_store' " +
      'ORDER BY i.id LIMIT 1').split('|')
    assert.ok(inRoom, 'an item in store at 城关派出所')
    const roomLabel = sqlite(`SELECT code || ' ' || name FROM property_places WHERE id = ${roomId}`)
    await gotoApp(page, '/property/operations')
    await byTestId(page, 'take-store').click()
    await page.locator('.el-select-dropdown').getByRole('option').filter({ visible: true }).first().click()
    await byTestId(page, 'take-room').click()
    await page.locator('.el-select-dropdown').getByRole('option', { name: roomLabel }).filter({ visible: true }).click()
    for (const c of [inRoom, 'JWPAAAAAAAAAAAAAAAA']) {
      await byTestId(page, 'take-scan').locator('[data-testid="scan-typed"]').fill(c)
      await byTestId(page, 'take-scan').locator('[data-testid="scan-submit"]').click()
      await byTestId(page, 'take-codes').getByText(c).waitFor()
    }
    await byTestId(page, 'take-finish').click()
    await byTestId(page, 'take-unknown').filter({ hasText: 'JWPAAAAAAAAAAAAAAAA' }).waitFor()
    assert.equal(await byTestId(page, 'take-missing').getByText(inRoom).count(), 0, 'the scanned item is not missing')
    const take = await downloaded(page, 'take-export')
    assert.match(take, /盘点结果/)
    assert.match(take, /"无此财物","JWPAAAAAAAAAAAAAAAA"/)
    await shot(page, '22-stocktake')

    // The ledger as a spreadsheet: the new item is in it, the owner masked.
    await gotoApp(page, '/property/items')
    await byTestId(page, 'property-items').locator('tbody tr').first().waitFor()
    const ledger = await downloaded(page, 'items-export')
    assert.match(ledger.split('\r\n')[0], /标签编码/)
    assert.ok(ledger.includes(code), 'the registered item in the export')
    assert.ok(!ledger.includes('赵德明') && ledger.includes('赵*'), 'the owner masked as in the list')
  })
})
