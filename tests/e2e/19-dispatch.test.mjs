// 110 dispatch (issue 18), the whole task in one flow: the duty desk takes a police call and dispatches it to a patrol
// unit from the intake screen (fields and clicks counted and printed), takes a non-police call and diverts it to the
// market department; the department (dept_staff demo account `market`) accepts and reports; the desk records the
// callback satisfied, and the figures' satisfied count moves by one.
import { after, before, describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { byTestId, expectPath, gotoApp, inputOf, login, openBrowser, shot } from './lib.mjs'
import { intake } from './lib-dispatch.mjs'

const TAG = `E2E${Date.now() % 100000}`

async function satisfiedTotal(page) {
  await gotoApp(page, '/dispatch/figures')
  const n = byTestId(page, 'total-satisfied').locator('.el-statistic__number')
  await n.waitFor()
  return Number((await n.innerText()).replace(/[^\d]/g, ''))
}

describe('110 dispatch: intake, dispatch, divert, department, callback, figures', () => {
  let desk
  let dept
  before(async () => {
    desk = await openBrowser()
    dept = await openBrowser()
  })
  after(async () => {
    for (const [who, b] of [['duty', desk], ['market', dept]]) {
      if (b?.problems.length) console.log(`# browser notes (${who}):\n#   ${b.problems.join('\n#   ')}`)
      await b?.close()
    }
  })

  it('the desk dispatches and diverts, the department reports, the callback moves the figure', async () => {
    const p = desk.page
    await login(p, 'duty')
    await expectPath(p, '/')
    const before = await satisfiedTotal(p)

    // 1. A police call, dispatched to an available patrol unit without leaving the screen.
    await gotoApp(p, '/dispatch/intake')
    const police = await intake(p, { phone: '13900001111', summary: `${TAG} 有人撬电动车锁`, place: '城关镇解放路12号', category: '0101' })
    // the patrol picker has the focus and the first available unit chosen: Enter dispatches
    await p.locator('[data-testid="patrol"] .el-select__selected-item:not(.is-transparent)').first().waitFor()
    const sent = p.waitForResponse((r) => /\/dispatch\/calls\/\d+\/dispatch$/.test(r.url()))
    await byTestId(p, 'dispatch').click()
    assert.equal((await sent).status(), 200)
    const clicks = police.clicks + 1
    console.log(`# intake-to-dispatch: ${police.fields} fields, ${clicks} clicks (+ Ctrl+Enter to save)`)
    await inputOf(p, 'caller-phone').waitFor()

    // 2. A consumer dispute: taken, then diverted to the market department from the call page.
    const other = await intake(p, { phone: '13900002222', summary: `${TAG} 商家拒绝退货`, place: '城关镇新华街8号', category: '0902' })
    await shot(p, '19-dispatch-intake')
    await byTestId(p, 'open-call').click()
    await expectPath(p, `/dispatch/calls/${other.call.id}`)
    await byTestId(p, 'department').click()
    await p.locator('.el-select-dropdown__item:visible', { hasText: '市场监督管理局' }).first().click()
    const diverted = p.waitForResponse((r) => r.url().endsWith(`/calls/${other.call.id}/divert`))
    await byTestId(p, 'divert').click()
    assert.equal((await diverted).status(), 200)
    await byTestId(p, 'work-orders').getByText('市场监督管理局').waitFor()

    // 3. The department accepts and reports.
    const d = dept.page
    await login(d, 'market')
    await d.waitForURL((u) => u.pathname !== '/login')
    await gotoApp(d, '/dispatch/dept')
    const row = byTestId(d, 'dept-orders').locator('tr', { hasText: TAG })
    await row.waitFor()
    const accepted = d.waitForResponse((r) => /\/dept\/orders\/\d+\/accept$/.test(r.url()))
    await row.locator('[data-testid="accept"]').click()
    assert.equal((await accepted).status(), 200)
    await row.locator('[data-testid="accept"]').waitFor({ state: 'detached' })
    await row.locator('[data-testid="report"]').click()
    await inputOf(d, 'report-text').fill('已约谈商家，同意退货，消费者已收到退款')
    const reported = d.waitForResponse((r) => /\/dept\/orders\/\d+\/report$/.test(r.url()))
    await byTestId(d, 'report-submit').click()
    assert.equal((await reported).status(), 200)
    await shot(d, '19-dispatch-dept')

    // 4. The desk calls back: satisfied.
    await gotoApp(p, `/dispatch/calls/${other.call.id}`)
    await byTestId(p, 'record-callback').waitFor()
    await byTestId(p, 'callback-result').getByText('满意', { exact: true }).click()
    const recorded = p.waitForResponse((r) => /\/dispatch\/callbacks\/\d+$/.test(r.url()))
    await byTestId(p, 'record-callback').click()
    assert.equal((await recorded).status(), 200)
    await byTestId(p, 'callback-state').getByText('满意').waitFor()
    await shot(p, '19-dispatch-call')

    // 5. The figure moved.
    assert.equal(await satisfiedTotal(p), before + 1)
    await shot(p, '19-dispatch-figures')
    await gotoApp(p, '/dispatch/board')
    await byTestId(p, 'board-calls').getByText(police.call.call_no).waitFor()
    await shot(p, '19-dispatch-board')
  })
})
