// The command centre (issue 6, alerts): the duty desk raises a red alert to 城关派出所 from the board; the
// station officer, on a phone, sees it arrive live without reloading, signs for it and reports back; the duty
// desk then sees it closed, and the statistics page draws its charts.
import { after, before, describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { PHONE, alertRow, byTestId, closedAlertRow, expectPath, fill, gotoApp, login, openBrowser, shot, signAndReportFound } from './lib.mjs'

const SUBJECT = '川A7E2E9'

describe('command centre: a red alert from raise to close', () => {
  let duty
  let officer
  before(async () => {
    duty = await openBrowser()
    officer = await openBrowser({ viewport: PHONE, phone: true })
  })
  after(async () => {
    for (const [who, b] of [['duty', duty], ['officer', officer]]) {
      if (b?.problems.length) console.log(`# browser notes (${who}):\n#   ${b.problems.join('\n#   ')}`)
      await b?.close()
    }
  })

  it('reaches the station officer live; the officer signs and reports back; the desk sees it closed', async () => {
    await login(officer.page, 'officer')
    await expectPath(officer.page, '/')
    await gotoApp(officer.page, '/alerts/board')
    await byTestId(officer.page, 'alert-table').waitFor()
    await byTestId(officer.page, 'alert-live').filter({ hasText: /实时推送|Live/ }).waitFor()

    await login(duty.page, 'duty')
    await expectPath(duty.page, '/')
    await gotoApp(duty.page, '/alerts/board')
    await byTestId(duty.page, 'alert-raise').click()
    const dialog = byTestId(duty.page, 'alert-raise-dialog')
    await dialog.waitFor()
    await dialog.getByText('红色', { exact: true }).click()
    await fill(duty.page, 'alert-raise-subject', SUBJECT)
    await fill(duty.page, 'alert-raise-title', '在逃人员驾驶车辆进入城区')
    await byTestId(duty.page, 'alert-raise-units').click()
    await duty.page.locator('.el-select-dropdown__item:visible', { hasText: '城关派出所' }).first().click()
    await duty.page.keyboard.press('Escape')
    await shot(duty.page, 'desktop-alert-raise')
    await byTestId(duty.page, 'alert-raise-submit').click()
    await byTestId(duty.page, 'alert-table').getByText(SUBJECT).first().waitFor()
    await shot(duty.page, 'desktop-alert-board')

    // The officer's board updates from the WebSocket push: no reload here.
    const row = alertRow(officer.page, SUBJECT)
    await row.waitFor({ timeout: 15_000 })
    await shot(officer.page, 'phone-alert-arrived')
    await signAndReportFound(officer.page, row)

    const closed = await closedAlertRow(duty.page, SUBJECT)
    assert.match(await closed.innerText(), /已办结/)
    await closed.getByText('在逃人员驾驶车辆进入城区').click()
    await byTestId(duty.page, 'alert-detail').getByText(/已查获/).first().waitFor()
    await shot(duty.page, 'desktop-alert-detail')
  })

  it('draws the statistics for the duty desk', async () => {
    await gotoApp(duty.page, '/alerts/stats')
    await byTestId(duty.page, 'alert-chart-colour').locator('canvas').first().waitFor()
    await byTestId(duty.page, 'alert-stats-colours').getByText('红色').first().waitFor()
    await shot(duty.page, 'desktop-alert-stats')
  })
})
