// Houses and units registered on the phone (issue 15 § 一标三实: people, houses and units; ADR 0076), at phone size
// with touch. Online: a rented house at the standard address picked by 定位, the landlord by ID number and name,
// seen through the desktop's API. Offline: a unit (credit code checked on the phone while typed), its address
// picked by 定位 from the kept grid addresses, saved to the queue; the app is reloaded with no network and the
// item is still in 待同步; the network returns, the unit is sent exactly once.
import { after, before, describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { BASE, DEMO_PASSWORD, byTestId, inputOf, openBrowser, shot, sqlite } from './lib.mjs'

const PHONE_375 = { width: 375, height: 812 }
const seq = () => String(100 + Math.floor(Math.random() * 800))

function residentId(first17) {
  const w = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
  const sum = [...first17].reduce((s, d, i) => s + Number(d) * w[i], 0)
  return first17 + '10X98765432'[sum % 11]
}

// GB 32100-2015 §4.2: the check character of a unified social credit code.
function creditCode(first17) {
  const set = '0123456789ABCDEFGHJKLMNPQRTUWXY'
  const sum = [...first17].reduce((acc, ch, i) => acc + set.indexOf(ch) * (3 ** i % 31), 0)
  return first17 + set[(31 - (sum % 31)) % 31]
}

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

// Houses (house numbers) of the officer's grid with a position; `free` = no house registered there yet.
function gridHouses(free, n) {
  const rows = sqlite(
    "SELECT a.code || '|' || a.full_name || '|' || a.longitude || '|' || a.latitude FROM community_addresses a " +
      "JOIN community_grid_members m ON m.grid_code = a.grid_id JOIN users u ON u.id = m.user_id " +
      "WHERE u.username = 'officer' AND a.level = 'house' AND a.longitude IS NOT NULL " +
      `AND ${free ? 'NOT' : ''} EXISTS (SELECT 1 FROM community_houses h WHERE h.address_code = a.code) ORDER BY a.code LIMIT ${n}`,
  ).split('\n')
  return rows.filter(Boolean).map((r) => {
    const [code, name, lng, lat] = r.split('|')
    return { code, name, longitude: Number(lng), latitude: Number(lat) }
  })
}

async function pickByGps(page, at, name) {
  await page.context().setGeolocation({ latitude: at.latitude, longitude: at.longitude, accuracy: 10 })
  await byTestId(page, 'm-address-locate').tap()
  const candidate = byTestId(page, 'm-address-candidate').filter({ hasText: name }).first()
  await candidate.waitFor()
  await candidate.tap()
  await byTestId(page, 'm-address-picked').filter({ hasText: name }).waitFor()
}

describe('phone: houses and units registered at a picked standard address, online and offline', () => {
  let phone
  before(async () => {
    phone = await openBrowser({ viewport: PHONE_375, phone: true })
  })
  after(async () => {
    if (phone?.problems.length) console.log(`# browser notes:\n#   ${phone.problems.join('\n#   ')}`)
    await phone?.close()
  })

  it('registers a house online and a unit offline, sent once when the network returns', async () => {
    const { page, context } = phone
    const [house] = gridHouses(true, 1)
    const [shop] = gridHouses(false, 1)
    assert.ok(house && shop, 'the demo officer\'s grid has a free house number and a registered one')
    await context.grantPermissions(['geolocation'], { origin: BASE })

    await page.goto(`${BASE}/m/login`)
    await inputOf(page, 'm-login-username').fill('officer')
    await inputOf(page, 'm-login-password').fill(DEMO_PASSWORD)
    const addresses = page.waitForResponse((r) => r.url().includes('/api/v1/field/grid-addresses') && r.status() === 200)
    await byTestId(page, 'm-login-submit').tap()
    await page.waitForURL((u) => u.pathname === '/m/')
    await addresses
    await page.waitForFunction(() => navigator.serviceWorker?.controller !== null)

    // --- online: the house, from its tile on the home screen ---
    await byTestId(page, 'm-home-org').waitFor()
    await shot(page, '27-home-tiles')
    await byTestId(page, 'm-home-house').tap()
    await page.waitForURL((u) => u.pathname === '/m/houses/new')
    await pickByGps(page, house, house.name)
    await byTestId(page, 'm-house-use-rented').tap()
    await inputOf(page, 'm-house-area').fill('86.5')
    const landlordId = residentId(`51990119700301${seq()}`)
    const landlord = `房东${seq()}`
    // a wrong check character is named while typing, before anything is sent
    await inputOf(page, 'm-house-owner-id').fill(landlordId.slice(0, 17) + (landlordId[17] === '1' ? '2' : '1'))
    await byTestId(page, 'm-house-owner-hint').filter({ hasText: '校验位不符' }).waitFor()
    await inputOf(page, 'm-house-owner-id').fill(landlordId)
    await byTestId(page, 'm-house-owner-hint').filter({ hasText: '号码有效' }).waitFor()
    await inputOf(page, 'm-house-owner-name').fill(landlord)
    await shot(page, '27-house-form', { fullPage: true })
    const created = page.waitForResponse((r) => r.url().endsWith('/api/v1/community/houses') && r.request().method() === 'POST')
    await byTestId(page, 'm-house-submit').tap()
    const reply = await created
    assert.equal(reply.status(), 201)
    assert.ok(reply.request().headers()['idempotency-key'], 'sent with its Idempotency-Key')
    await byTestId(page, 'm-house-done').filter({ hasText: '登记成功' }).waitFor()

    const desk = await apiSession('officer')
    const seen = await desk.get(`/community/houses?address_id=${house.code}`)
    const mine = seen.items.filter((h) => h.address_id === house.code)
    assert.equal(mine.length, 1, 'one house at the picked address')
    assert.equal(mine[0].use, 'rented')
    assert.equal(mine[0].area_m2, 86.5)
    assert.equal(mine[0].owner_name, `${landlord[0]}${'*'.repeat(landlord.length - 1)}`, 'the landlord, masked')

    // --- offline: the unit ---
    await context.setOffline(true)
    await page.goto(`${BASE}/m/`)
    await byTestId(page, 'm-home-org').tap()
    await page.waitForURL((u) => u.pathname === '/m/orgs/new')
    const unitName = `离线登记便利店${seq()}`
    await inputOf(page, 'm-org-name').fill(unitName)
    const code = creditCode(`9151990${String(Date.now()).slice(-10)}`)
    await inputOf(page, 'm-org-code').fill(code.slice(0, 17) + (code[17] === '0' ? '1' : '0'))
    await byTestId(page, 'm-org-code-hint').filter({ hasText: `应为 ${code[17]}` }).waitFor()
    await inputOf(page, 'm-org-code').fill(code.toLowerCase())
    await byTestId(page, 'm-org-code-hint').filter({ hasText: '代码有效' }).waitFor()
    await inputOf(page, 'm-org-phone').fill('13800138123')
    await inputOf(page, 'm-org-rep-id').fill(residentId(`51990119800615${seq()}`))
    await inputOf(page, 'm-org-rep-name').fill(`店主${seq()}`)
    await pickByGps(page, shop, shop.name)
    await shot(page, '27-org-form-offline', { fullPage: true })
    await byTestId(page, 'm-org-submit').tap()
    await byTestId(page, 'm-org-done').filter({ hasText: '已离线保存' }).waitFor()

    // reload with no network: the unit is still in 待同步
    await page.goto(`${BASE}/m/`)
    await page.reload()
    await byTestId(page, 'm-home-pending').locator('.van-badge').filter({ hasText: /^1$/ }).waitFor()
    await byTestId(page, 'm-home-pending').tap()
    await byTestId(page, 'm-pending-item').filter({ hasText: unitName }).waitFor()
    assert.match(await byTestId(page, 'm-pending-item').first().innerText(), /单位/)
    await shot(page, '27-pending-unit')
    assert.equal(sqlite(`SELECT count(*) FROM community_orgs WHERE credit_code = '${code}'`), '0')

    // --- the network returns: sent once (a second 立即同步 sends nothing more) ---
    await context.setOffline(false)
    await byTestId(page, 'm-pending-sync').tap()
    await byTestId(page, 'm-pending-empty').waitFor()
    await byTestId(page, 'm-pending-sync').tap()
    const found = await desk.get(`/community/orgs?q=${code}`)
    assert.equal(found.total, 1, 'the unit registered once')
    assert.equal(found.items[0].name, unitName)
    assert.equal(found.items[0].address_id, shop.code, 'at the address picked offline')
    assert.equal(found.items[0].kind, 'enterprise')
    assert.ok(found.items[0].legal_rep_person_id > 0, 'the person in charge found or registered')
    assert.equal(sqlite(`SELECT count(*) FROM community_orgs WHERE credit_code = '${code}'`), '1')
  })
})
