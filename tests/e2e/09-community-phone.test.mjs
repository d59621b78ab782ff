// The community officer's phone (issue 14, ADR 0039): the demo officer logs in on /m/ at phone size with touch,
// registers a person with an old 15-digit ID number (the page shows the 18-digit conversion, sex and birth date)
// at an address typed the way officers write it, picks the matched standard address, and submits; the desktop
// people list then shows the person at that address, the grid's collection figures move on the bureau's table,
// and once the assessment import has run the officer's items hold the point for the collection (issue 14's
// browser test: the day's registration seen from all three sides). The phone never downloads the desktop's kit.
import { after, before, describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { BASE, DESKTOP, byTestId, gotoApp, inputOf, login, openBrowser, shot, sqlite } from './lib.mjs'

const PHONE_390 = { width: 390, height: 844 }
// A synthetic number of the demo region: 15 digits, born 1985-03-17, order 31x (odd = male).
const OLD_ID = `519901850317${String(311 + 2 * Math.floor(Math.random() * 300)).padStart(3, '0')}`
const NAME = '测试登记人'
const TYPED = '滨河路二十号2-2-301'
const STANDARD = '滨河路20号2栋2单元301室'

describe('community phone: register a person at a matched address', () => {
  let phone
  let leader
  before(async () => {
    phone = await openBrowser({ viewport: PHONE_390, phone: true })
  })
  after(async () => {
    if (phone?.problems.length) console.log(`# browser notes:\n#   ${phone.problems.join('\n#   ')}`)
    await phone?.close()
    await leader?.close()
  })

  it('logs in on /m/, registers, and the desktop lists the person', async () => {
    const t0 = Date.now()
    const mark = (what) => console.log(`# ${what}: ${((Date.now() - t0) / 1000).toFixed(1)} s`)
    const { page } = phone
    const assets = []
    page.on('request', (r) => {
      if (r.url().includes('/assets/')) assets.push(new URL(r.url()).pathname)
    })

    // a deep link to the phone app lands on its own login page, and back there after it
    await page.goto(`${BASE}/m/people/new`)
    await byTestId(page, 'm-login-username').waitFor()
    await shot(page, '09-phone-login')
    await inputOf(page, 'm-login-username').fill('officer')
    await inputOf(page, 'm-login-password').fill('Jingwu@2026')
    await byTestId(page, 'm-login-submit').tap()
    await page.waitForURL((u) => u.pathname === '/m/people/new')
    mark('logged in')

    await inputOf(page, 'm-person-id').fill(OLD_ID)
    const hint = byTestId(page, 'm-person-id-hint')
    await assert.doesNotReject(hint.filter({ hasText: '已转换为 18 位' }).waitFor())
    assert.match(await hint.innerText(), /男 · 1985-03-17/)
    assert.equal(await byTestId(page, 'm-person-sex').innerText(), '男')
    await inputOf(page, 'm-person-name').fill(NAME)

    await page.locator('[data-testid="m-address-input"] textarea').fill(TYPED)
    await byTestId(page, 'm-address-match').tap()
    const candidate = byTestId(page, 'm-address-candidate').filter({ hasText: STANDARD }).first()
    await candidate.waitFor()
    await shot(page, '09-phone-candidates')
    await candidate.tap()
    const picked = byTestId(page, 'm-address-picked')
    await picked.waitFor()
    const code = (/地址编码 (\S+)/.exec(await picked.innerText()) ?? [])[1]
    assert.ok(code, 'the picked address shows its code')
    const atAddress = () =>
      Number(sqlite(`SELECT count(*) FROM community_people WHERE residence_code = '${code}' AND birth_date = '1985-03-17'`))
    const before = atAddress()
    const grid = sqlite(`SELECT grid_id FROM community_addresses WHERE code = '${code}'`).trim()
    assert.ok(grid, 'the demo addresses lie in grids')
    // the bureau's table before: the grid's row as the leader sees it
    leader = await openBrowser()
    await login(leader.page, 'leader')
    await leader.page.waitForURL((u) => u.pathname !== '/login')
    const gridRow = async () => {
      await gotoApp(leader.page, '/community/grids/rates')
      const row = byTestId(leader.page, 'grid-rates-table').locator('.el-table__row', { hasText: grid }).first()
      await row.waitFor()
      return row.innerText()
    }
    const rowBefore = await gridRow()

    await inputOf(page, 'm-person-phone').fill('13800138000')
    await shot(page, '09-phone-register', { fullPage: true })
    await byTestId(page, 'm-person-submit').tap()
    const done = byTestId(page, 'm-person-done')
    await done.waitFor()
    assert.match(await done.innerText(), /登记成功/)
    await shot(page, '09-phone-registered')
    mark('registered')

    // one record, under the 18-digit number, at the picked standard address
    assert.equal(atAddress(), before + 1)

    // the phone app loaded neither the desktop entry nor its charts
    assert.deepEqual(assets.filter((a) => /\/(main|EChart|BaseMap)-/.test(a)), [])

    // the desktop people list finds the person by the old number, at the picked address; the desktop opens
    // in the same browser without logging in again (one session for both apps, ADR 0039)
    const desk = await phone.context.newPage()
    await desk.setViewportSize(DESKTOP)
    await desk.goto(`${BASE}/community/people`)
    await inputOf(desk, 'people-q').fill(OLD_ID)
    await byTestId(desk, 'people-search').click()
    const row = byTestId(desk, 'people-table').locator('.el-table__row', { hasText: STANDARD }).first()
    await row.waitFor()
    // (the list masks the birth day and the phone)
    assert.match(await row.innerText(), /1985-[-*0-9]+[\s\S]*138\*{4}8000/)
    await shot(desk, '09-desktop-people')
    mark('desktop list')

    // the rate moves: the grid's row on the bureau's table counts one more person
    const rowAfter = await gridRow()
    assert.notEqual(rowAfter, rowBefore, `the row of ${grid} changes`)
    await shot(leader.page, '09-grid-rates-after')

    // the point appears: the leader runs the assessment import, and the collection is an item of the officer's
    const audit = sqlite(`SELECT max(id) FROM audit_log WHERE action = 'community.person.create' AND username = 'officer'`).trim()
    await gotoApp(leader.page, '/assessment/scores')
    await byTestId(leader.page, 'assessment-import').click()
    await leader.page.locator('.el-message--success').first().waitFor()
    assert.equal(sqlite(`SELECT count(*) FROM assessment_items WHERE audit_id = ${audit}`).trim(), '1')
    await gotoApp(desk, '/assessment/scores')
    await desk.getByRole('tab', { name: '我的考核明细' }).click()
    await byTestId(desk, 'assessment-items').locator('tbody tr').first().waitFor()
    await shot(desk, '09-officer-items')
    mark('rate and point')
  })
})
