// Grids in the browser (issue 14, ADR 0034): the leader draws a new grid as a rectangle on the offline map (with
// Leaflet-Geoman), names it and saves it; the page says how many standard addresses the grid holds, and that is
// what the database assigned. The demo grids cover the county, so the test first lays a lattice of addresses east
// of it, where the map's right margin shows empty land, and removes them and the grid afterwards.
import { after, before, describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { byTestId, fill, gotoApp, login, openBrowser, shot, sqlite } from './lib.mjs'

const PREFIX = 'E2E-GRID-'

function layLattice() {
  sqlite(`INSERT INTO community_addresses (code, level, parent_code, full_name, longitude, latitude, updated_at)
    WITH RECURSIVE i(x) AS (SELECT 0 UNION ALL SELECT x + 1 FROM i WHERE x < 50),
                   j(y) AS (SELECT 0 UNION ALL SELECT y + 1 FROM j WHERE y < 40)
    SELECT '${PREFIX}' || x || '-' || y, 'house', '', '示范县县外测试点' || x || '-' || y,
           104.48 + x * 0.01, 30.6 + y * 0.01, 1 FROM i, j`)
}

describe('grids: draw, save, see the address count', () => {
  let b
  let code = ''
  before(async () => {
    layLattice()
    b = await openBrowser()
  })
  after(async () => {
    await b?.close()
    if (code) {
      sqlite(`DELETE FROM community_grids WHERE code = '${code}'`)
      sqlite(`DELETE FROM community_grid_members WHERE grid_code = '${code}'`)
    }
    sqlite(`DELETE FROM community_addresses WHERE code LIKE '${PREFIX}%'`)
  })

  it('the leader draws a rectangle east of the county and saves it as a grid', async () => {
    const { page } = b
    await login(page, 'leader')
    await page.waitForURL((u) => u.pathname !== '/login')
    const listed = page.waitForResponse((r) => new URL(r.url()).pathname === '/api/v1/community/grids')
    await gotoApp(page, '/community/grids/map')
    assert.equal((await listed).status(), 200)
    const map = byTestId(page, 'base-map')
    await map.waitFor()
    await page.locator('.leaflet-overlay-pane path').nth(50).waitFor()  // the base map's ~30 shapes and the 22 grids
    await shot(page, '08-grids-map')

    await byTestId(page, 'grid-draw-rectangle').click()
    const box = await map.boundingBox()
    // A user's gesture: move to the corner, click, drag the pointer across (the rectangle follows it), click again.
    // Moving first gives the drawing layer its pointer events even when the browser is slow.
    const [x1, y1, x2, y2] = [box.x + box.width * 0.9, box.y + box.height * 0.35, box.x + box.width * 0.97, box.y + box.height * 0.65]
    await page.mouse.move(x1, y1)
    await page.mouse.click(x1, y1)
    await page.mouse.move(x2, y2, { steps: 8 })
    await page.mouse.click(x2, y2)
    await byTestId(page, 'grid-new-dialog').waitFor()
    await fill(page, 'grid-name', '浏览器测试网格')
    const saved = page.waitForResponse((r) => r.request().method() === 'POST' &&
      new URL(r.url()).pathname === '/api/v1/community/grids')
    await byTestId(page, 'grid-save').click()
    const reply = await saved
    const body = await reply.json()
    assert.equal(reply.status(), 201, JSON.stringify(body))
    code = body.code
    const inDb = Number(sqlite(`SELECT COUNT(*) FROM community_addresses WHERE grid_id = '${code}'`))
    assert.ok(inDb > 0, 'the rectangle holds some of the lattice')
    assert.equal(body.addresses, inDb)
    await page.locator('.el-message', { hasText: `网格内 ${inDb} 个标准地址` }).waitFor()
    await shot(page, '08-grids-saved')

    // The bureau's table lists it; the demo officer's grid shows its team and figures.
    await gotoApp(page, '/community/grids/rates')
    await byTestId(page, 'grid-rates-table').locator('tr', { hasText: code }).waitFor()
    await shot(page, '08-grids-rates')
    await gotoApp(page, '/community/grids/519901-G01')
    await byTestId(page, 'grid-team').locator('tr', { hasText: '王志强' }).waitFor()
    await shot(page, '08-grids-detail')
  })
})
