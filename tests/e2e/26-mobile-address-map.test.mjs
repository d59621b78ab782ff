// Picking the address by GPS or on the map on the phone (issue 15 § 一标三实, ADR 0073), at phone size with touch.
// The phone's position is a demo house of the officer's grid: 「定位」 shows the accuracy and the nearest standard
// addresses by distance (from the server), the officer picks the house and registers a person there. Then with
// no network: 「定位」 at another house answers from the addresses the phone keeps, and 「地图选点」 draws the grid's
// kept base map; a tap at the officer's position picks that house, named to confirm; the person registered there
// offline is sent when the network returns, with the picked standard address.
import { after, before, describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { BASE, DEMO_PASSWORD, byTestId, inputOf, openBrowser, shot, sqlite } from './lib.mjs'

const PHONE_375 = { width: 375, height: 812 }

function residentId(first17) {
  const w = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
  const sum = [...first17].reduce((s, d, i) => s + Number(d) * w[i], 0)
  return first17 + '10X98765432'[sum % 11]
}
const seq = () => String(100 + Math.floor(Math.random() * 800))

async function apiSession(username) {
  const r = await fetch(`${BASE}/api/v1/session`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ username, password: DEMO_PASSWORD }),
  })
  assert.equal(r.status, 200, `login ${username}`)
  const cookies = r.headers.getSetCookie().map((c) => c.split(';')[0])
  return { get: async (p) => (await fetch(`${BASE}/api/v1${p}`, { headers: { Cookie: cookies.join('; ') } })).json() }
}

// Two houses of the officer's grid with their positions.
function gridHouses() {
  const rows = sqlite(
    "SELECT a.code || '|' || a.full_name || '|' || a.longitude || '|' || a.latitude FROM community_addresses a " +
      "JOIN community_grid_members m ON m.grid_code = a.grid_id JOIN users u ON u.id = m.user_id " +
      "WHERE u.username = 'officer' AND a.level = 'house' AND a.longitude IS NOT NULL ORDER BY a.code LIMIT 2 OFFSET 3",
  ).split('\n')
  return rows.map((r) => {
    const [code, name, lng, lat] = r.split('|')
    return { code, name, longitude: Number(lng), latitude: Number(lat) }
  })
}

async function newPerson(page, idNumber, name) {
  await page.goto(`${BASE}/m/people/new`)
  await inputOf(page, 'm-person-id').fill(idNumber)
  await inputOf(page, 'm-person-name').fill(name)
}

describe('phone: the address picked by GPS or on the grid\'s map, online and offline', () => {
  let phone
  before(async () => {
    phone = await openBrowser({ viewport: PHONE_375, phone: true })
  })
  after(async () => {
    if (phone?.problems.length) console.log(`# browser notes:\n#   ${phone.problems.join('\n#   ')}`)
    await phone?.close()
  })

  it('locates, offers the nearest standard addresses, and picks on the kept map without the network', async () => {
    const { page, context } = phone
    const [first, second] = gridHouses()
    assert.ok(first && second, 'the demo officer\'s grid has houses with positions')
    await context.grantPermissions(['geolocation'], { origin: BASE })
    await context.setGeolocation({ latitude: first.latitude, longitude: first.longitude, accuracy: 15 })

    await page.goto(`${BASE}/m/login`)
    await inputOf(page, 'm-login-username').fill('officer')
    await inputOf(page, 'm-login-password').fill(DEMO_PASSWORD)
    const gridMap = page.waitForResponse((r) => r.url().includes('/api/v1/field/grid-map') && r.status() === 200)
    const addresses = page.waitForResponse((r) => r.url().includes('/api/v1/field/grid-addresses') && r.status() === 200)
    await byTestId(page, 'm-login-submit').tap()
    await page.waitForURL((u) => u.pathname === '/m/')
    const kept = await (await gridMap).json()
    assert.ok(kept.basemap.features.length > 0 && kept.boundary.type === 'Polygon')
    await addresses
    await page.waitForFunction(() => navigator.serviceWorker?.controller !== null)

    // --- online: 定位 → the nearest standard addresses from the server ---
    const onlineName = `定位登记${seq()}`
    await newPerson(page, residentId(`51990119930715${seq()}`), onlineName)
    const near = page.waitForResponse((r) => r.url().includes('/api/v1/community/addresses/near'))
    await byTestId(page, 'm-address-locate').tap()
    assert.equal((await near).status(), 200)
    await byTestId(page, 'm-address-accuracy').filter({ hasText: '15 米' }).waitFor()
    const nearest = byTestId(page, 'm-address-candidate').first()
    await nearest.filter({ hasText: first.name }).waitFor()
    assert.match(await nearest.innerText(), /0 米/)
    await shot(page, '26-locate-nearest')
    await nearest.tap()
    await byTestId(page, 'm-address-picked').filter({ hasText: first.name }).waitFor()
    await byTestId(page, 'm-person-submit').tap()
    await byTestId(page, 'm-person-done').filter({ hasText: '登记成功' }).waitFor()

    // --- no network from here ---
    await context.setOffline(true)
    await context.setGeolocation({ latitude: second.latitude, longitude: second.longitude, accuracy: 20 })
    const offlineName = `地图登记${seq()}`
    await newPerson(page, residentId(`51990119940823${seq()}`), offlineName)
    // the map before locating: the whole grid, its outline and the kept base map around it
    await byTestId(page, 'm-address-map').tap()
    await byTestId(page, 'm-map-canvas').locator('.leaflet-overlay-pane canvas').first().waitFor()
    await page.waitForTimeout(400)
    await shot(page, '26-map-sheet-grid')
    await page.locator('.van-popup__close-icon').tap()
    await byTestId(page, 'm-map-sheet').waitFor({ state: 'hidden' })
    await byTestId(page, 'm-address-locate').tap()
    await byTestId(page, 'm-address-accuracy').filter({ hasText: '离线' }).waitFor()
    await byTestId(page, 'm-address-candidate').first().filter({ hasText: second.name }).waitFor()
    // on the map: centred on the officer's position; a tap there picks the house standing at it
    await byTestId(page, 'm-address-map').tap()
    const canvas = byTestId(page, 'm-map-canvas')
    await canvas.locator('.leaflet-overlay-pane canvas, .leaflet-overlay-pane svg').first().waitFor()
    await page.waitForTimeout(400) // the sheet's opening transition
    const box = await canvas.boundingBox()
    await page.touchscreen.tap(box.x + box.width / 2, box.y + box.height / 2)
    await byTestId(page, 'm-map-chosen').filter({ hasText: second.name }).waitFor()
    await shot(page, '26-map-sheet-offline')
    await byTestId(page, 'm-map-use').tap()
    await byTestId(page, 'm-address-picked').filter({ hasText: second.name }).waitFor()
    await byTestId(page, 'm-person-submit').tap()
    await byTestId(page, 'm-person-done').filter({ hasText: '已离线保存' }).waitFor()

    // --- the network returns: the person is registered with the address picked on the map ---
    await context.setOffline(false)
    await page.goto(`${BASE}/m/pending`)
    await byTestId(page, 'm-pending-sync').tap()
    await byTestId(page, 'm-pending-empty').waitFor()
    const desk = await apiSession('officer')
    for (const [name, house] of [[onlineName, first], [offlineName, second]]) {
      const found = await desk.get(`/community/people?q=${encodeURIComponent(name)}`)
      assert.equal(found.total, 1, `${name} registered once`)
      const person = await desk.get(`/community/people/${found.items[0].id}`)
      assert.equal(person.residence_address_id, house.code, `${name} lives at the picked house`)
    }
  })
})
