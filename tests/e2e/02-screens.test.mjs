// Screenshots of every main page at 1280x800, and of the login page and the menu on a phone (375x812),
// saved to tests/e2e/out/ for a person to look at. Each page must also render its own content.
import { describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { PHONE, byTestId, expectPath, gotoApp, login, openBrowser, shot, waitForLayout } from './lib.mjs'

// Opens each page of `pages` through its address and waits for the element that shows it rendered.
async function visit(b, pages) {
  for (const [path, testId, name] of pages) {
    await gotoApp(b.page, path)
    await expectPath(b.page, path)
    await byTestId(b.page, testId).first().waitFor({ state: 'visible' })
    await shot(b.page, name)
  }
}

async function asUser(username, fn, options) {
  const b = await openBrowser(options)
  try {
    await fn(b)
  } finally {
    if (b.problems.length) console.log(`# browser notes (${username}):\n#   ${b.problems.join('\n#   ')}`)
    await b.close()
  }
}

describe('desktop screenshots (1280x800)', () => {
  it('login page', () =>
    asUser('anonymous', async (b) => {
      await gotoApp(b.page, '/')
      await expectPath(b.page, '/login')
      await byTestId(b.page, 'login-submit').waitFor()
      await shot(b.page, 'desktop-login')
      await gotoApp(b.page, '/no/such/page')
      await byTestId(b.page, 'not-found').waitFor()
      await shot(b.page, 'desktop-not-found')
    }))

  it('system administrator pages', () =>
    asUser('sysadmin', async (b) => {
      await login(b.page, 'sysadmin')
      await expectPath(b.page, '/')
      await waitForLayout(b.page)
      await byTestId(b.page, 'welcome-card').waitFor()
      await shot(b.page, 'desktop-sysadmin-home')
      await visit(b, [
        ['/system/units', 'unit-tree', 'desktop-system-units'],
        ['/system/users', 'users-table', 'desktop-system-users'],
        ['/profile', 'profile-password', 'desktop-sysadmin-profile'],
      ])
    }))

  it('security administrator pages', () =>
    asUser('secadmin', async (b) => {
      await login(b.page, 'secadmin')
      await expectPath(b.page, '/')
      await waitForLayout(b.page)
      await visit(b, [
        ['/security/roles', 'roles-table', 'desktop-security-roles'],
        ['/security/assign', 'assign-table', 'desktop-security-assign'],
        ['/security/policy', 'policy-form', 'desktop-security-policy'],
      ])
    }))

  it('audit administrator pages', () =>
    asUser('auditadmin', async (b) => {
      await login(b.page, 'auditadmin')
      await expectPath(b.page, '/')
      await waitForLayout(b.page)
      await visit(b, [
        ['/audit/log', 'audit-table', 'desktop-audit-log'],
        ['/audit/verify', 'audit-verify-card', 'desktop-audit-verify'],
      ])
    }))
})

describe('phone screenshots (375x812)', () => {
  it('login page and the officer menu', () =>
    asUser(
      'officer (phone)',
      async (b) => {
        const { page } = b
        await gotoApp(page, '/login')
        await byTestId(page, 'login-submit').waitFor()
        await shot(page, 'phone-login')
        await login(page, 'officer')
        await expectPath(page, '/')
        await byTestId(page, 'welcome-card').waitFor()
        // on a phone the menu is a drawer behind the menu button, not a sidebar
        assert.equal(await page.locator('.jw-aside').count(), 0, 'no sidebar on a phone')
        await shot(page, 'phone-officer-home')
        await byTestId(page, 'menu-toggle').click()
        await byTestId(page, 'menu-home').first().waitFor({ state: 'visible' })
        await byTestId(page, 'menu-profile').first().waitFor({ state: 'visible' })
        await shot(page, 'phone-officer-menu')
        // picking an entry closes the drawer
        await byTestId(page, 'menu-profile').first().click()
        await expectPath(page, '/profile')
        await byTestId(page, 'profile-password').waitFor()
        await shot(page, 'phone-officer-profile')
      },
      { viewport: PHONE, phone: true },
    ))

  it('the system administrator menu', () =>
    asUser(
      'sysadmin (phone)',
      async (b) => {
        const { page } = b
        await login(page, 'sysadmin')
        await expectPath(page, '/')
        await byTestId(page, 'menu-toggle').click()
        await byTestId(page, 'menu-system-users').first().waitFor({ state: 'visible' })
        await shot(page, 'phone-sysadmin-menu')
        await byTestId(page, 'menu-system-users').first().click()
        await expectPath(page, '/system/users')
        await byTestId(page, 'users-table').waitFor()
        await shot(page, 'phone-system-users')
      },
      { viewport: PHONE, phone: true },
    ))
})
