// The person register in the browser (issue 14, ADR 0032): the community officer opens 实有人口 (masked list),
// registers a person by a 15-digit ID number (the form converts it to 18 digits and shows birth date and sex as
// typed) living at an address typed as free text and matched to a standard address, finds the person again by the
// 18-digit number, and opens the masked detail. Screenshots in zh-CN.
import { after, before, describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { byTestId, expectPath, gotoApp, inputOf, login, openBrowser, shot, sqlite } from './lib.mjs'

const ID15 = '519901650707218'            // 1965-07-07, sequence 218: even = female
const ID18 = '51990119650707218' + '10X98765432'[[...'51990119650707218'].reduce((s, d, i) => s + Number(d) * [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2][i], 0) % 11]

describe('people: register a person at a matched address and find them again', () => {
  let b
  before(async () => { b = await openBrowser() })
  after(async () => {
    if (b?.problems.length) console.log(`# browser notes (officer):\n#   ${b.problems.join('\n#   ')}`)
    await b?.close()
  })

  it('list, form with ID check and address match, search, detail', async () => {
    const { page } = b
    await login(page, 'officer')
    await expectPath(page, '/')
    await gotoApp(page, '/community/people')
    await byTestId(page, 'people-table').locator('.el-table__row').first().waitFor()
    const firstId = await byTestId(page, 'people-table').locator('.el-table__row').first().innerText()
    assert.match(firstId, /519901\*{8}/, 'the list shows masked ID numbers')
    await shot(page, 'people-list')

    await byTestId(page, 'people-new').click()
    await byTestId(page, 'people-form').waitFor()
    await inputOf(page, 'people-id-number').fill(ID15)
    await byTestId(page, 'people-id-hint').filter({ hasText: ID18 }).waitFor()
    assert.match(await byTestId(page, 'people-id-hint').innerText(), /1965-07-07.*女/)
    await inputOf(page, 'people-name').fill('花荣')
    await inputOf(page, 'people-address-text').fill('城关镇解放路5号1栋1单元101')
    await byTestId(page, 'people-address-match').click()
    await byTestId(page, 'people-address-chosen').filter({ hasText: '519901-01-01-001-0005-01-01-0101' }).waitFor()
    await inputOf(page, 'people-phones').fill('13912345678')
    await shot(page, 'people-form')
    await byTestId(page, 'people-form-save').click()
    await byTestId(page, 'people-form').waitFor({ state: 'hidden' })
    assert.equal(sqlite(`SELECT residence_code FROM community_people WHERE name = '花荣'`).trim(), '519901-01-01-001-0005-01-01-0101')

    await inputOf(page, 'people-q').fill(ID18)
    // The new person already heads the unfiltered list: wait for the search's own answer, then for the table to
    // show only it (under load the old rows were still there when the row with 花* was found).
    const searched = page.waitForResponse((r) => new URL(r.url()).pathname.endsWith('/community/people')
      && new URL(r.url()).searchParams.has('q'))
    await byTestId(page, 'people-search').click()
    assert.equal((await searched).status(), 200)
    await page.waitForFunction(() =>
      document.querySelectorAll('[data-testid="people-table"] .el-table__row').length === 1)
    await byTestId(page, 'people-table').locator('.el-table__row', { hasText: '花*' }).waitFor()
    await byTestId(page, 'people-table').locator('.el-table__row').first().locator('a').first().click()
    await byTestId(page, 'person-detail').waitFor()
    const text = await byTestId(page, 'person-detail').innerText()
    assert.ok(!text.includes(ID18) && !text.includes('13912345678'), 'the detail is masked')
    assert.match(text, /139\*{4}5678/)
    await shot(page, 'people-detail')
  })
})
