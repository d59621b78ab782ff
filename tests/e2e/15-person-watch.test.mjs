// The person watch list (issue 15), the whole task in one flow: an officer applies for a wanted person (人员布控申请),
// the leader approves it from the list, an officer in the field checks the person on the phone app (/m/, phone size,
// with the phone's position), the phone shows the instruction, and the duty desk's open board gets the alert pushed
// and opens it: source, instruction and the place on the map. The time from the tap to the row on the board is
// printed (the issue: the duty desk sees a wanted person's check at once when online).
import { after, before, describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { BASE, DEMO_PASSWORD, byTestId, expectPath, fill, gotoApp, inputOf, login, openBrowser, shot } from './lib.mjs'

// A synthetic resident ID of region 519901 with its GB 11643 check character.
function id18(first17) {
  const w = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
  const sum = [...first17].reduce((s, ch, i) => s + Number(ch) * w[i], 0)
  return first17 + '10X98765432'[sum % 11]
}
const NUMBER = id18('51990119880808333')
const CASE_NO = '示公刑立字〔2026〕515号'

// China time "YYYY-MM-DD HH:mm:ss" `offset` seconds from now (the picker's format).
function chinaTime(offset) {
  return new Date(Date.now() + offset * 1000 + 8 * 3600 * 1000).toISOString().slice(0, 19).replace('T', ' ')
}

describe('person watch list: apply, approve, a check raises an alert on the duty board', () => {
  let officer
  let leader
  let duty
  let patrol
  before(async () => {
    officer = await openBrowser()
    leader = await openBrowser()
    duty = await openBrowser()
    patrol = await openBrowser({ viewport: { width: 390, height: 844 }, phone: true })
    await patrol.context.grantPermissions(['geolocation'], { origin: BASE })
    await patrol.context.setGeolocation({ latitude: 30.6105, longitude: 104.0721, accuracy: 15 })
  })
  after(async () => {
    for (const [who, b] of [['officer', officer], ['leader', leader], ['duty', duty], ['patrol', patrol]]) {
      if (b?.problems.length) console.log(`# browser notes (${who}):\n#   ${b.problems.join('\n#   ')}`)
      await b?.close()
    }
  })

  it('officer applies, leader approves, the check reaches the duty desk', async () => {
    const o = officer.page
    await login(o, 'officer')
    await expectPath(o, '/')
    await gotoApp(o, '/personwatch/entries')
    await byTestId(o, 'pw-table').waitFor()
    await byTestId(o, 'pw-apply').click()
    const dialog = byTestId(o, 'pw-apply-dialog')
    await dialog.waitFor()
    await fill(o, 'pw-id-number', NUMBER)
    await fill(o, 'pw-name', '欧阳振华')
    await fill(o, 'pw-case', CASE_NO)
    await fill(o, 'pw-reason', '涉嫌抢劫罪，已批准逮捕，在逃')
    await fill(o, 'pw-instruction', '立即控制并带回审查，注意安全')
    await byTestId(o, 'pw-units').click()
    await o.locator('.el-select-dropdown__item:visible', { hasText: '城关派出所' }).first().click()
    await o.keyboard.press('Escape')
    const range = dialog.locator('.el-date-editor--datetimerange input.el-range-input')
    await range.nth(0).click()
    await range.nth(0).fill(chinaTime(-3600))
    await range.nth(1).fill(chinaTime(86400))
    await range.nth(1).press('Enter')
    await shot(o, 'desktop-personwatch-apply')
    await byTestId(o, 'pw-apply-submit').click()
    await dialog.waitFor({ state: 'hidden' })
    // Listed masked: 欧*** and 519901********<last four>.
    const masked = `519901********${NUMBER.slice(-4)}`
    await byTestId(o, 'pw-table').getByText(masked).waitFor()

    const l = leader.page
    await login(l, 'leader')
    await expectPath(l, '/')
    await gotoApp(l, '/personwatch/entries')
    const row = l.locator('[data-testid="pw-table"] tr.el-table__row', { hasText: masked }).first()
    await row.waitFor()
    await row.getByRole('button', { name: '审批通过' }).click()
    await byTestId(l, 'pw-reason-dialog').waitFor()
    await byTestId(l, 'pw-reason-submit').click()
    await byTestId(l, 'pw-reason-dialog').waitFor({ state: 'hidden' })
    await row.getByText('在控').waitFor()
    await shot(l, 'desktop-personwatch-list')

    const d = duty.page
    await login(d, 'duty')
    await expectPath(d, '/')
    await gotoApp(d, '/alerts/board')
    await byTestId(d, 'alert-table').waitFor()

    // The field officer's phone: log in, 盘查 from the home screen, type the number, 查询.
    const p = patrol.page
    await p.goto(`${BASE}/m/login`)
    await inputOf(p, 'm-login-username').fill('officer')
    await inputOf(p, 'm-login-password').fill(DEMO_PASSWORD)
    await byTestId(p, 'm-login-submit').tap()
    await p.waitForURL((u) => u.pathname === '/m/')
    await byTestId(p, 'm-home-check').tap()
    await inputOf(p, 'm-check-id').fill(NUMBER)
    const tapped = Date.now()
    await byTestId(p, 'm-check-submit').tap()
    await p.locator('[data-testid="m-check-answer"][data-outcome="wanted"]').waitFor()
    const answered = Date.now()
    await byTestId(p, 'm-check-hit').filter({ hasText: '立即控制并带回审查，注意安全' }).waitFor()
    await shot(p, 'phone-personwatch-check')

    // The duty desk's board gets it pushed (no reload) and opens it.
    const alert = d.locator('[data-testid="alert-table"] tr.el-table__row', { hasText: '在逃人员' }).first()
    await alert.waitFor({ timeout: 15_000 })
    console.log(`# the phone's tap → its answer: ${answered - tapped} ms; → the alert's row on the duty desk's board: ${Date.now() - tapped} ms`)
    await alert.getByText(/在逃人员 欧\*+ 被核查/).click()
    const detail = byTestId(d, 'alert-detail')
    await detail.getByText('人员布控').first().waitFor()
    await detail.getByText(CASE_NO).first().waitFor()
    await shot(d, 'desktop-personwatch-alert')
  })
})
