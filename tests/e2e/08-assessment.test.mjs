// Community-police assessment (issue 14): the officer sees why each point was given and appeals one; the leader
// sees the month's ranking with its chart, upholds the appeal from the queue and reads the rules editions; the
// public results page shows the ranking without login. Screenshots in zh-CN.
import { after, before, describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { byTestId, expectPath, fill, gotoApp, login, openBrowser, settle, shot } from './lib.mjs'

describe('assessment: items, appeal, ranking, rules, public results', () => {
  let officer
  let leader
  before(async () => {
    officer = await openBrowser()
    leader = await openBrowser()
  })
  after(async () => {
    for (const [who, b] of [['officer', officer], ['leader', leader]]) {
      if (b?.problems.length) console.log(`# browser notes (${who}):\n#   ${b.problems.join('\n#   ')}`)
      await b?.close()
    }
  })

  it('the officer appeals an item; the leader upholds it; the public page ranks by police number', async () => {
    const p = officer.page
    await login(p, 'officer')
    await expectPath(p, '/')
    await gotoApp(p, '/assessment/scores')
    await byTestId(p, 'assessment-page').waitFor()
    await p.getByRole('tab', { name: '我的考核明细' }).click()
    const items = byTestId(p, 'assessment-items')
    await items.locator('tbody tr').first().waitFor()
    await byTestId(p, 'assessment-appeal').first().click()
    await fill(p, 'assessment-appeal-reason', '该户已于上月采集，系重复录入')
    await settle(p)
    await shot(p, 'assessment-appeal-dialog')
    await p.getByRole('button', { name: '提交申诉' }).click()
    await items.getByText('申诉中').first().waitFor()
    await shot(p, 'assessment-my-items')

    const l = leader.page
    await login(l, 'leader')
    await expectPath(l, '/')
    await gotoApp(l, '/assessment/scores')
    await byTestId(l, 'assessment-officers').locator('tbody tr').nth(3).waitFor()
    await byTestId(l, 'assessment-chart').waitFor()
    await settle(l)
    await shot(l, 'assessment-scores')
    await l.getByRole('tab', { name: '申诉处理' }).click()
    await byTestId(l, 'assessment-uphold').first().click()
    await fill(l, 'assessment-opinion', '经核查属实，核销该项')
    await byTestId(l, 'assessment-decide-confirm').click()
    await byTestId(l, 'assessment-appeals').getByText('没有待处理的申诉').waitFor()
    await l.getByRole('tab', { name: '考核规则' }).click()
    await byTestId(l, 'assessment-rules').locator('tbody tr').first().waitFor()
    await settle(l)
    await shot(l, 'assessment-editions')

    await p.reload()
    await p.getByRole('tab', { name: '我的考核明细' }).click()
    await byTestId(p, 'assessment-items').getByText('已核销').first().waitFor()

    await gotoApp(l, '/assessment-results')
    const officers = byTestId(l, 'public-officers')
    await officers.locator('tbody tr').first().waitFor()
    const text = await byTestId(l, 'public-assessment').innerText()
    assert.ok(!text.includes('王志强'), 'no officer names on the public page')
    await settle(l)
    await shot(l, 'assessment-public')
  })
})
