// Organisations outside the police (issue 16, ADR 0051), the whole task in one lean pass: the system administrator
// registers a courier outlet with its administrator's account (the initial password is shown once); that
// administrator logs in, replaces the password and opens a clerk's account; the clerk logs in and sees only their
// home: the outlet's name in the header, no police module in the menu.
import { after, before, describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { byTestId, expectPath, fill, gotoApp, login, openBrowser, shot } from './lib.mjs'

const NEW_PASSWORD = 'Outlet@2026-e2e'
const OUTLET = '示范速递南山网点'

// Picks an option of an Element Plus select (or tree select) by its visible text.
async function pick(page, testId, text) {
  await byTestId(page, testId).first().click()
  await page.locator('.el-select-dropdown, .el-tree-select__popper').getByRole('option', { name: text, exact: true })
    .filter({ visible: true }).first().click()
  await byTestId(page, testId).first().filter({ hasText: text }).waitFor()
}

// The initial password from the one-time dialog, then closes it.
async function initialPassword(page) {
  const dialog = byTestId(page, 'initial-password-dialog')
  await dialog.waitFor()
  const password = (await dialog.locator('[data-testid="initial-password"]').innerText()).trim()
  await byTestId(page, 'initial-password-close').click()
  await dialog.waitFor({ state: 'hidden' })
  return password
}

async function firstLogin(page, username, initial) {
  await login(page, username, initial)
  await expectPath(page, '/password')
  await fill(page, 'pwd-old', initial)
  await fill(page, 'pwd-new', NEW_PASSWORD)
  await fill(page, 'pwd-confirm', NEW_PASSWORD)
  await byTestId(page, 'pwd-submit').click()
  await expectPath(page, '/')
}

describe('organisations: an outlet, its administrator and a clerk', () => {
  let b
  let adminPassword = ''
  let clerkPassword = ''
  before(async () => {
    b = await openBrowser()
  })
  after(async () => {
    if (b.problems.length) console.log(`# browser notes:\n#   ${b.problems.join('\n#   ')}`)
    await b.close()
  })

  it('the system administrator registers an outlet with its administrator', async () => {
    const { page } = b
    await login(page, 'sysadmin')
    await expectPath(page, '/')
    // The company the outlet belongs to, straight through the API (the outlet is what this test is about).
    const status = await page.evaluate(async () => {
      const csrf = decodeURIComponent(document.cookie.match(/jw_csrf=([^;]+)/)?.[1] ?? '')
      const units = await (await fetch('/api/v1/units')).json()
      const bureau = units.items.find((u) => u.kind === 'bureau').id
      const r = await fetch('/api/v1/orgs', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'X-CSRF-Token': csrf },
        body: JSON.stringify({ kind: 'courier_company', name: '示范速递有限公司', code: '91519901MA6CX00174',
          supervisor_unit_id: bureau, contact_name: '周经理', contact_phone: '13900007777' }),
      })
      return r.status
    })
    assert.equal(status, 201)
    await gotoApp(page, '/system/orgs')
    await byTestId(page, 'orgs-table').waitFor()
    await byTestId(page, 'org-create').click()
    await byTestId(page, 'org-dialog').waitFor()
    await pick(page, 'org-form-kind', '快递网点')
    await fill(page, 'org-form-name', OUTLET)
    await fill(page, 'org-form-code', '123456788')
    await pick(page, 'org-form-parent', '示范速递有限公司')
    await pick(page, 'org-form-unit', '南山派出所')
    await fill(page, 'org-form-contact', '吴店长')
    // A wrong phone is named under its field by the server's answer.
    await fill(page, 'org-form-phone', '0838')
    await fill(page, 'org-form-admin-username', 'nsadmin')
    await fill(page, 'org-form-admin-name', '吴店长')
    await fill(page, 'org-form-admin-phone', '13900006666')
    await byTestId(page, 'org-save').click()
    await page.locator('.el-form-item__error', { hasText: '座机' }).waitFor()
    await fill(page, 'org-form-phone', '0838-2216666')
    await shot(page, '14-orgs-create')
    await byTestId(page, 'org-save').click()
    adminPassword = await initialPassword(page)
    assert.ok(adminPassword.length >= 8, adminPassword)
    await byTestId(page, 'orgs-table').locator('tbody tr', { hasText: OUTLET }).waitFor()
    await shot(page, '14-orgs-registry')
  })

  it('the outlet administrator logs in and opens a clerk\'s account', async () => {
    const { page } = b
    await page.context().clearCookies()
    await firstLogin(page, 'nsadmin', adminPassword)
    await byTestId(page, 'header-unit').filter({ hasText: OUTLET }).waitFor()
    await gotoApp(page, '/org-staff')
    await byTestId(page, 'staff-table').locator('tbody tr', { hasText: 'nsadmin' }).waitFor()
    await byTestId(page, 'staff-add').click()
    await byTestId(page, 'staff-dialog').waitFor()
    await fill(page, 'staff-form-username', 'nsclerk')
    await fill(page, 'staff-form-name', '郑收寄')
    await fill(page, 'staff-form-phone', '13900006667')
    await byTestId(page, 'staff-save').click()
    clerkPassword = await initialPassword(page)
    await byTestId(page, 'staff-table').locator('tbody tr', { hasText: 'nsclerk' }).waitFor()
    await shot(page, '14-orgs-staff')
  })

  it('the clerk sees only their home', async () => {
    const { page } = b
    await page.context().clearCookies()
    await firstLogin(page, 'nsclerk', clerkPassword)
    await byTestId(page, 'welcome-unit').filter({ hasText: OUTLET }).waitFor()
    await byTestId(page, 'home-no-modules').waitFor()
    const menu = await page.locator('[data-testid^="menu-"]').evaluateAll((els) => els.map((e) => e.getAttribute('data-testid')))
    for (const police of ['menu-cases', 'menu-alerts', 'menu-checkpoint', 'menu-community', 'menu-system'])
      assert.ok(!menu.includes(police), `${police} is not in the clerk's menu: ${menu}`)
    await shot(page, '14-orgs-clerk-home')
    // Typing a police page's address leads to the refusal page, not to data.
    await gotoApp(page, '/cases')
    await expectPath(page, '/403')
  })
})
