// The person watch list (issue 15), the whole task in one flow: an officer applies for a wanted person (人员布控申请),
// the leader approves it from the list, a check through the API (the phone's POST /api/v1/personwatch/check with a
// position) raises an alert, and the duty desk sees it arrive on the board and opens it: source, instruction and
// the place on the map.
import { after, before, describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { byTestId, expectPath, fill, gotoApp, login, openBrowser, shot } from './lib.mjs'

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
  before(async () => {
    officer = await openBrowser()
    leader = await openBrowser()
    duty = await openBrowser()
  })
  after(async () => {
    for (const [who, b] of [['officer', officer], ['leader', leader], ['duty', duty]]) {
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

    // The phone's check, through the API in the officer's session (CSRF token from its cookie).
    const answer = await o.evaluate(async (number) => {
      const csrf = document.cookie.split('; ').find((c) => c.startsWith('jw_csrf='))?.slice(8) ?? ''
      const res = await fetch('/api/v1/personwatch/check', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'X-CSRF-Token': decodeURIComponent(csrf) },
        body: JSON.stringify({ id_number: number, purpose: '路面盘查', event_ref: 'e2e-check-1',
          latitude: 30.6105, longitude: 104.0721 }),
      })
      return { status: res.status, body: await res.json() }
    }, NUMBER)
    assert.equal(answer.status, 200, JSON.stringify(answer.body))
    assert.equal(answer.body.hit, true)
    assert.equal(answer.body.hits[0].instruction, '立即控制并带回审查，注意安全')

    // The duty desk's board gets it pushed (no reload) and opens it.
    const alert = d.locator('[data-testid="alert-table"] tr.el-table__row', { hasText: '在逃人员' }).first()
    await alert.waitFor({ timeout: 15_000 })
    await alert.getByText(/在逃人员 欧\*+ 被核查/).click()
    const detail = byTestId(d, 'alert-detail')
    await detail.getByText('人员布控').first().waitFor()
    await detail.getByText(CASE_NO).first().waitFor()
    await shot(d, 'desktop-personwatch-alert')
  })
})
