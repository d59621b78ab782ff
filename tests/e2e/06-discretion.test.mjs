// The discretion page with an aggravating paragraph (ADR 0022): an officer chooses 2012 §43¶1 (assault), enters
// a victim aged 60 and gets §43¶2(二) applied, with the fact that met it, in Chinese; screenshots of the facts
// form and of the result are saved to tests/e2e/out/ for a person to look at.
import { after, before, describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { byTestId, expectPath, fill, gotoApp, login, openBrowser, shot } from './lib.mjs'

// Element Plus date pickers do not pass a data-testid on: find the input by its form label.
async function fillDate(page, label, value) {
  const input = page.locator('.el-form-item', { has: page.locator('label', { hasText: label }) }).locator('input').first()
  await input.fill(value)
  await input.press('Enter')
}

describe('discretion: facts raise the range to an aggravating paragraph', () => {
  let b
  before(async () => {
    b = await openBrowser()
  })
  after(async () => {
    if (b.problems.length) console.log(`# browser notes (officer):\n#   ${b.problems.join('\n#   ')}`)
    await b.close()
  })

  it('applies 2012 §43¶2(二) for a victim of 60 and says why', async () => {
    const { page } = b
    await login(page, 'officer')
    await page.waitForURL((u) => u.pathname !== '/login')
    await gotoApp(page, '/discretion/decide')
    await expectPath(page, '/discretion/decide')
    await fillDate(page, '行为终了日期', '2025-11-03')
    await fillDate(page, '决定日期', '2025-12-01')
    await fillDate(page, '出生日期', '1990-05-01')
    // The violation's law text, then 第43条第1款 基本幅度 (2012: 殴打他人).
    const violation = byTestId(page, 'discretion-violation-0')
    await violation.locator('.el-select').first().click()
    await page.locator('.el-select-dropdown__item:visible', { hasText: '2012' }).first().click()
    await byTestId(page, 'discretion-tier-0').click()
    await page.keyboard.type('殴打他人的')
    await page.locator('.el-select-dropdown__item:visible', { hasText: '第43条第1款 基本幅度' }).first().click()
    const facts = byTestId(page, 'discretion-facts-0')
    await facts.waitFor()
    assert.match(await facts.innerText(), /第四十三条第二款第（二）项/)
    await byTestId(page, 'discretion-add-victim-0').click()
    await fill(page, 'discretion-victim-0-0-age', '60')
    await page.keyboard.press('Tab')
    await facts.scrollIntoViewIfNeeded()
    await shot(page, 'desktop-discretion-facts')
    await byTestId(page, 'discretion-submit').click()
    const shown = byTestId(page, 'discretion-aggravations-0')
    await shown.waitFor()
    const text = await shown.innerText()
    assert.match(text, /第四十三条第二款第（二）项：殴打、伤害六十周岁以上的人/)
    assert.match(text, /年龄（周岁）：60/)
    // 2012 §43¶2: 十日以上十五日以下拘留，并处五百元以上一千元以下罚款 → sample base 12 days, 750 yuan.
    assert.match(await byTestId(page, 'discretion-executed-days').innerText(), /12/)
    assert.match(await byTestId(page, 'discretion-fine').innerText(), /750/)
    await shown.scrollIntoViewIfNeeded()
    await shot(page, 'desktop-discretion-aggravation')
  })
})
