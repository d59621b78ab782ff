// The community admin pages (issue 14 leftovers, ADR 0047), as the leader: import standard addresses from a CSV
// with one bad line (refused, the line shown), then the good file; export the addresses; edit a grid's team (add a
// volunteer by name and phone); link a demo case's unlinked place to a standard address. Then the same pages at
// phone size must not overflow sideways. One login, one flow.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { execFileSync } from 'node:child_process'
import { join } from 'node:path'
import { DB, OUT, PHONE, byTestId, gotoApp, login, openBrowser, settle, waitForLayout } from './lib.mjs'

const sql = (q) => execFileSync('sqlite3', ['-cmd', '.timeout 10000', DB, q], { encoding: 'utf8' }).trim()
const HEADER = 'address_id,full_name,level\n'
const GOOD = 'E2E-0001,示范县城关镇测试路1号,house\n'
const BAD = `${HEADER}${GOOD}E2E-0002,示范县城关镇测试路2号,castle\n`

async function upload(page, name, text) {
  await byTestId(page, 'transfer-addresses-file').setInputFiles({ name, mimeType: 'text/csv', buffer: Buffer.from(text) })
  await byTestId(page, 'transfer-addresses-import').click()
}

test('the leader imports and exports addresses, edits a grid team and links a case place', async () => {
  const grid = sql("SELECT code FROM community_grids ORDER BY code LIMIT 1")
  const caseId = sql('SELECT id FROM cases WHERE place_address_id IS NULL ORDER BY id LIMIT 1')
  assert.ok(grid && caseId, 'a demo grid and a demo case with an unlinked place')
  const b = await openBrowser()
  try {
    const { page } = b
    await login(page, 'leader')
    await waitForLayout(page)

    await gotoApp(page, '/community/transfer')
    await upload(page, 'bad.csv', BAD)
    const errors = byTestId(page, 'transfer-addresses-errors')
    await errors.waitFor()
    assert.match(await errors.innerText(), /3[\s\S]*level/, 'the bad line and its column')
    assert.equal(sql("SELECT COUNT(*) FROM community_addresses WHERE code LIKE 'E2E-%'"), '0')
    await settle(page)
    await page.screenshot({ path: join(OUT, 'community-admin-import-refused.png'), fullPage: true })
    await upload(page, 'good.csv', HEADER + GOOD)
    await byTestId(page, 'transfer-addresses-done').waitFor()
    assert.equal(sql("SELECT COUNT(*) FROM community_addresses WHERE code = 'E2E-0001'"), '1')
    const [exported] = await Promise.all([
      page.waitForResponse((r) => r.url().includes('/community/addresses/export')),
      byTestId(page, 'transfer-addresses-export').click(),
    ])
    assert.equal(exported.status(), 200)
    assert.match(exported.headers()['content-type'], /text\/csv/)
    assert.equal(sql("SELECT COUNT(*) FROM audit_log WHERE action = 'community.address.export' AND result = 'ok'"), '1')

    await gotoApp(page, `/community/grids/${grid}`)
    await byTestId(page, 'team-edit').click()
    await byTestId(page, 'team-editor').first().waitFor()
    const rows = await page.locator('[data-testid^="team-row-"]').count()
    await byTestId(page, 'team-add-volunteer').click()
    await page.locator(`[data-testid="team-name-${rows}"] input, input[data-testid="team-name-${rows}"]`).first().fill('志愿者测试')
    await page.locator(`[data-testid="team-phone-${rows}"] input, input[data-testid="team-phone-${rows}"]`).first().fill('13900001234')
    await settle(page)
    await page.screenshot({ path: join(OUT, 'community-admin-team.png'), fullPage: true })
    await byTestId(page, 'team-save').click()
    await byTestId(page, 'grid-team').getByText('志愿者测试').waitFor()
    assert.equal(sql(`SELECT COUNT(*) FROM community_grid_members WHERE grid_code = '${grid}' AND name = '志愿者测试'`), '1')

    await gotoApp(page, `/cases/${caseId}`)
    // Under CI load the case page has been seen to re-render once more after its first answer and drop the open
    // dialog with it: open it again then (at most three times), as a user would.
    for (let attempt = 1; ; attempt++) {
      await byTestId(page, 'case-place-link').click()
      await byTestId(page, 'place-link-candidate').first().waitFor()
      await byTestId(page, 'place-link-candidate').first().click()
      await settle(page)
      if (await byTestId(page, 'place-link-save').isVisible() || attempt === 3) break
    }
    await page.screenshot({ path: join(OUT, 'community-admin-place-link.png'), fullPage: true })
    await byTestId(page, 'place-link-save').click()
    await byTestId(page, 'case-place-link').waitFor({ state: 'detached' })
    assert.notEqual(sql(`SELECT COALESCE(place_address_id, '') FROM cases WHERE id = ${caseId}`), '')
    assert.equal(sql(`SELECT COUNT(*) FROM audit_log WHERE action = 'case.place_link' AND object = 'case:${caseId}'`), '1')

    // Phone size: the same pages fit the width.
    await page.setViewportSize(PHONE)
    for (const path of ['/community/transfer', `/community/grids/${grid}`]) {
      await gotoApp(page, path)
      await page.locator('.jw-page').first().waitFor()
      await settle(page)
      const fits = await page.evaluate(() => document.body.scrollWidth <= document.body.clientWidth)
      if (!fits) await page.screenshot({ path: join(OUT, `community-admin-phone-overflow.png`), fullPage: true })
      assert.ok(fits, `${path} overflows at phone width`)
    }
    await page.screenshot({ path: join(OUT, 'community-admin-phone.png'), fullPage: true })
    // the refused import answered with an error status on purpose
    assert.deepEqual(b.problems.filter((p) => !p.includes('/community/addresses/import')), [])
  } finally {
    await b.close()
  }
})
