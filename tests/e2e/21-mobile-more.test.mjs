// The phone app's leftovers of issue 15 (ADR 0059), at phone size with touch:
// - the grid member (网格员) sees no 盘查 or 车辆核查 on the home screen; the auxiliary (辅警) checks identities but
//   is offered no pass search;
// - the officer checks a plate and, with a purpose and a case number of their station, sees its last passes (the
//   search in the audit log as theirs);
// - a photo taken with no network is kept in the queue with the person registered with it; when the network
//   returns both are sent, the photo once, and the person carries the photo.
import { after, before, describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { BASE, DEMO_PASSWORD, byTestId, inputOf, openBrowser, shot, sqlite } from './lib.mjs'

const PHONE_375 = { width: 375, height: 812 }
const JPEG = join(fileURLToPath(new URL('.', import.meta.url)), '..', '..', 'src', 'media', 'testdata', 'exif_gps.jpg')

function residentId(first17) {
  const w = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
  const sum = [...first17].reduce((s, d, i) => s + Number(d) * w[i], 0)
  return first17 + '10X98765432'[sum % 11]
}
const seq = () => String(100 + Math.floor(Math.random() * 800))

async function phoneLogin(page, username) {
  await page.goto(`${BASE}/m/login`)
  await inputOf(page, 'm-login-username').fill(username)
  await inputOf(page, 'm-login-password').fill(DEMO_PASSWORD)
  await byTestId(page, 'm-login-submit').tap()
  await page.waitForURL((u) => u.pathname === '/m/')
  await byTestId(page, 'm-home-user').waitFor()
}

describe('phone app: roles, passes with a basis, photos offline', () => {
  let phone
  before(async () => {
    phone = await openBrowser({ viewport: PHONE_375, phone: true })
  })
  after(async () => {
    if (phone?.problems.length) console.log(`# browser notes:\n#   ${phone.problems.join('\n#   ')}`)
    await phone?.close()
  })

  it('shows each role its own work and keeps a photo taken offline', async () => {
    const { page, context } = phone

    // the grid member: tasks and visits, no checks
    await phoneLogin(page, 'gridmember')
    await byTestId(page, 'm-home-visit').waitFor()
    assert.equal(await byTestId(page, 'm-home-check').count(), 0, 'no 盘查 for a grid member')
    assert.equal(await byTestId(page, 'm-home-vehicle').count(), 0, 'no 车辆核查 for a grid member')
    await shot(page, '21-home-gridmember')
    await page.goto(`${BASE}/m/me`)
    await byTestId(page, 'm-logout').tap()
    await page.waitForURL((u) => u.pathname === '/m/login')

    // the auxiliary: the vehicle's watch orders, no pass search
    await phoneLogin(page, 'auxiliary')
    await byTestId(page, 'm-home-check').waitFor()
    await byTestId(page, 'm-home-vehicle').tap()
    await inputOf(page, 'm-vehicle-plate').fill('川A12345')
    await byTestId(page, 'm-vehicle-submit').tap()
    await byTestId(page, 'm-vehicle-orders').waitFor()
    assert.equal(await byTestId(page, 'm-vehicle-basis').count(), 0, 'no pass search for an auxiliary')
    await page.goto(`${BASE}/m/me`)
    await byTestId(page, 'm-logout').tap()
    await page.waitForURL((u) => u.pathname === '/m/login')

    // the officer: the passes, with a purpose and a case number of their station
    const caseNo = sqlite("SELECT c.case_no FROM cases c JOIN units u ON u.id = c.unit_id WHERE u.name = '城关派出所' ORDER BY c.id LIMIT 1")
    assert.ok(caseNo, 'a demo case of 城关派出所')
    // (the grid's addresses reach the phone's store after login: the offline registration below picks from them)
    const addresses = page.waitForResponse((r) => r.url().includes('/api/v1/field/grid-addresses') && r.status() === 200)
    await phoneLogin(page, 'officer')
    await byTestId(page, 'm-home-vehicle').tap()
    await inputOf(page, 'm-vehicle-plate').fill('川A12345')
    await byTestId(page, 'm-vehicle-submit').tap()
    await byTestId(page, 'm-vehicle-basis').waitFor()
    await byTestId(page, 'm-vehicle-passes-submit').tap()
    await byTestId(page, 'm-vehicle-basis').locator('.van-field__error-message').first().waitFor() // purpose and case asked
    const runs = () => Number(sqlite("SELECT count(*) FROM audit_log a JOIN users u ON u.id = a.user_id WHERE u.username = 'officer' AND a.action = 'analysis.run' AND a.result = 'ok'"))
    const runsBefore = runs()
    await inputOf(page, 'm-vehicle-purpose').fill('盘查可疑车辆核实轨迹')
    await inputOf(page, 'm-vehicle-case').fill(caseNo)
    await byTestId(page, 'm-vehicle-passes-submit').tap()
    await byTestId(page, 'm-vehicle-passes').waitFor()
    await shot(page, '21-vehicle-passes')
    assert.equal(runs(), runsBefore + 1, 'the pass search is audited as the officer\'s')

    // a photo taken with no network, with the person registered offline
    await addresses
    await page.goto(`${BASE}/m/`)
    await byTestId(page, 'm-home-pending').waitFor()
    await page.waitForFunction(() => navigator.serviceWorker?.controller !== null) // the shell is installed
    const room = sqlite(
      "SELECT a.full_name FROM community_addresses a JOIN community_grid_members m ON m.grid_code = a.grid_id " +
        "JOIN users u ON u.id = m.user_id WHERE u.username = 'officer' AND a.level = 'room' ORDER BY a.code LIMIT 1",
    )
    const media = () => Number(sqlite('SELECT count(*) FROM media_objects'))
    const mediaBefore = media()
    const name = `离线头像${seq()}`
    // the grid's addresses are in the phone's store (the offline address picking reads them) before the network goes
    await page.waitForFunction(async () => {
      if (!(await indexedDB.databases()).some((d) => d.name === 'jw-field')) return false
      return new Promise((resolve) => {
        const req = indexedDB.open('jw-field')
        req.onerror = () => resolve(false)
        req.onsuccess = () => {
          const db = req.result
          if (!db.objectStoreNames.contains('cache')) { db.close(); resolve(false); return }
          const get = db.transaction('cache').objectStore('cache').get('grid-addresses')
          get.onsuccess = () => { db.close(); resolve(Boolean(get.result)) }
          get.onerror = () => { db.close(); resolve(false) }
        }
      })
    })
    await context.setOffline(true)
    await page.goto(`${BASE}/m/people/new`) // offline: the service worker answers with the app
    await inputOf(page, 'm-person-id').waitFor()
    await page.locator('[data-testid="m-photo"] input[type="file"]').setInputFiles(JPEG)
    await byTestId(page, 'm-photo-queued').waitFor()
    await inputOf(page, 'm-person-id').fill(residentId(`51990119900303${seq()}`))
    await inputOf(page, 'm-person-name').fill(name)
    await page.locator('[data-testid="m-address-input"] textarea').fill(room)
    await byTestId(page, 'm-address-match').tap()
    await shot(page, '21-person-offline')
    await byTestId(page, 'm-address-candidate').filter({ hasText: room }).first().tap()
    await byTestId(page, 'm-person-submit').tap()
    await byTestId(page, 'm-person-done').filter({ hasText: '已离线保存' }).waitFor()
    await page.goto(`${BASE}/m/pending`) // offline: the service worker answers
    await byTestId(page, 'm-pending-item').filter({ hasText: '照片 · 照片' }).waitFor()
    assert.equal(await byTestId(page, 'm-pending-item').count(), 2, 'the photo and the person wait')
    assert.equal(media(), mediaBefore, 'nothing reached the server')

    await context.setOffline(false)
    await byTestId(page, 'm-pending-sync').tap()
    await page.waitForFunction(() => document.querySelectorAll('[data-testid="m-pending-item"]').length === 0)
    assert.equal(media(), mediaBefore + 1, 'the photo stored once')
    const photoOf = sqlite('SELECT photo_media_id FROM community_people ORDER BY id DESC LIMIT 1')
    const newest = sqlite('SELECT media_id FROM media_objects ORDER BY rowid DESC LIMIT 1')
    assert.equal(photoOf, newest, 'the person carries the photo taken offline')
  })
})
