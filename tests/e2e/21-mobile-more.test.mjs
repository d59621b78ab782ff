// The phone app's leftovers of issue 15 (ADR 0059), at phone size with touch:
// - the grid member (网格员) sees no 盘查 or 车辆核查 on the home screen; the auxiliary (辅警) checks identities but
//   is offered no pass search;
// - the officer checks a plate and, with a purpose and a case number of their station, sees its last passes (the
//   search in the audit log as theirs); and opens the case pages from the home screen (the desktop's own);
// (A photo taken offline: tests/e2e/25-mobile-photo-offline, ADR 0069.)
import { after, before, describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { BASE, DEMO_PASSWORD, byTestId, inputOf, openBrowser, shot, sqlite } from './lib.mjs'

const PHONE_375 = { width: 375, height: 812 }


async function phoneLogin(page, username) {
  await page.goto(`${BASE}/m/login`)
  await inputOf(page, 'm-login-username').fill(username)
  await inputOf(page, 'm-login-password').fill(DEMO_PASSWORD)
  await byTestId(page, 'm-login-submit').tap()
  await page.waitForURL((u) => u.pathname === '/m/')
  await byTestId(page, 'm-home-user').waitFor()
}

describe('phone app: roles, passes with a basis', () => {
  let phone
  before(async () => {
    phone = await openBrowser({ viewport: PHONE_375, phone: true })
  })
  after(async () => {
    if (phone?.problems.length) console.log(`# browser notes:\n#   ${phone.problems.join('\n#   ')}`)
    await phone?.close()
  })

  it('shows each role its own work; passes only with a purpose and a case', async () => {
    const { page } = phone

    // the grid member: tasks and visits, no checks
    await phoneLogin(page, 'gridmember')
    await byTestId(page, 'm-home-visit').waitFor()
    assert.equal(await byTestId(page, 'm-home-check').count(), 0, 'no 盘查 for a grid member')
    assert.equal(await byTestId(page, 'm-home-vehicle').count(), 0, 'no 车辆核查 for a grid member')
    assert.equal(await byTestId(page, 'm-home-cases').count(), 0, 'no cases for a grid member')
    await shot(page, '21-home-gridmember')
    await page.goto(`${BASE}/m/me`)
    await byTestId(page, 'm-logout').tap()
    await page.waitForURL((u) => u.pathname === '/m/login')

    // the auxiliary: the vehicle's watch orders, no pass search
    await phoneLogin(page, 'auxiliary')
    await byTestId(page, 'm-home-check').waitFor()
    await byTestId(page, 'm-home-vehicle').tap()
    await inputOf(page, 'm-vehicle-plate').fill('川A12345')
    await byTestId(page, 'm-vehicle-submit').tap()
    await byTestId(page, 'm-vehicle-orders').waitFor()
    assert.equal(await byTestId(page, 'm-vehicle-basis').count(), 0, 'no pass search for an auxiliary')
    await page.goto(`${BASE}/m/me`)
    await byTestId(page, 'm-logout').tap()
    await page.waitForURL((u) => u.pathname === '/m/login')

    // the officer: the passes, with a purpose and a case number of their station
    const caseNo = sqlite("SELECT c.case_no FROM cases c JOIN units u ON u.id = c.unit_id WHERE u.name = '城关派出所' ORDER BY c.id LIMIT 1")
    assert.ok(caseNo, 'a demo case of 城关派出所')
    await phoneLogin(page, 'officer')
    await byTestId(page, 'm-home-vehicle').tap()
    await inputOf(page, 'm-vehicle-plate').fill('川A12345')
    await byTestId(page, 'm-vehicle-submit').tap()
    await byTestId(page, 'm-vehicle-basis').waitFor()
    await byTestId(page, 'm-vehicle-passes-submit').tap()
    await byTestId(page, 'm-vehicle-basis').locator('.van-field__error-message').first().waitFor() // purpose and case asked
    const runs = () => Number(sqlite("SELECT count(*) FROM audit_log a JOIN users u ON u.id = a.user_id WHERE u.username = 'officer' AND a.action = 'analysis.run' AND a.result = 'ok'"))
    const runsBefore = runs()
    await inputOf(page, 'm-vehicle-purpose').fill('盘查可疑车辆核实轨迹')
    await inputOf(page, 'm-vehicle-case').fill(caseNo)
    await byTestId(page, 'm-vehicle-passes-submit').tap()
    await byTestId(page, 'm-vehicle-passes').waitFor()
    await shot(page, '21-vehicle-passes')
    assert.equal(runs(), runsBefore + 1, 'the pass search is audited as the officer\'s')

    // cases on the phone: the desktop's own intake and progress pages, reachable from the home screen
    await page.goto(`${BASE}/m/`)
    await byTestId(page, 'm-home-case-new').waitFor()
    await byTestId(page, 'm-home-cases').tap()
    await page.waitForURL((u) => u.pathname === '/cases/list')
    await page.locator('.el-table').first().waitFor()
    await shot(page, '21-cases-from-phone')
  })
})
