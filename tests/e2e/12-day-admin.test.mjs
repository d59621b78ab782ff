// Issue 13, the administrators' day (ADR 0045): the security administrator locks a user; the audit administrator
// finds it by typing 锁定 and by the username, reads Chinese action names and the difference a role change made,
// and exports CSV in China time; the system administrator's user editor refuses police number "12" naming the
// field. Then the same pages at 375 px: nothing wider than the screen.
import { after, before, describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { readFileSync } from 'node:fs'
import { DESKTOP, PHONE, byTestId, expectPath, fill, gotoApp, login, openBrowser, shot, sqlite } from './lib.mjs'

const TARGET = 'custodian'

async function userRow(page, username) {
  await fill(page, 'user-search', username)
  await byTestId(page, 'user-search-submit').click()
  const row = byTestId(page, 'users-table').locator('tbody tr', { hasText: username }).first()
  await row.waitFor()
  return row
}

async function noOverflow(page, what) {
  const o = await page.evaluate(() => ({ w: document.body.scrollWidth, c: document.body.clientWidth }))
  assert.ok(o.w <= o.c, `${what}: body ${o.w}px wider than ${o.c}px`)
}

describe('administrators: lock, find it in the audit log, refuse a bad police number', () => {
  // One browser for the three administrators, one after another (a new Chromium per user cost most of the run).
  let b
  before(async () => { b = await openBrowser() })
  after(async () => {
    if (b?.problems.length) console.log(`# browser notes:\n#   ${b.problems.join('\n#   ')}`)
    await b?.close()
  })
  const as = async (user) => {
    await b.context.clearCookies()
    await b.page.setViewportSize(DESKTOP)
    await login(b.page, user)
    await expectPath(b.page, '/')
    return b
  }

  it('the security administrator locks a user and changes their roles', async () => {
    const { page } = await as('secadmin')
    await gotoApp(page, '/system/users')
    const row = await userRow(page, TARGET)
    assert.equal(await row.locator('[data-testid="user-edit"]').count(), 0, 'no account editing for the security admin')
    await row.locator('[data-testid="user-lock"]').click()
    await page.locator('.el-message-box__btns .el-button--primary').click()
    await row.locator('[data-testid="user-status"]', { hasText: '锁定' }).waitFor()
    await shot(page, '12-admin-sec-locked')
    assert.equal(sqlite(`SELECT status FROM users WHERE username = '${TARGET}'`), 'locked')
    // A role change, so that the auditor has a difference to read.
    const id = sqlite(`SELECT id FROM users WHERE username = '${TARGET}'`)
    const status = await page.evaluate(async (uid) => {
      const csrf = decodeURIComponent(document.cookie.match(/jw_csrf=([^;]+)/)?.[1] ?? '')
      const r = await fetch(`/api/v1/users/${uid}/roles`, {
        method: 'PUT',
        headers: { 'Content-Type': 'application/json', 'X-CSRF-Token': csrf },
        body: JSON.stringify({ roles: ['custodian', 'officer'] }),
      })
      return r.status
    }, id)
    assert.equal(status, 200)
  })

  it('the audit administrator finds it by 锁定 and by the username, reads the difference, exports in China time', async () => {
    const { page } = await as('auditadmin')
    await gotoApp(page, '/audit/log')
    await fill(page, 'audit-q', '锁定')
    await byTestId(page, 'audit-search').click()
    const lockRow = byTestId(page, 'audit-table').locator('tbody tr', { hasText: '锁定用户' }).first()
    await lockRow.waitFor()
    assert.match(await lockRow.innerText(), new RegExp(TARGET))
    assert.match(await lockRow.innerText(), /正常 → 锁定/)
    await shot(page, '12-admin-audit-lock')

    await fill(page, 'audit-q', TARGET)
    await byTestId(page, 'audit-search').click()
    const roleRow = byTestId(page, 'audit-table').locator('tbody tr', { hasText: '分配角色' }).first()
    await roleRow.waitFor()
    await roleRow.locator('.el-table__expand-icon').click()
    const change = byTestId(page, 'audit-change').first()
    await change.waitFor()
    assert.match(await byTestId(page, 'audit-added').first().innerText(), /民警/)
    const actions = await byTestId(page, 'audit-action-name').allInnerTexts()
    assert.ok(actions.every((a) => !/^[a-z_]+\.[a-z_.]+$/.test(a)), `action names in Chinese: ${actions}`)
    await shot(page, '12-admin-audit-change')

    const download = page.waitForEvent('download')
    await byTestId(page, 'audit-export').click()
    const file = await (await download).path()
    const csv = readFileSync(file, 'utf8').replace(/^\uFEFF/, '').split('\r\n')
    assert.match(csv[0], /北京时间 UTC\+08:00/)
    const shown = (await roleRow.locator('td').nth(1).innerText()).trim()
    assert.ok(csv.some((l) => l.includes(`"${shown}"`) && l.includes('分配角色')), `the page's time ${shown} in the CSV`)

    await page.setViewportSize(PHONE)
    await page.reload()
    await byTestId(page, 'audit-table').waitFor()
    await noOverflow(page, 'audit log at 375 px')
    await shot(page, '12-admin-audit-phone')
  })

  it('the system administrator cannot lock, and the editor refuses police number "12" naming the field', async () => {
    const { page } = await as('sysadmin')
    await gotoApp(page, '/system/users')
    const row = await userRow(page, TARGET)
    assert.equal(await row.locator('[data-testid="user-unlock"]').count(), 0, 'no unlock for the system admin')
    await byTestId(page, 'user-create').click()
    await fill(page, 'user-form-username', 'e2e_admin')
    await fill(page, 'user-form-police-no', '12')
    await fill(page, 'user-form-name', '测试')
    await byTestId(page, 'user-save').click()
    const error = byTestId(page, 'user-dialog').locator('.el-form-item', { hasText: '警号' }).locator('.el-form-item__error')
    await error.waitFor()
    assert.match(await error.innerText(), /警号应为6位数字/)
    await shot(page, '12-admin-sys-police-no')
    assert.equal(sqlite(`SELECT count(*) FROM users WHERE username = 'e2e_admin'`), '0')

    await page.setViewportSize(PHONE)
    await gotoApp(page, '/system/users')
    await byTestId(page, 'users-table').waitFor()
    await noOverflow(page, 'users at 375 px')
    await shot(page, '12-admin-users-phone')
  })
})
