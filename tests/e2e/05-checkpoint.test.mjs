// The checkpoint platform and command centre in a browser (issue 6):
// (a) the duty officer of 城关派出所 has the alert board open; a pass of a plate under an approved red watch
//     order that notifies 城关派出所 is posted through GA/T 1400 (Digest registration, User-Identify,
//     MotorVehicleListObject) — the red alert appears without a reload, the officer signs for it and reports
//     back, and it closes;
// (b) the analyst states purpose and case number, runs a trajectory of a planted demo plate, and the path is
//     drawn on the Leaflet map;
// (c) the audit administrator finds that query, with its purpose and case number, in the audit search.
// The watch order (officer applies, leader approves) and the VIID client (sysadmin) are set up through the
// JSON API; what the officer, the analyst and the audit administrator do happens in the pages.
import { after, before, describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { BASE, alertRow, byTestId, closedAlertRow, expectPath, fill, gotoApp, login, openBrowser, shot, signAndReportFound, sqlite } from './lib.mjs'
import { approvedWatchOrders, checkpoints, login as apiLogin, unitId } from '../../bench/intake/setup.mjs'
import { chinaTime14, listEnvelope, motorVehicleJson } from '../../bench/intake/passes.mjs'
import { ViidClient } from '../../bench/intake/viid_client.mjs'

const PLATE = '川AE2E05'  // watched only here; no demo pass carries it
const CASE_NO = '5199012026XS10005'  // the bureau's case-number format (purpose checks refuse others)
const VIID_ID = '51990100002000000077'
const VIID_PASSWORD = 'E2e@2026viid'
// The planted convoy's lead car of the demo county (docs/api/checkpoint-demo.md, demo_passes.hpp): it drives
// G318 across the county every day, so its trajectory is a path through several checkpoints.
const TRAJECTORY_PLATE = process.env.E2E_TRAJECTORY_PLATE || '川YZ3816'
const PURPOSE = '核查涉案车辆轨迹（浏览器测试）'
const analysisCase = () => sqlite('SELECT case_no FROM cases ORDER BY id LIMIT 1').trim()

// Types the two ends of the Element Plus datetimerange picker inside `scope`.
async function fillRange(page, scope, from, to) {
  const inputs = scope.locator('.el-date-editor--datetimerange input.el-range-input')
  await inputs.nth(0).click()
  await inputs.nth(0).fill(from)
  await inputs.nth(1).fill(to)
  await inputs.nth(1).press('Enter')
  await page.keyboard.press('Escape')
}

describe('checkpoint: a live red watch-list alert at the station', () => {
  let officer
  before(async () => {
    officer = await openBrowser()
  })
  after(async () => {
    if (officer?.problems.length) console.log(`# browser notes (officer):\n#   ${officer.problems.join('\n#   ')}`)
    await officer?.close()
  })

  it('a pass through GA/T 1400 raises a red alert the officer sees live, signs and reports back', async () => {
    // Through the admin API, not `jingwu viid add-client`: the CLI writing the audit log beside a running
    // server would break the server's audit chain.
    const admin = await apiLogin(BASE, 'sysadmin')
    const added = await admin.post('/checkpoint/viid/clients',
      { id: VIID_ID, password: VIID_PASSWORD, name: '浏览器测试平台' })
    assert.equal(added.status, 201, added.text)

    const duty = await apiLogin(BASE, 'duty')
    const applicant = await apiLogin(BASE, 'officer')
    const approver = await apiLogin(BASE, 'leader')
    const station = await unitId(duty, '城关派出所')
    await approvedWatchOrders(applicant, approver, [PLATE], {
      caseNo: CASE_NO, colour: 'red', priority: 1, unitIds: [station], reason: '涉嫌盗窃车辆',
    })
    const cps = await checkpoints(duty)
    assert.ok(cps.length > 0, 'the demo county has checkpoints')

    // The officer's board is open and live before the pass arrives.
    await login(officer.page, 'officer')
    await expectPath(officer.page, '/')
    await gotoApp(officer.page, '/alerts/board')
    await byTestId(officer.page, 'alert-table').waitFor()
    await byTestId(officer.page, 'alert-live').filter({ hasText: /实时推送|Live/ }).waitFor()

    const viid = new ViidClient(BASE, { id: VIID_ID, password: VIID_PASSWORD, connections: 1 })
    try {
      await viid.register()
      const now = Date.now()
      const pass = motorVehicleJson(cps[0], PLATE, chinaTime14(now), now % 100000)
      const r = await viid.postMotorVehicles(listEnvelope([pass]))
      assert.equal(r.status, 200, r.text)
      assert.equal(r.accepted, 1, r.text)
    } finally {
      await viid.unregister().catch(() => undefined)
      viid.close()
    }

    // Pushed over the WebSocket: no reload.
    const row = alertRow(officer.page, PLATE)
    await row.waitFor({ timeout: 15_000 })
    assert.match(await row.innerText(), /红/)
    await shot(officer.page, 'desktop-checkpoint-alert-arrived')
    await signAndReportFound(officer.page, row, '王志强')

    // Closed: the board's 已办结 filter lists it.
    const closed = await closedAlertRow(officer.page, PLATE)
    assert.match(await closed.innerText(), /已办结/)
    await shot(officer.page, 'desktop-checkpoint-alert-closed')
  })
})

describe('checkpoint: the analyst draws a trajectory; the audit administrator finds the query', () => {
  let analyst
  let auditor
  before(async () => {
    analyst = await openBrowser()
    auditor = await openBrowser()
  })
  after(async () => {
    for (const [who, b] of [['analyst', analyst], ['auditadmin', auditor]]) {
      if (b?.problems.length) console.log(`# browser notes (${who}):\n#   ${b.problems.join('\n#   ')}`)
      await b?.close()
    }
  })

  it('states purpose and case number, runs a trajectory and sees the path on the map', async () => {
    const page = analyst.page
    await login(page, 'analyst')
    await expectPath(page, '/')
    await gotoApp(page, '/checkpoint/analysis')
    await byTestId(page, 'analysis-page').waitFor()
    await fill(page, 'analysis-purpose', PURPOSE)
    // A search names a case the analyst may see (issue 13): one of the demo county's.
    await fill(page, 'analysis-case-no', analysisCase())
    await page.locator('#tab-trajectory').click()
    const form = byTestId(page, 'analysis-form-trajectory')
    await form.locator('[data-testid="analysis-plate"] input, input[data-testid="analysis-plate"]').first().fill(TRAJECTORY_PLATE)
    // The demo passes end now: yesterday 00:00 to today 23:59:59, China time.
    const day = (offset) => new Date(Date.now() + 8 * 3600_000 + offset * 86400_000).toISOString().slice(0, 10)
    // ... until now: a range ending in the future is refused (issue 13).
    const now = new Date(Date.now() + 8 * 3600_000 - 60_000).toISOString().slice(0, 19).replace('T', ' ')
    await fillRange(page, form, `${day(-1)} 00:00:00`, now)
    await form.locator('[data-testid="analysis-run"]').click()
    // The ordered path: a Leaflet vector layer in the result map, and the passes in the result table.
    // BaseMap draws a path as a polyline (weight 4, opacity 0.85) with a white-filled circle marker (weight 3)
    // per point; the base map's own roads and places are drawn differently.
    const map = byTestId(page, 'analysis-map')
    await map.locator('.leaflet-container').first().waitFor({ timeout: 30_000 })
    const points = map.locator('.leaflet-overlay-pane path[fill="#fff"][stroke-width="3"]')
    await points.first().waitFor({ timeout: 30_000 })
    // (attached, not visible: a path along one parallel has a bounding box of no height)
    await map.locator('.leaflet-overlay-pane path[stroke-width="4"][stroke-opacity="0.85"]').first()
      .waitFor({ state: 'attached' })
    const rows = byTestId(page, 'analysis-table').locator('tr.el-table__row')
    await rows.first().waitFor()
    assert.ok((await rows.count()) >= 2, 'the trajectory has at least two passes')
    assert.ok((await points.count()) >= 2, 'the path has at least two points on the map')
    assert.match(await byTestId(page, 'analysis-table').innerText(), /卡口/)
    await shot(page, 'desktop-checkpoint-trajectory')
  })

  it('finds the analyst\'s query with its purpose and case number in the audit search', async () => {
    const page = auditor.page
    await login(page, 'auditadmin')
    await expectPath(page, '/')
    await gotoApp(page, '/audit/log')
    await fill(page, 'audit-user', 'analyst')
    await fill(page, 'audit-q', '研判分析')  // analysis.run reads 研判分析·运行 (ADR 0045)
    await byTestId(page, 'audit-search').click()
    const row = page.locator('[data-testid="audit-table"] tr.el-table__row', { hasText: PURPOSE }).first()
    await row.waitFor()
    const text = await row.innerText()
    assert.match(text, new RegExp(analysisCase()))
    // The user column shows the real name; the user filter above already keeps only the analyst's rows.
    assert.match(text, /研判分析/)
    await shot(page, 'desktop-checkpoint-audit')
  })
})
