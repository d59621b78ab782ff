// Shared helpers of the browser tests: launching Debian's Chromium through playwright-core (never a
// downloaded browser), logging in, form filling by data-testid, screenshots, and the jingwu CLI.
import { spawnSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { chromium } from 'playwright-core'

const HERE = dirname(fileURLToPath(import.meta.url))

function required(name) {
  const v = process.env[name]
  if (!v) throw new Error(`${name} is not set: run the browser tests through tests/e2e/run.sh`)
  return v
}

export const BASE = required('E2E_BASE_URL').replace(/\/$/, '')
export const DB = required('E2E_DB')
export const KEY_FILE = process.env.E2E_KEY_FILE || join(dirname(DB), 'key')
export const BIN = required('JINGWU_BIN')
export const OUT = join(HERE, 'out')
mkdirSync(OUT, { recursive: true })

export const DEMO_PASSWORD = 'Jingwu@2026'
export const DESKTOP = { width: 1280, height: 800 }
export const PHONE = { width: 375, height: 812 }

const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
]

// A browser of its own (fresh user-data-dir, so no cookies are shared) with one page.
// `problems` collects uncaught page errors, console errors and failed API replies, for the report.
export async function openBrowser({ viewport = DESKTOP, phone = false } = {}) {
  const userDataDir = mkdtempSync(join(tmpdir(), 'jingwu-e2e-profile-'))
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: '/usr/bin/chromium',
    headless: true,
    args: CHROMIUM_ARGS,
    viewport,
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    isMobile: phone,
    hasTouch: phone,
    deviceScaleFactor: 1,
  })
  // A wait that is met returns at once; the limit only matters on a loaded runner (three suites on two cores), where
  // a page's first render has taken over 15 s. E2E_TIMEOUT_MS overrides it.
  context.setDefaultTimeout(Number(process.env.E2E_TIMEOUT_MS || 40_000))
  const page = context.pages()[0] ?? (await context.newPage())
  const problems = []
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`))
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(`console: ${m.text()} (${m.location().url ?? ''})`)
  })
  page.on('response', (r) => {
    if (r.status() >= 400 && r.url().includes('/api/')) {
      problems.push(`HTTP ${r.status()} ${r.request().method()} ${new URL(r.url()).pathname}`)
    }
  })
  return {
    context,
    page,
    problems,
    async close() {
      await context.close().catch(() => undefined)
      rmSync(userDataDir, { recursive: true, force: true })
    },
  }
}

export function byTestId(page, id) {
  return page.locator(`[data-testid="${id}"]`)
}

// Element Plus may put a data-testid on the native <input> or on its wrapper: take the input either way.
export function inputOf(page, id) {
  return page.locator(`input[data-testid="${id}"], textarea[data-testid="${id}"], [data-testid="${id}"] input`).first()
}

export async function fill(page, id, value) {
  const el = inputOf(page, id)
  await el.fill(value)
}

export async function gotoApp(page, path = '/') {
  await page.goto(BASE + path)
}

// Logs in from the login page. Does not wait for where the app goes next: the caller says what it expects.
export async function login(page, username, password = DEMO_PASSWORD) {
  await gotoApp(page, '/login')
  await fill(page, 'login-username', username)
  await fill(page, 'login-password', password)
  await byTestId(page, 'login-submit').click()
}

export async function expectPath(page, path) {
  await page.waitForURL((u) => u.pathname === path)
}

// Waits until the main layout has rendered its menu (desktop).
export async function waitForLayout(page) {
  await byTestId(page, 'menu-home').first().waitFor({ state: 'visible' })
}

// Waits until no finite CSS animation or transition runs (route fades, dialogs, tags zooming in, closing
// poppers), so that a screenshot shows the page at rest. Endless ones (spinners) are ignored.
export async function settle(page) {
  await page.waitForFunction(() =>
    document
      .getAnimations()
      .every((a) => a.playState !== 'running' || a.effect?.getComputedTiming().iterations === Infinity),
  )
}

export async function shot(page, name, opts = {}) {
  // let transitions and loading masks settle so the picture shows the finished page
  await page.locator('.el-loading-mask').first().waitFor({ state: 'hidden' }).catch(() => undefined)
  await page.evaluate(() => document.fonts.ready).catch(() => undefined)
  await settle(page)
  await page.screenshot({ path: join(OUT, `${name}.png`), ...opts })
}

// Runs the jingwu CLI on the test database.
export function jingwu(args) {
  const r = spawnSync(BIN, args, {
    env: { ...process.env, JINGWU_DB: `sqlite:${DB}`, JINGWU_KEY_FILE: KEY_FILE },
    encoding: 'utf8',
  })
  if (r.error) throw r.error
  return { status: r.status, signal: r.signal, output: `${r.stdout ?? ''}${r.stderr ?? ''}` }
}

export function sqlite(sql) {
  const r = spawnSync('sqlite3', ['-cmd', '.timeout 5000', DB, sql], { encoding: 'utf8' })
  if (r.error) throw r.error
  if (r.status !== 0) throw new Error(`sqlite3 failed (${r.status}): ${r.stderr}`)
  return r.stdout.trim()
}

// Texts of the side menu entries present in the page (whether or not a group is folded open).
export async function menuNames(page) {
  return page.locator('[data-testid^="menu-"]').evaluateAll((els) =>
    els.map((e) => e.getAttribute('data-testid')).filter((id) => id !== 'menu-toggle' && id !== 'menu-drawer'),
  )
}

// The first row of the alert board (data-testid alert-table) showing `text`.
export function alertRow(page, text) {
  return page.locator('[data-testid="alert-table"] tr.el-table__row', { hasText: text }).first()
}

// Signs for the alert in `row` (签收), then reports it back as 已查获 (反馈), naming `officer` when given, and waits
// for the feedback dialog to close.
export async function signAndReportFound(page, row, officer) {
  await row.getByRole('button', { name: '签收' }).click()
  await row.getByRole('button', { name: '反馈' }).click()
  const fb = byTestId(page, 'alert-feedback-dialog')
  await fb.waitFor()
  await byTestId(page, 'alert-feedback-outcome').click()
  await page.locator('.el-select-dropdown__item:visible', { hasText: '已查获' }).first().click()
  if (officer) await fill(page, 'alert-feedback-officer', officer)
  await byTestId(page, 'alert-feedback-submit').click()
  await fb.waitFor({ state: 'hidden' })
}

// Filters the alert board to closed alerts (已办结) and returns the row showing `text` once it is listed there.
export async function closedAlertRow(page, text) {
  await byTestId(page, 'alert-state').click()
  await page.locator('.el-select-dropdown__item:visible', { hasText: '已办结' }).first().click()
  await page.getByRole('button', { name: '查询' }).first().click()
  const closed = alertRow(page, text)
  await closed.waitFor()
  return closed
}
