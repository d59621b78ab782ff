// The community officer's day in the browser (issue 14, ADR 0035): the demo officer opens 我的任务, sees the overdue
// task and the one due today marked, reports on the overdue one (it leaves the open list and is done in the
// database), and looks through the visits, patrols and disputes (a repeat dispute marked); the leader's task
// assignment page lists the officer's tasks. Screenshots (zh-CN) of each page go to tests/e2e/out/.
import { after, before, describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { byTestId, expectPath, fill, gotoApp, login, openBrowser, shot, sqlite } from './lib.mjs'

describe('community work: the officer reports on a task and reads the day\'s records', () => {
  let b
  before(async () => {
    b = await openBrowser()
  })
  after(async () => {
    if (b?.problems.length) console.log(`# browser notes:\n#   ${b.problems.join('\n#   ')}`)
    await b?.close()
  })

  it('my tasks: overdue and due today marked; a report closes the overdue task', async () => {
    const { page } = b
    // The demo's "due today" task is due at the end of the day the demo county was made (China time); a run that
    // crosses midnight would see it overdue. Move it to the end of this day, as the seed means it.
    const dayEnd = Math.floor((Date.now() / 1000 + 8 * 3600) / 86400) * 86400 - 8 * 3600 + 86400 - 1
    sqlite(`UPDATE community_tasks SET due_at = ${dayEnd} WHERE title = '核查辖区出租屋登记情况' AND status = 'open'`)
    await login(page, 'officer')
    await expectPath(page, '/')
    await gotoApp(page, '/community/work/tasks')
    const table = byTestId(page, 'my-tasks-table')
    await byTestId(page, 'task-overdue').first().waitFor()
    await byTestId(page, 'task-due-today').first().waitFor()
    await shot(page, 'community-work-tasks')

    const overdueRow = table.locator('.el-table__row', { has: byTestId(page, 'task-overdue') }).first()
    const title = (await overdueRow.locator('.jw-task-title').textContent()).trim()
    await overdueRow.locator('[data-testid="task-report"]').click()
    await fill(page, 'task-report-text', '已走访辖区独居老人5户，情况良好。')
    const reply = page.waitForResponse((r) => /\/community\/tasks\/\d+\/report$/.test(new URL(r.url()).pathname))
    await byTestId(page, 'task-report-save').click()
    assert.equal((await reply).status(), 200)
    await byTestId(page, 'task-overdue').first().waitFor({ state: 'detached' })
    assert.equal(sqlite(`SELECT status FROM community_tasks WHERE title = '${title}'`).trim(), 'done')
  })

  it('visits, patrols and disputes with their filters', async () => {
    const { page } = b
    await gotoApp(page, '/community/work/visits')
    await byTestId(page, 'visits-table').locator('.el-table__row').first().waitFor()
    await shot(page, 'community-work-visits')
    await gotoApp(page, '/community/work/patrols')
    await byTestId(page, 'patrols-table').locator('.el-table__row').first().waitFor()
    await shot(page, 'community-work-patrols')
    await gotoApp(page, '/community/work/mediations')
    await byTestId(page, 'mediation-repeat').first().waitFor()
    const filtered = page.waitForResponse((r) => new URL(r.url()).searchParams.get('repeat') === '1')
    await byTestId(page, 'mediation-repeat-filter').click()
    await filtered
    await page.locator('.el-loading-mask').first().waitFor({ state: 'hidden' }).catch(() => undefined)
    const rows = await byTestId(page, 'mediations-table').locator('.el-table__row').count()
    assert.equal(rows, await byTestId(page, 'mediation-repeat').count())
    await shot(page, 'community-work-mediations')
  })

  it('the leader\'s assignment page lists the officer\'s tasks', async () => {
    const { page } = b
    await page.context().clearCookies()
    await login(page, 'leader')
    await expectPath(page, '/')
    await gotoApp(page, '/community/work/assign')
    await byTestId(page, 'tasks-table').locator('.el-table__row').first().waitFor()
    await byTestId(page, 'task-assign').click()
    await byTestId(page, 'task-working-days').waitFor()
    await shot(page, 'community-work-assign')
  })
})
