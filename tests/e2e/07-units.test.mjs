// Unit restructuring in the browser (issue 12; docs/api/units-restructure.md): the system administrator
// merges 东城派出所 into 城关派出所 on the units page. A date in the past is refused next to the date field; the
// dry run shows counts that are checked against the database; apply asks for confirmation; the tree on the
// effective date shows the merge and the tree of the day before does not; the unit's history names its
// successor; then the restructure is undone with a reason. The effective date is tomorrow: a restructure can be
// undone only before 00:00 of its effective date, so "the new structure" is tomorrow's and "the old" today's.
import { after, before, describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { byTestId, expectPath, gotoApp, inputOf, login, openBrowser, shot, sqlite } from './lib.mjs'

const KEEP = { code: '519901031000', name: '城关派出所' }
const GONE = { code: '519901031100', name: '东城派出所' }
const TITLE = '城关东城合并（浏览器测试）'

// China calendar day `days` after today.
const chinaDay = (days = 0) => new Date(Date.now() + 8 * 3600_000 + days * 86400_000).toISOString().slice(0, 10)

function usersIn(code) {
  return Number(sqlite(`SELECT count(*) FROM users WHERE unit_id = (SELECT id FROM units WHERE code = '${code}')`))
}

// Picks the option of the open Element Plus select dropdown that contains `text`.
async function pickOption(page, text) {
  await page.locator('.el-select-dropdown__item:visible', { hasText: text }).first().click()
}

// Shows the tree on `date` (the page's date picker) and waits for the structure of that date.
async function treeOn(page, date) {
  const reply = page.waitForResponse((r) => new URL(r.url()).pathname.endsWith('/units/structure') &&
    new URL(r.url()).searchParams.get('date') === date)
  const input = inputOf(page, 'unit-date')
  await input.click()
  await input.fill(date)
  await input.press('Enter')
  const r = await reply
  assert.equal(r.status(), 200)
  await page.locator('.el-picker-panel').first().waitFor({ state: 'hidden' }).catch(() => undefined)
  await byTestId(page, `unit-${KEEP.code}`).waitFor()
}

describe('units: the system administrator merges two stations, sees it by date, and undoes it', () => {
  let b
  before(async () => {
    b = await openBrowser()
  })
  after(async () => {
    if (b?.problems.length) console.log(`# browser notes (sysadmin):\n#   ${b.problems.join('\n#   ')}`)
    await b?.close()
  })

  it('dry run, apply, the structure by date, the history, undo', async () => {
    const { page } = b
    const officers = usersIn(GONE.code)
    assert.ok(officers > 0, 'the demo 东城派出所 has officers')
    const keptBefore = usersIn(KEEP.code)

    await login(page, 'sysadmin')
    await expectPath(page, '/')
    await gotoApp(page, '/system/units')
    await byTestId(page, `unit-${GONE.code}`).waitFor()

    // Compose the plan.
    await byTestId(page, 'unit-restructure').click()
    const dialog = byTestId(page, 'rs-dialog')
    await dialog.waitFor()
    await inputOf(page, 'rs-title').fill(TITLE)
    const date = inputOf(page, 'rs-effective-date')
    const setDate = async (d) => {
      await date.click()
      await date.fill(d)
      await date.press('Enter')
    }
    await setDate(chinaDay(-1))
    await inputOf(page, 'rs-reason').fill('浏览器测试')
    await byTestId(page, 'rs-op-0-units').click()
    await pickOption(page, GONE.name)
    await pickOption(page, KEEP.name)
    await page.keyboard.press('Escape')
    // The closing list fades out: wait until it is gone, or the next pick may land on its fading twin.
    await page.waitForFunction(() =>
      [...document.querySelectorAll('.el-select-dropdown__item')].every((e) => !e.checkVisibility()))
    await byTestId(page, 'rs-op-0-into-code').click()
    await pickOption(page, KEEP.name)

    // A date in the past: the server's problem shows next to the date.
    const refused = page.waitForResponse((r) => new URL(r.url()).pathname.endsWith('/units/restructure'))
    await byTestId(page, 'rs-dry-run').click()
    assert.equal((await refused).status(), 400)
    await dialog.locator('.el-form-item.is-error', { has: byTestId(page, 'rs-effective-date') })
      .filter({ hasText: '不能早于今天' }).waitFor()
    assert.equal(await byTestId(page, 'rs-summary').count(), 0)
    await setDate(chinaDay(1))
    // Under load the picker may still hold the old date: wait until the input shows the new one and its error is gone.
    for (let i = 0; i < 50 && (await date.inputValue()) !== chinaDay(1); i++) await page.waitForTimeout(100)
    assert.equal(await date.inputValue(), chinaDay(1))
    // The form's model follows the input a moment later: the server's 'not before today' error goes when the plan
    // changes, so once it is gone the dry run carries the new date (sent before, it carried yesterday: CI under load).
    await dialog.locator('.el-form-item.is-error', { has: byTestId(page, 'rs-effective-date') })
      .waitFor({ state: 'detached' })

    // Dry run: nothing written, the counts are what the database holds.
    const dry = page.waitForResponse((r) => new URL(r.url()).pathname.endsWith('/units/restructure'))
    await byTestId(page, 'rs-dry-run').click()
    assert.equal((await dry).status(), 200)
    const summary = dialog.locator('[data-testid="rs-summary"]')
    await summary.waitFor()
    assert.match(await byTestId(page, 'rs-count-dissolve').innerText(), /\b1\b/)
    assert.match(await byTestId(page, 'rs-count-create').innerText(), /\b0\b/)
    const changes = await byTestId(page, 'rs-unit-changes').locator('tr.el-table__row').allInnerTexts()
    assert.equal(changes.length, 1, changes.join(' | '))
    assert.match(changes[0], new RegExp(`撤销[\\s\\S]*${GONE.code}[\\s\\S]*${GONE.name}`))
    const users = byTestId(page, 'rs-moves').locator('tr.el-table__row', { hasText: '民警账号' })
    assert.match(await users.innerText(), new RegExp(`用户[\\s\\S]*民警账号\\s+${officers}\\s*$`))
    // Counts may be shown with thousands separators (6,567): compare the numbers.
    const num = (s) => Number(s.replace(/[,\s]/g, ''))
    const counts = (await byTestId(page, 'rs-moves').locator('tr.el-table__row td:last-child').allInnerTexts()).map(num)
    const total = counts.reduce((a, n) => a + n, 0)
    assert.ok(counts.every(Number.isFinite), counts.join(' | '))
    assert.equal(num((await byTestId(page, 'rs-total-moved').innerText()).replace(/^\D+/, '')), total)
    assert.equal(usersIn(GONE.code), officers, 'the dry run moved nobody')
    await shot(page, 'desktop-units-dry-run')

    // Apply, after the confirmation.
    await byTestId(page, 'rs-apply').click()
    const box = page.locator('.el-message-box:visible')
    await box.waitFor()
    assert.match(await box.innerText(), new RegExp(`${chinaDay(1)}[\\s\\S]*${total}`))
    const applied = page.waitForResponse((r) => new URL(r.url()).pathname.endsWith('/units/restructure'))
    await box.getByRole('button', { name: '执行调整' }).click()
    assert.equal((await applied).status(), 201)
    await byTestId(page, 'rs-result').waitFor()
    assert.equal(usersIn(GONE.code), 0, 'the officers moved at once')
    assert.equal(usersIn(KEEP.code), keptBefore + officers)
    await dialog.getByRole('button', { name: '关闭', exact: true }).click()
    await dialog.waitFor({ state: 'hidden' })

    // The structure by date: from tomorrow 东城 is gone; today it still stands.
    await treeOn(page, chinaDay(1))
    assert.equal(await byTestId(page, `unit-${GONE.code}`).count(), 0)
    await byTestId(page, 'unit-date-note').waitFor()
    await shot(page, 'desktop-units-tree-after')
    await treeOn(page, chinaDay(0))
    await byTestId(page, `unit-${GONE.code}`).waitFor()

    // Its history names the unit that takes over.
    await byTestId(page, `unit-history-${GONE.code}`).click()
    const successors = byTestId(page, 'unit-history-successors')
    await successors.filter({ hasText: KEEP.name }).waitFor()
    await shot(page, 'desktop-units-history')
    await page.keyboard.press('Escape')
    await byTestId(page, 'unit-history').waitFor({ state: 'hidden' })

    // Undo, with a reason, from the list.
    await page.getByRole('tab', { name: '调整记录' }).click()
    const row = byTestId(page, 'rs-table').locator('tr.el-table__row', { hasText: TITLE }).first()
    await row.waitFor()
    assert.match(await row.innerText(), /已执行/)
    await shot(page, 'desktop-units-list')
    await row.locator('[data-testid="rs-undo"]').click()
    const prompt = page.locator('.el-message-box:visible')
    await prompt.waitFor()
    await prompt.locator('textarea').fill('浏览器测试撤销')
    const undone = page.waitForResponse((r) => /\/units\/restructures\/\d+\/undo$/.test(new URL(r.url()).pathname))
    await prompt.getByRole('button', { name: '撤销' }).click()
    assert.equal((await undone).status(), 200)
    await row.filter({ hasText: '已撤销' }).waitFor()
    assert.equal(await row.locator('[data-testid="rs-undo"]').count(), 0)
    assert.equal(usersIn(GONE.code), officers, 'the officers are back')
    await shot(page, 'desktop-units-undone')

    await page.getByRole('tab', { name: '单位结构' }).click()
    await treeOn(page, chinaDay(1))
    await byTestId(page, `unit-${GONE.code}`).waitFor()
  })
})
