// The offline-first phone app (issue 15, ADR 0053), at phone size with touch. First load of /m/ on Chromium's
// 3G profile (measured and reported, not asserted). The officer logs in and checks a wanted person (the instruction
// on the phone, the alert on the duty desk's board), then a person known to the master index, and opens their
// record to verify it; then the network goes: the officer changes that record, makes three checks (the wanted
// person's answered from the phone's hashed list), registers a person and records a visit naming them — all saved on the phone, counted as 待同步. The page
// is reloaded with no network (the service worker serves the app, the queue is still there). Meanwhile someone
// changes the same record on the server. The network returns: everything is sent once, in order (the person
// before the visit), and shows on the desktop's API; the verification that met the server's newer version is a
// conflict shown to the officer, not sent over it. At logout the phone's store is gone.
import { after, before, describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { BASE, DEMO_PASSWORD, byTestId, inputOf, openBrowser, shot, sqlite } from './lib.mjs'

const PHONE_375 = { width: 375, height: 812 }
// Chromium's "3G" preset (DevTools: 562.5 ms round trip, 1.6 Mbit/s down, 750 kbit/s up, less 10 %).
const THREE_G = { offline: false, latency: 562.5, downloadThroughput: (1.6 * 1024 * 1024 * 0.9) / 8, uploadThroughput: (750 * 1024 * 0.9) / 8 }

// Synthetic resident IDs of the demo region with valid check characters (GB 11643).
function residentId(first17) {
  const w = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
  const sum = [...first17].reduce((s, d, i) => s + Number(d) * w[i], 0)
  return first17 + '10X98765432'[sum % 11]
}
const seq = () => String(100 + Math.floor(Math.random() * 800))
const KNOWN_ID = residentId(`51990119880214${seq()}`)
const UNKNOWN_ID = residentId(`51990119700101${seq()}`)
const OFFLINE_ID = residentId(`51990119950606${seq()}`)
const WANTED_ID = residentId(`51990119790909${seq()}`)
const OFFLINE_NAME = `离线登记${seq()}`

// The desktop's API as another session of a demo user (cookies and CSRF by hand).
async function apiSession(username) {
  const r = await fetch(`${BASE}/api/v1/session`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ username, password: DEMO_PASSWORD }),
  })
  assert.equal(r.status, 200, `login ${username}`)
  const cookies = r.headers.getSetCookie().map((c) => c.split(';')[0])
  const csrf = cookies.find((c) => c.startsWith('jw_csrf='))?.slice(8) ?? ''
  const call = async (method, path, body) => {
    const res = await fetch(`${BASE}/api/v1${path}`, {
      method,
      headers: { Cookie: cookies.join('; '), 'X-CSRF-Token': csrf, 'Content-Type': 'application/json' },
      body: body ? JSON.stringify(body) : undefined,
    })
    return { status: res.status, json: await res.json().catch(() => null) }
  }
  return { get: (p) => call('GET', p), post: (p, b) => call('POST', p, b), patch: (p, b) => call('PATCH', p, b) }
}

const iso = (s) => new Date(Date.now() + s * 1000).toISOString().replace(/\.\d{3}Z$/, 'Z')

describe('phone app offline: nothing lost, everything once, conflicts shown', () => {
  let phone
  before(async () => {
    phone = await openBrowser({ viewport: PHONE_375, phone: true })
  })
  after(async () => {
    if (phone?.problems.length) console.log(`# browser notes:\n#   ${phone.problems.join('\n#   ')}`)
    await phone?.close()
  })

  it('works a shift offline and syncs exactly once', async () => {
    const { page, context } = phone
    const desk = await apiSession('officer')
    const checksBefore = Number(sqlite('SELECT count(*) FROM field_checks'))
    const checksNow = () => Number(sqlite('SELECT count(*) FROM field_checks')) - checksBefore
    // A person the master index knows (registered from the desktop).
    const known = await desk.post('/community/people', { id_number: KNOWN_ID, name: '核实对象', category: 'household', phones: [] })
    assert.equal(known.status, 201)
    // A wanted person on the person watch list (applied by the officer, approved by the leader).
    const leader = await apiSession('leader')
    const duty = await apiSession('duty')
    const centre = (await desk.get('/personwatch/options')).json.units.find((u) => u.name === '指挥中心').id
    const entry = await desk.post('/personwatch/entries', {
      kind: 'wanted', id_number: WANTED_ID, name: '蓝天明', case_no: '示公刑立字〔2026〕301号', reason: '涉嫌抢劫罪，在逃',
      instruction: '立即控制，通知城关派出所', valid_from: iso(-60), valid_to: iso(86400), unit_ids: [centre],
    })
    assert.equal(entry.status, 201, JSON.stringify(entry.json))
    assert.equal((await leader.post(`/personwatch/entries/${entry.json.id}/approve`, { version: entry.json.version, reason: '同意' })).status, 200)
    const personAlerts = async () => (await duty.get('/alerts?state=open&page_size=200')).json.items.filter((x) => x.source === 'personwatch')
    const alertsBefore = new Set((await personAlerts()).map((a) => a.id))

    // First load on 3G: the login page ready to type in.
    const cdp = await context.newCDPSession(page)
    await cdp.send('Network.enable')
    await cdp.send('Network.emulateNetworkConditions', THREE_G)
    const t0 = Date.now()
    await page.goto(`${BASE}/m/login`)
    await byTestId(page, 'm-login-username').waitFor()
    console.log(`# first load of /m/ on Chromium's 3G profile: ${((Date.now() - t0) / 1000).toFixed(2)} s`)
    await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 0, downloadThroughput: -1, uploadThroughput: -1 })

    await inputOf(page, 'm-login-username').fill('officer')
    await inputOf(page, 'm-login-password').fill(DEMO_PASSWORD)
    const keyed = page.waitForResponse((r) => r.url().endsWith('/api/v1/field/cache-key') && r.status() === 200)
    const addresses = page.waitForResponse((r) => r.url().includes('/api/v1/field/grid-addresses') && r.status() === 200)
    const wantedList = page.waitForResponse((r) => r.url().endsWith('/api/v1/personwatch/offline-list') && r.status() === 200)
    await byTestId(page, 'm-login-submit').tap()
    await page.waitForURL((u) => u.pathname === '/m/')
    await keyed
    await addresses // the grid's addresses are on the phone (background refresh after login)
    await wantedList // and the wanted persons' hashes
    await page.waitForFunction(() => navigator.serviceWorker?.controller !== null) // the shell is installed

    // Two taps to an answer: 盘查, type, 查询. A wanted person: the instruction, and the duty desk alerted.
    await byTestId(page, 'm-home-check').tap()
    await inputOf(page, 'm-check-id').fill(WANTED_ID)
    await byTestId(page, 'm-check-submit').tap()
    await page.locator('[data-testid="m-check-answer"][data-outcome="wanted"]').waitFor()
    await byTestId(page, 'm-check-hit').filter({ hasText: '立即控制，通知城关派出所' }).waitFor()
    await shot(page, '16-check-wanted')
    const raised = (await personAlerts()).filter((a) => !alertsBefore.has(a.id))
    assert.equal(raised.length, 1, 'the duty desk sees the hit at once')
    const alert = (await duty.get(`/alerts/${raised[0].id}`)).json
    assert.equal(alert.payload.check_source, 'mobile_check')
    assert.ok(!JSON.stringify(alert).includes(WANTED_ID), 'the alert carries the masked number only')

    await inputOf(page, 'm-check-id').fill(KNOWN_ID)
    await byTestId(page, 'm-check-submit').tap()
    const answer = byTestId(page, 'm-check-answer')
    await answer.and(page.locator('[data-outcome="known"]')).waitFor()
    assert.match(await answer.innerText(), /已登记/)
    await shot(page, '16-check-known')
    await byTestId(page, 'm-check-verify').tap()
    await byTestId(page, 'm-edit-save').waitFor()
    await page.locator('.van-cell__value', { hasText: '版本 1' }).waitFor()

    // --- no network from here ---
    await context.setOffline(true)
    await inputOf(page, 'm-edit-phone').fill('13800138000')
    await byTestId(page, 'm-edit-save').tap()
    await page.waitForURL((u) => u.pathname === '/m/')
    await byTestId(page, 'm-offline').waitFor()

    // three checks
    await byTestId(page, 'm-home-check').tap()
    for (const [id, outcome] of [[KNOWN_ID, 'queued'], [UNKNOWN_ID, 'queued'], [WANTED_ID, 'wanted_offline']]) {
      await inputOf(page, 'm-check-id').fill(id)
      await byTestId(page, 'm-check-submit').tap()
      await page.locator(`[data-testid="m-check-answer"][data-outcome="${outcome}"]`).waitFor()
    }
    await shot(page, '16-check-offline')

    // a person at an address of the officer's grid (picked from the phone's copy), then a visit naming them
    const room = sqlite(
      "SELECT a.full_name FROM community_addresses a JOIN community_grid_members m ON m.grid_code = a.grid_id " +
        "JOIN users u ON u.id = m.user_id WHERE u.username = 'officer' AND a.level = 'room' ORDER BY a.code LIMIT 1",
    )
    assert.ok(room, 'the demo officer works in a grid with rooms')
    await page.goto(`${BASE}/m/people/new`) // offline: the service worker answers with the app
    await inputOf(page, 'm-person-id').fill(OFFLINE_ID)
    await inputOf(page, 'm-person-name').fill(OFFLINE_NAME)
    await page.locator('[data-testid="m-address-input"] textarea').fill(room)
    await byTestId(page, 'm-address-match').tap()
    await byTestId(page, 'm-address-candidate').filter({ hasText: room }).first().tap()
    await byTestId(page, 'm-person-submit').tap()
    await byTestId(page, 'm-person-done').filter({ hasText: '已离线保存' }).waitFor()
    await byTestId(page, 'm-person-visit').tap()
    await page.locator('[data-testid="m-visit-findings"] textarea').fill('离线走访：人户一致')
    await byTestId(page, 'm-visit-submit').tap()
    await page.waitForURL((u) => u.pathname === '/m/')
    const badge = byTestId(page, 'm-home-pending').locator('.van-badge')
    await badge.filter({ hasText: /^6$/ }).waitFor()

    // reload with no network: the app and its queue are still there
    await page.reload()
    await byTestId(page, 'm-home-pending').locator('.van-badge').filter({ hasText: /^6$/ }).waitFor()
    await shot(page, '16-home-offline-after-reload')
    assert.equal(checksNow(), 2, 'only the online checks reached the server')

    // meanwhile the record is changed on the server (version 2)
    const changed = await desk.patch(`/community/people/${known.json.person_id}`, { version: 1, phones: ['13900139000'] })
    assert.equal(changed.status, 200)

    // --- the network returns ---
    await context.setOffline(false)
    await byTestId(page, 'm-home-pending').tap()
    await page.locator('[data-testid="m-pending-item"]').first().waitFor()
    await shot(page, '16-pending-before-sync')
    // the 'online' event sends the queue by itself; after a reload with no network Chromium's emulation may not
    // fire it, so the officer taps 立即同步 as they would
    await byTestId(page, 'm-pending-sync').tap()
    await page.waitForFunction(
      () => [...document.querySelectorAll('[data-testid="m-pending-item"]')].every((e) => e.getAttribute('data-status') === 'conflict'),
    )
    assert.equal(await byTestId(page, 'm-pending-item').count(), 1, 'only the conflict is left')
    await byTestId(page, 'm-pending-conflict').filter({ hasText: '已被修改' }).waitFor()
    await shot(page, '16-pending-conflict')

    // exactly once, in order, visible on the desktop's API
    assert.equal(checksNow(), 5, 'the three offline checks reached the server once each')
    // the wanted person's offline check, re-checked by the server as it arrived: a second alert on the duty desk's
    // board (the first was the online check), with the position, once however often the queue sent it
    const raisedNow = (await personAlerts()).filter((a) => !alertsBefore.has(a.id))
    assert.equal(raisedNow.length, 2, 'the online and the synced offline check of the wanted person, one alert each')
    const synced = (await duty.get(`/alerts/${raisedNow.find((a) => a.id !== raised[0].id).id}`)).json
    assert.equal(synced.payload.check_source, 'mobile_check')
    const people = await desk.get(`/community/people?q=${encodeURIComponent(OFFLINE_NAME)}`)
    assert.equal(people.json.total, 1)
    const personId = people.json.items[0].id
    const visits = Number(sqlite(`SELECT count(*) FROM community_visits WHERE person_ids = ',${personId},'`))
    assert.equal(visits, 1, 'the visit names the person registered offline')
    const checks = await desk.get('/field/checks?mine=true')
    assert.ok(checks.json.items.filter((c) => c.offline).length >= 3)
    const after = await desk.get(`/community/people/${known.json.person_id}`)
    assert.equal(after.json.version, 2, 'the conflicting change was not applied over the server version')

    // logout: nothing of the officer's stays on the phone
    await page.goto(`${BASE}/m/me`)
    await byTestId(page, 'm-logout').tap()
    await page.waitForURL((u) => u.pathname === '/m/login')
    const left = await page.evaluate(async () => ({
      dbs: (await indexedDB.databases()).map((d) => d.name),
      secret: sessionStorage.getItem('jw_m_secret'),
    }))
    assert.ok(!left.dbs.includes('jw-field'), `IndexedDB after logout: ${left.dbs.join(', ')}`)
    assert.equal(left.secret, null)
  })
})
