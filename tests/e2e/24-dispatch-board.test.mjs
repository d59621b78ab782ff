// The duty desk's live board (issue 18, ADR 0063): a call taken at the intake desk in one browser appears on the
// board open in another (a second desk session) without a reload — pushed over the WebSocket —, on its map; the patrol unit's
// officer, on the phone at 375 px, sets the unit's own status and the board shows it, again without a reload.
import { after, before, describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { BASE, DEMO_PASSWORD, PHONE, byTestId, expectPath, gotoApp, inputOf, login, openBrowser, shot } from './lib.mjs'
import { intake } from './lib-dispatch.mjs'

const TAG = `E2E${Date.now() % 100000}`

describe('110 live board: pushes from the desk and from the patrol phone', () => {
  let desk, board, phone
  before(async () => {
    ;[desk, board, phone] = await Promise.all([openBrowser(), openBrowser(), openBrowser({ viewport: PHONE, phone: true })])
  })
  after(async () => {
    for (const [who, b] of [['duty', desk], ['duty-board', board], ['patrol', phone]]) {
      if (b?.problems.length) console.log(`# browser notes (${who}):\n#   ${b.problems.join('\n#   ')}`)
      await b?.close()
    }
  })

  it('a call and a unit status reach the open board without a reload', async () => {
    // A colleague's board at the desk (a second session of the duty desk), open before the call comes in. The push
    // needs the socket; a push made while it (re)connects is read again on connecting, so no wait for 'live' here.
    const b = board.page
    await login(b, 'duty')
    await expectPath(b, '/')
    await gotoApp(b, '/dispatch/board')
    await byTestId(b, 'board-calls').locator('.el-table__row').first().waitFor()
    await byTestId(b, 'board-map').locator('.leaflet-container').waitFor()
    let loads = 0
    b.on('framenavigated', (f) => { if (f === b.mainFrame()) loads++ })

    // The desk takes a call in its own browser.
    const d = desk.page
    await login(d, 'duty')
    await expectPath(d, '/')
    await gotoApp(d, '/dispatch/intake')
    const { call } = await intake(d, { phone: '13900003333', summary: `${TAG} 路口两车刮擦发生争执`, place: '城关镇解放路12号', category: '0201' })
    await b.locator('[data-testid="board-calls"] .el-table__row', { hasText: call.call_no }).waitFor()
    await b.locator('[data-testid="board-calls"] .el-table__row', { hasText: `${TAG} 路口两车刮擦发生争执` }).waitFor()
    await shot(b, '24-dispatch-board')

    // The patrol officer on the phone: my unit, a status of its own.
    const m = phone.page
    await m.goto(`${BASE}/m/login`)
    await inputOf(m, 'm-login-username').fill('patrol')
    await inputOf(m, 'm-login-password').fill(DEMO_PASSWORD)
    await byTestId(m, 'm-login-submit').tap()
    await m.waitForURL((u) => u.pathname === '/m/')
    await byTestId(m, 'm-home-patrol').tap()
    await m.waitForURL((u) => u.pathname === '/m/patrol')
    const status = byTestId(m, 'm-patrol-status')
    await status.waitFor()
    let word
    if (await byTestId(m, 'm-patrol-call').isVisible()) {
      // An earlier test dispatched a call to this unit: while on it, the unit's status follows the call (accepted:
      // 出警中, arrived: 在现场, finished: 空闲), so the unit moves on by answering the call.
      const steps = [['accept', '出警中'], ['arrive', '在现场'], ['finish', '空闲']]
      let action
      for (const [a, w] of steps) if (await byTestId(m, `m-patrol-${a}`).isVisible()) [action, word] = [a, w]
      assert.ok(action, 'the call offers the unit its next step')
      if (action === 'finish') await inputOf(m, 'm-patrol-note').fill('现场已处置完毕')
      const answered = m.waitForResponse((r) => /\/dispatch\/calls\/\d+\/respond$/.test(r.url()))
      await byTestId(m, `m-patrol-${action}`).tap()
      assert.equal((await answered).status(), 200)
    } else {
      const [next, w] = (await status.innerText()).includes('忙碌') ? ['available', '空闲'] : ['busy', '忙碌']
      word = w
      const set = m.waitForResponse((r) => /\/dispatch\/patrols\/\d+\/status$/.test(r.url()))
      await byTestId(m, `m-patrol-set-${next}`).tap()
      assert.equal((await set).status(), 200)
    }
    await status.filter({ hasText: word }).waitFor()
    await shot(m, '24-dispatch-patrol-phone')

    await byTestId(b, 'patrol-P01-1').filter({ hasText: word }).waitFor()
    assert.equal(loads, 0, 'the board was not reloaded')
  })
})
