// The service supervision centre (issue 18), the whole loop in one flow: a member of the public logs in on the
// website form with an SMS code and files a complaint about a station; the supervisor assigns it, the station's
// officer replies, the supervisor requires rectification, the officer reports it, the supervisor verifies it and
// records the callback as satisfied; the month's closed figure moves by one.
import { after, before, describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { existsSync, readFileSync } from 'node:fs'
import { byTestId, expectPath, fill, gotoApp, login, openBrowser, shot } from './lib.mjs'

const SMS_FILE = process.env.E2E_SMS_FILE
const PHONE = '13755550101'

// The last SMS code the demo gateway "delivered" after `seen` codes (the outbox sends on its own thread).
async function nextSmsCode(seen) {
  let codes = []
  for (let i = 0; i < 400; i++) {
    codes = existsSync(SMS_FILE) ? [...readFileSync(SMS_FILE, 'utf8').matchAll(/您的验证码为(\d{6})/g)].map((m) => m[1]) : []
    if (codes.length > seen) return codes.at(-1)
    await new Promise((r) => setTimeout(r, 100))
  }
  throw new Error('no SMS code arrived')
}
function smsCount() {
  return existsSync(SMS_FILE) ? [...readFileSync(SMS_FILE, 'utf8').matchAll(/您的验证码为(\d{6})/g)].length : 0
}

describe('service supervision: public complaint → assign → reply → rectification → callback', () => {
  let pub
  let sup
  let off
  before(async () => {
    assert.ok(SMS_FILE, 'E2E_SMS_FILE (run through tests/e2e/run.sh)')
    pub = await openBrowser()
    sup = await openBrowser()
    off = await openBrowser()
  })
  after(async () => {
    for (const [who, b] of [['public', pub], ['supervisor', sup], ['officer', off]]) {
      if (b?.problems.length) console.log(`# browser notes (${who}):\n#   ${b.problems.join('\n#   ')}`)
      await b?.close()
    }
  })

  // Opens the ticket in the drawer from the list (filtered by its number) and takes `action` with `note`.
  async function act(page, listPath, ticketNo, action, { note = '', stateAfter } = {}) {
    await gotoApp(page, listPath)
    await fill(page, 'sd-filter-no', ticketNo)
    await byTestId(page, 'sd-search').click()
    await byTestId(page, `sd-open-${ticketNo}`).click()
    const drawer = byTestId(page, 'sd-drawer')
    await byTestId(page, `sd-action-${action}`).click()
    if (note) await fill(page, 'sd-step-note', note)
    await byTestId(page, 'sd-step-submit').click()
    await drawer.locator('[data-testid="sd-drawer-state"]', { hasText: stateAfter }).waitFor()
  }

  it('runs the loop and moves the figure', async () => {
    // The month's closed figure before.
    const s = sup.page
    await login(s, 'supervisor')
    await expectPath(s, '/')
    await gotoApp(s, '/servicedesk/figures')
    const closedBefore = Number((await byTestId(s, 'sd-kpi-closed').locator('.el-statistic__number').innerText()).replace(/,/g, ''))

    // The public form behind the SMS-code login.
    const p = pub.page
    await gotoApp(p, '/service')
    await fill(p, 'pa-phone', PHONE)
    const seen = smsCount()
    await byTestId(p, 'pa-send').click()
    await fill(p, 'pa-code', await nextSmsCode(seen))
    await byTestId(p, 'pa-verify').click()
    await byTestId(p, 'sd-pub-verified').waitFor()
    await byTestId(p, 'sd-pub-category').getByText('服务态度').click()
    await fill(p, 'sd-pub-name', '韩晓雪')
    await byTestId(p, 'sd-pub-unit').click()
    await p.locator('.el-select-dropdown__item:visible', { hasText: '城关派出所' }).first().click()
    await fill(p, 'sd-pub-title', '户籍窗口民警态度生硬')
    await fill(p, 'sd-pub-content', '12月5日上午在城关派出所户籍窗口办理业务时，民警态度生硬。')
    await shot(p, 'public-service-form')
    await byTestId(p, 'sd-pub-submit').click()
    const ticketNo = (await byTestId(p, 'sd-pub-no').innerText()).trim()
    assert.match(ticketNo, /^FW\d{12}$/)
    await byTestId(p, 'sd-pub-mine').getByText(ticketNo).waitFor()

    // The supervisor assigns it to the station named in the form (the drawer presets the unit).
    await act(s, '/servicedesk/tickets', ticketNo, 'assign', { stateAfter: '已交办' })
    await shot(s, 'desktop-servicedesk-ticket')
    // The station's officer replies (the list holds the station's tickets only).
    const o = off.page
    await login(o, 'officer')
    await expectPath(o, '/')
    await act(o, '/servicedesk/tickets', ticketNo, 'reply', { note: '已对当事民警批评教育，并向当事人致歉。', stateAfter: '已答复' })
    await act(s, '/servicedesk/tickets', ticketNo, 'require_rectification', { note: '须落实窗口首问负责制。', stateAfter: '整改中' })
    await act(o, '/servicedesk/tickets', ticketNo, 'report_rectified', { note: '已组织户籍窗口文明服务培训。', stateAfter: '已报整改' })
    await act(s, '/servicedesk/tickets', ticketNo, 'verify', { stateAfter: '待回访' })
    // The callback (satisfied is the preset result).
    await act(s, '/servicedesk/tickets', ticketNo, 'callback', { note: '当事人表示满意', stateAfter: '已办结' })
    await byTestId(s, 'sd-drawer-callback').getByText('满意').waitFor()

    // The figure moved.
    await gotoApp(s, '/servicedesk/figures')
    await s.waitForFunction(({ before }) => {
      const el = document.querySelector('[data-testid="sd-kpi-closed"] .el-statistic__number')
      return el && Number(el.textContent.replace(/,/g, '')) === before + 1
    }, { before: closedBefore })
    await shot(s, 'desktop-servicedesk-figures')
  })
})
