// The leader's day (issue 13): the home page is the county at a glance (today's alerts, cases by stage, overdue
// cases, supervision letters, checkpoints); from it the leader sends a 督办 on an overdue case, and the head of
// the case's station finds it in the to-do centre and on the case page. Desktop, then 375 px.
import { after, before, describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { PHONE, byTestId, expectPath, fill, gotoApp, login, openBrowser, shot } from './lib.mjs'

async function noOverflow(page, name) {
  const { scroll, client } = await page.evaluate(() => ({ scroll: document.body.scrollWidth, client: document.body.clientWidth }))
  assert.ok(scroll <= client, `${name}: the page is ${scroll} px wide on a ${client} px screen`)
}

// The demo county's station heads (cases/urging/demo_unit_heads.cpp).
const HEADS = { 城关派出所: 'chief', 东城派出所: 'chief2', 西河派出所: 'chief3', 南山派出所: 'chief4', 北坝派出所: 'chief5', 青石派出所: 'chief6' }
const MESSAGE = '该案已超期，请三日内办结并报告。'

describe('leader: from the dashboard to a 督办 on an overdue case; the unit head sees it', () => {
  let leader
  let chief
  let caseNo = ''
  let head = ''
  before(async () => {
    leader = await openBrowser()
    chief = await openBrowser()
  })
  after(async () => {
    for (const [who, b] of [['leader', leader], ['chief', chief]]) {
      if (b?.problems.length) console.log(`# browser notes (${who}):\n#   ${b.problems.join('\n#   ')}`)
      await b?.close()
    }
  })

  it('the dashboard shows the county and sends a 督办', async () => {
    const { page } = leader
    await login(page, 'leader')
    await expectPath(page, '/')
    await byTestId(page, 'leader-dashboard').waitFor()
    await page.locator('[data-testid="leader-dashboard"] canvas').first().waitFor()
    const overdue = byTestId(page, 'overdue-cases').locator('tr.el-table__row').first()
    await overdue.waitFor()
    const rowText = await overdue.innerText()
    head = HEADS[Object.keys(HEADS).find((u) => rowText.includes(u))]
    assert.ok(head, `an overdue case of a station: ${rowText}`)
    await shot(page, 'desktop-leader-dashboard', { fullPage: true })
    caseNo = (await overdue.locator('a, .el-link').first().innerText()).trim()
    await overdue.locator('[data-testid^="urge-"]').click()
    await byTestId(page, 'urge-dialog').waitFor()
    await fill(page, 'urge-message', MESSAGE)
    await shot(page, 'desktop-leader-urge')
    const reply = page.waitForResponse((r) => r.request().method() === 'POST' && /\/urgings$/.test(r.url()))
    await byTestId(page, 'urge-submit').click()
    const r = await reply
    assert.equal(r.status(), 201, await r.text().catch(() => ''))
  })

  it('the unit head finds it in the to-do and on the case page', async () => {
    const { page } = chief
    await login(page, head)
    await expectPath(page, '/')
    await byTestId(page, 'todo-line-cases.urged').click()
    await expectPath(page, '/todo')
    const entry = byTestId(page, 'todo-entries').locator('tr.el-table__row', { hasText: caseNo })
    await entry.waitFor()
    assert.match(await entry.innerText(), /该案已超期/)
    await shot(page, 'desktop-chief-todo')
    await entry.getByText(caseNo).click()
    await page.waitForURL((u) => /^\/cases\/\d+$/.test(u.pathname))
    const urging = byTestId(page, 'urging').filter({ hasText: MESSAGE })
    await urging.waitFor()
    await shot(page, 'desktop-chief-case-urging')
  })

  it('the same pages fit a phone', async () => {
    const phone = await openBrowser({ viewport: PHONE, phone: true })
    try {
      await login(phone.page, 'leader')
      await expectPath(phone.page, '/')
      await byTestId(phone.page, 'leader-dashboard').waitFor()
      await phone.page.locator('[data-testid="leader-dashboard"] canvas').first().waitFor()
      await shot(phone.page, 'phone-leader-dashboard', { fullPage: true })
      await noOverflow(phone.page, 'leader home')
      await gotoApp(phone.page, '/todo')
      await byTestId(phone.page, 'todo-page').waitFor()
      await noOverflow(phone.page, 'todo')
    } finally {
      await phone.close()
    }
  })
})
