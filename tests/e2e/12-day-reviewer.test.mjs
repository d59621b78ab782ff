// The legal reviewer's day (issue 13): a case submitted by the officer reaches the reviewer as a notification
// and a to-do; from the to-do centre the reviewer opens the case and approves it, and the to-do count drops.
// Desktop, then the same pages at 375 px (nothing wider than the screen).
import { after, before, describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { PHONE, byTestId, expectPath, gotoApp, login, openBrowser, shot } from './lib.mjs'

// Calls the API with the page's session (cookie and CSRF token), as the web app does.
async function api(page, method, path, body) {
  return page.evaluate(async ({ method, path, body }) => {
    const csrf = document.cookie.split('; ').find((c) => c.startsWith('jw_csrf='))?.slice(8) ?? ''
    const r = await fetch(`/api/v1${path}`, {
      method,
      headers: { 'Content-Type': 'application/json', 'X-CSRF-Token': decodeURIComponent(csrf) },
      body: body ? JSON.stringify(body) : undefined,
    })
    return { status: r.status, json: await r.json().catch(() => null) }
  }, { method, path, body })
}

async function todoCount(page, kind) {
  const r = await api(page, 'GET', '/todo')
  return r.json.items.find((i) => i.kind === kind)?.count ?? null
}

async function noOverflow(page, name) {
  const { scroll, client } = await page.evaluate(() => ({ scroll: document.body.scrollWidth, client: document.body.clientWidth }))
  assert.ok(scroll <= client, `${name}: the page is ${scroll} px wide on a ${client} px screen`)
}

describe('reviewer: from the notification of a submitted case to approval, through the to-do centre', () => {
  let officer
  let legal
  let caseNo = ''
  before(async () => {
    officer = await openBrowser()
    legal = await openBrowser()
  })
  after(async () => {
    for (const [who, b] of [['officer', officer], ['legal', legal]]) {
      if (b?.problems.length) console.log(`# browser notes (${who}):\n#   ${b.problems.join('\n#   ')}`)
      await b?.close()
    }
  })

  it('the officer submits a case; the reviewer is told and approves it from the to-do', async () => {
    // The officer's case, taken to legal review through the API the pages use (the officer's own test does it by hand).
    await login(officer.page, 'officer')
    await expectPath(officer.page, '/')
    const hour = (h) => new Date(Date.now() - h * 3600_000).toISOString().replace(/\.\d+Z$/, 'Z')
    const created = await api(officer.page, 'POST', '/cases', {
      case_type: 'administrative', law: '2025', cause: '殴打他人', source: 'walk_in', occurred_at: hour(5),
      accepted_at: hour(4), place: { address: '城关镇人民路 26 号' }, facts: '双方因琐事发生争执，一方推搡致对方轻微伤。',
    })
    assert.equal(created.status, 201, JSON.stringify(created.json))
    caseNo = created.json.case_no
    for (const action of ['file', 'start_investigation', 'propose_penalty']) {
      const k = await api(officer.page, 'GET', `/cases/${created.json.id}`)
      const r = await api(officer.page, 'POST', `/cases/${created.json.id}/events`, { action, expected_version: k.json.version, reason: '拟罚款五百元' })
      assert.equal(r.status, 201, `${action}: ${JSON.stringify(r.json)}`)
    }
    const k = await api(officer.page, 'GET', `/cases/${created.json.id}`)
    const submitted = await api(officer.page, 'POST', `/review/cases/${created.json.id}/submit`, { expected_version: k.json.version })
    assert.equal(submitted.status, 200, JSON.stringify(submitted.json))

    // The reviewer: the header bell names the case, the home page counts it among the to-dos.
    const { page } = legal
    await login(page, 'legal')
    await expectPath(page, '/')
    const before = await todoCount(page, 'cases.review')
    assert.ok(before >= 1)
    await byTestId(page, 'todo-line-cases.review').filter({ hasText: String(before) }).waitFor()
    await byTestId(page, 'todo-badge').waitFor()
    await byTestId(page, 'notify-bell').click()
    await page.locator('[data-testid="notify-item"]:visible', { hasText: caseNo }).first().waitFor()
    await shot(page, 'desktop-reviewer-notified')
    await page.keyboard.press('Escape')

    // From the to-do centre to the case.
    await byTestId(page, 'todo-line-cases.review').click()
    await expectPath(page, '/todo')
    const entry = byTestId(page, 'todo-entries').locator('tr.el-table__row', { hasText: caseNo })
    await entry.waitFor()
    await shot(page, 'desktop-reviewer-todo')
    await entry.getByText(caseNo).click()
    await expectPath(page, `/cases/${created.json.id}`)

    // Approve on the case page (the reviewer's opinion is in the case's action menu).
    await byTestId(page, 'case-facts-menu').click()
    await page.locator('[data-testid="case-action-review_approved"]:visible').click()
    await byTestId(page, 'opinion-dialog').waitFor()
    const reply = page.waitForResponse((r) => r.request().method() === 'POST' && r.url().endsWith('/opinion'))
    await byTestId(page, 'opinion-submit').click()
    const r = await reply
    assert.ok(r.status() < 300, `approve answered ${r.status()}: ${await r.text().catch(() => '')}`)
    await shot(page, 'desktop-reviewer-approved')
    assert.equal(await todoCount(page, 'cases.review'), before - 1)
  })

  it('the same pages fit a phone', async () => {
    const phone = await openBrowser({ viewport: PHONE, phone: true })
    try {
      await login(phone.page, 'legal')
      await expectPath(phone.page, '/')
      await byTestId(phone.page, 'home-todo').waitFor()
      await shot(phone.page, 'phone-reviewer-home')
      await noOverflow(phone.page, 'home')
      await gotoApp(phone.page, '/todo?kind=cases.review')
      await byTestId(phone.page, 'todo-page').waitFor()
      await shot(phone.page, 'phone-reviewer-todo')
      await noOverflow(phone.page, 'todo')
    } finally {
      await phone.close()
    }
  })
})
